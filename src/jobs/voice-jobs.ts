import { z } from "zod";
import { defineJob, type JobQueue } from "../ports/job-queue";

/** One spoken turn of a call, already stored: the job runs the assistant on it and stores the reply. */
export const voiceTurnJob = defineJob({
  id: "voice.turn",
  version: 1,
  payload: z.object({
    conversationId: z.uuid(),
    callSid: z.string().min(1).max(64),
    turn: z.number().int().min(1),
    text: z.string().min(1).max(4000),
    /** Queued again by the sweep: the line has stopped waiting, so what the reply owes goes by text. */
    afterCall: z.boolean().optional(),
  }),
  // The caller is waiting on the line: one quick retry, then the poll gives up and offers a person.
  retry: { attempts: 2, backoffMs: 500 },
});

/**
 * Queues a spoken turn's job, once per call and turn while one is pending or running. The sweep's
 * enqueuer passes `afterCall`: the line has stopped waiting for those turns.
 */
export function createVoiceTurnEnqueuer(
  queue: JobQueue,
  options: { afterCall?: boolean } = {},
): (request: { conversationId: string; callSid: string; turn: number; text: string }) => Promise<void> {
  return async ({ conversationId, callSid, turn, text }) => {
    const payload = {
      conversationId,
      callSid,
      turn,
      text,
      ...(options.afterCall ? { afterCall: true } : {}),
    };
    await queue.enqueue(voiceTurnJob, payload, { key: `voice:${callSid}:${turn}` });
  };
}
