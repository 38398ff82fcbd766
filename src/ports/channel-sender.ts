/** A message handed to a channel provider (Twilio Messaging today, Teams later). */
export interface OutboundMessage {
  /** The channel address: an E.164 number for SMS. */
  to: string;
  text: string;
  /** Where the provider reports delivery (Twilio's statusCallback). */
  statusCallbackUrl?: string;
}

export interface SentMessage {
  /** The provider's id of the message (Twilio MessageSid). */
  providerId: string;
  /** The provider's first status (queued, accepted, sent...). */
  status: string;
}

/**
 * A refused send. `optedOut` means the recipient opted out with the provider (Twilio 21610) and must
 * never be messaged again; `retryable` covers outages, throttling and timeouts.
 */
export class ChannelSendError extends Error {
  constructor(
    message: string,
    readonly details: { code?: string; status?: number; retryable: boolean; optedOut?: boolean },
  ) {
    super(message);
    this.name = "ChannelSendError";
  }
}

/** What the provider is asked after a send whose outcome was never recorded (the process died mid-call). */
export interface SentMessageQuery {
  to: string;
  text: string;
  /** The send was claimed at this time: anything the provider accepted earlier is another message. */
  since: Date;
}

/** Sends one message on one channel. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<SentMessage>;
  /**
   * Asks the provider whether it accepted this message (same address and text) since the claim, so an
   * unrecorded send is recorded rather than sent twice or never. Senders that cannot ask leave it out.
   */
  findSent?(query: SentMessageQuery): Promise<SentMessage | null>;
}
