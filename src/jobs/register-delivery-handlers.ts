import type { JobQueue } from "../ports/job-queue";
import type { DeliveryContext, EnqueueDelivery } from "../services/deliveries/context";
import { deliverMessage } from "../services/deliveries/deliver-message";
import { deliverNotificationJob, deliverReplyJob } from "./catalogue";

/** Wires `deliver.reply` and `deliver.notification` to the one idempotent delivery verb. */
export function registerDeliveryHandlers(queue: JobQueue, ctx: DeliveryContext): void {
  for (const [job, kind] of [
    [deliverReplyJob, "reply"],
    [deliverNotificationJob, "notification"],
  ] as const) {
    queue.registerHandler(job, async (payload, context) => {
      const result = await deliverMessage({
        ctx: { ...ctx, now: new Date() },
        kind,
        target: payload,
        attempt: context.attempt,
        maxAttempts: job.retry.attempts,
      });
      // The queue's backoff decides when the next try runs.
      if (result.state === "retry") throw new Error(result.error);
      if (result.state === "failed") {
        ctx.logger?.warn("message not delivered", {
          job: job.id,
          messageId: payload.messageId,
          code: result.code,
          error: result.error,
        });
      }
    });
  }
}

/**
 * Queues a delivery job keyed by the message, so queueing the same message twice keeps one job; a
 * resend after a failed delivery report gets its own key.
 */
export function createDeliveryEnqueuer(queue: JobQueue): EnqueueDelivery {
  return async (kind, target, resend) => {
    const job = kind === "reply" ? deliverReplyJob : deliverNotificationJob;
    const key = `deliver:${target.messageId}${resend ? `:${resend}` : ""}`;
    const payload = {
      messageId: target.messageId,
      channel: target.channel,
      address: target.address,
      ...(target.caseReference ? { caseReference: target.caseReference } : {}),
    };
    await queue.enqueue(job, payload, { key });
  };
}
