import type { AssistantDeps } from "../assistant/assistant-deps";
import type { TurnOutcome } from "../assistant/run-turn";
import type { EnqueueDelivery } from "../deliveries/context";

/** Turns the assistant's reply into the text one SMS conversation can carry (the channel's presenter). */
export type RenderSmsReply = (
  reply: Pick<TurnOutcome, "text" | "citations" | "options" | "case" | "status" | "intake">,
  lang: string,
) => string;

export interface SmsContext {
  assistant: AssistantDeps;
  enqueueDelivery: EnqueueDelivery;
  /** Queues the `sms.turn` job for a stored inbound message. */
  enqueueTurn: (messageId: string) => Promise<void>;
  render: RenderSmsReply;
  /** Conversations quiet for longer than this start afresh. */
  idleWindowHours: number;
  /** Confirm STOP/START/HELP ourselves when the provider did not already answer them. */
  optOutReplies: boolean;
  now?: Date;
}

/** The sender's own idempotency key, unique across conversations. */
export function smsMessageKey(messageSid: string): string {
  return `twilio:${messageSid}`;
}
