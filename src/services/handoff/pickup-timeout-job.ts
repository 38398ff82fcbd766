import { z } from "zod";
import { defineJob } from "../../ports/job-queue";

/**
 * Checks, once the pick-up time has passed, whether a person took the conversation. The payload names
 * the request it was planned for, so a later request for a person gets its own check and an old job
 * finds nothing to do.
 */
export const handoffPickupTimeoutJob = defineJob({
  id: "handoff.pickup_timeout",
  version: 1,
  payload: z.object({
    conversationId: z.uuid(),
    /** handoff_requested_at of the request this check belongs to (ISO 8601). */
    requestedAt: z.iso.datetime(),
  }),
  retry: { attempts: 5, backoffMs: 2_000 },
});

export function pickupJobKey(conversationId: string, requestedAt: Date): string {
  return `handoff.pickup:${conversationId}:${requestedAt.getTime()}`;
}
