import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import {
  ChannelSendError,
  type ChannelSender,
  type OutboundMessage,
  type SentMessageQuery,
} from "../ports/channel-sender";

export interface TwilioSmsSenderOptions {
  accountSid: string;
  authToken: string;
  /** Either a sender number or a Messaging Service (which picks the number and may handle opt-outs). */
  fromNumber?: string | undefined;
  messagingServiceSid?: string | undefined;
  /**
   * Where the REST calls go instead of https://api.twilio.com (a stand-in server in tests, a proxy);
   * the path and query Twilio's client builds are kept.
   */
  apiBaseUrl?: string | undefined;
  timeoutMs?: number;
}

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/** Twilio's own HTTP client with every request sent to another origin. */
class RedirectedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }
  override request<TData>(opts: RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const base = new URL(this.baseUrl);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...opts, uri: target.toString() });
  }
}

/** SMS through the Messages API of the `twilio` package. */
export function createTwilioSmsSender(options: TwilioSmsSenderOptions): ChannelSender {
  const timeout = options.timeoutMs ?? 10_000;
  const httpClient = options.apiBaseUrl
    ? new RedirectedRequestClient(options.apiBaseUrl, { timeout })
    : new twilio.RequestClient({ timeout });
  const client = twilio(options.accountSid, options.authToken, { httpClient });
  const sender = options.messagingServiceSid
    ? { messagingServiceSid: options.messagingServiceSid }
    : { from: options.fromNumber ?? "" };

  return {
    async send(message: OutboundMessage) {
      try {
        const sent = await client.messages.create({
          to: message.to,
          body: message.text,
          ...sender,
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        });
        return { providerId: sent.sid, status: sent.status };
      } catch (error) {
        throw toSendError(error);
      }
    },
    async findSent(query: SentMessageQuery) {
      // Twilio lists the newest first; a claim is at most minutes old, so one page is enough.
      let recent: Awaited<ReturnType<typeof client.messages.list>>;
      try {
        recent = await client.messages.list({
          to: query.to,
          ...(options.fromNumber && !options.messagingServiceSid ? { from: options.fromNumber } : {}),
          pageSize: 50,
          limit: 50,
        });
      } catch (error) {
        throw toSendError(error);
      }
      // Twilio stamps its own clock; a minute of leeway covers the difference from ours.
      const earliest = query.since.getTime() - 60_000;
      const match = recent.find(
        (m) =>
          m.direction.startsWith("outbound") &&
          m.body === query.text &&
          (m.dateCreated ? m.dateCreated.getTime() >= earliest : true),
      );
      return match ? { providerId: match.sid, status: match.status } : null;
    },
  };
}

function toSendError(error: unknown): ChannelSendError {
  if (error instanceof twilio.RestException) {
    const code = error.code !== undefined ? String(error.code) : undefined;
    const status = error.status;
    return new ChannelSendError(`Twilio refused the message: ${error.message}`, {
      ...(code ? { code } : {}),
      status,
      optedOut: code === "21610",
      retryable: status === 429 || status >= 500,
    });
  }
  // No answer at all (timeout, connection refused): worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelSendError(`Twilio could not be reached: ${message}`, { retryable: true });
}
