import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { AssistantDeps } from "../assistant/assistant-deps";
import type { EnqueueDelivery } from "../deliveries/context";

/** Everything the phone line's verbs need, wired once by the app. */
export interface VoiceContext {
  assistant: AssistantDeps;
  logger: Logger;
  /** Queues texts to callers (links, case references) on the SMS channel; without it the line says it cannot. */
  enqueueDelivery?: EnqueueDelivery | undefined;
  /** Where callback cases queue their SLA timers. */
  jobQueue?: JobQueue | undefined;
  /** The city's name, as texts to callers sign it. */
  cityName?: string | undefined;
  /** Injected clock; tests pass their own. */
  now?: Date;
}

/** The channel name conversations and cases of the phone line carry. */
export const VOICE_CHANNEL = "voice";

/** The idempotency key of one spoken turn: Twilio retries the same Gather with the same CallSid. */
export function voiceTurnKey(callSid: string, turn: number): string {
  return `call:${callSid}:${turn}`;
}
