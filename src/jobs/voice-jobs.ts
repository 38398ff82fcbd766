import { z } from "zod";
import { defineJob } from "../ports/job-queue";

/** One spoken turn of a call, already stored: the job runs the assistant on it and stores the reply. */
export const voiceTurnJob = defineJob({
  id: "voice.turn",
  version: 1,
  payload: z.object({
    conversationId: z.uuid(),
    callSid: z.string().min(1).max(64),
    turn: z.number().int().min(1),
    text: z.string().min(1).max(4000),
  }),
  // The caller is waiting on the line: one quick retry, then the poll gives up and offers a person.
  retry: { attempts: 2, backoffMs: 500 },
});
