import type { JobQueue } from "../ports/job-queue";
import { answerSmsMessage } from "../services/sms/answer-sms-message";
import type { SmsContext } from "../services/sms/context";
import { smsTurnJob } from "./catalogue";

/** Wires `sms.turn` to the verb that answers a stored text and queues the reply. */
export function registerSmsHandlers(queue: JobQueue, ctx: () => SmsContext): void {
  queue.registerHandler(smsTurnJob, async (payload) => {
    await answerSmsMessage({ ctx: { ...ctx(), now: new Date() }, messageId: payload.messageId });
  });
}

/** Queues the turn of an inbound text, once per message. */
export function createSmsTurnEnqueuer(queue: JobQueue): (messageId: string) => Promise<void> {
  return async (messageId) => {
    await queue.enqueue(smsTurnJob, { messageId }, { key: `sms.turn:${messageId}` });
  };
}
