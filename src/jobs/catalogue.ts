import { z } from "zod";
import { defineJob } from "../ports/job-queue";
// So is the handoff's pick-up check, beside the verbs that plan it.
import { handoffPickupTimeoutJob } from "../services/handoff/pickup-timeout-job";
// The SLA timer jobs are defined beside the engine that plans them; the catalogue lists them with the rest.
import { slaBreachJob, slaEscalateJob, slaWarnJob } from "../services/sla/sla-timer-jobs";

export { handoffPickupTimeoutJob, slaBreachJob, slaEscalateJob, slaWarnJob };

/** An outbound message by id; the handler reads the text from the database, so a retry sends the stored copy. */
const DeliveryPayload = z.object({
  messageId: z.uuid(),
  channel: z.enum(["sms"]),
  address: z.string().min(1),
  caseReference: z.string().min(1).optional(),
});

// Outages and throttling at the provider clear within minutes; a fifth failure is recorded for staff.
const deliveryRetry = { attempts: 5, backoffMs: 1_000 };

export const deliverReplyJob = defineJob({
  id: "deliver.reply",
  version: 1,
  payload: DeliveryPayload,
  retry: deliveryRetry,
});
export const deliverNotificationJob = defineJob({
  id: "deliver.notification",
  version: 1,
  payload: DeliveryPayload,
  retry: deliveryRetry,
});

/** An inbound SMS already stored: run the assistant's turn and queue the reply. */
export const smsTurnJob = defineJob({
  id: "sms.turn",
  version: 1,
  payload: z.object({ messageId: z.uuid() }),
  retry: { attempts: 3, backoffMs: 2_000 },
});

/** Every job the workers know; each id appears once. */
export const jobCatalogue = [
  slaWarnJob,
  slaBreachJob,
  slaEscalateJob,
  deliverReplyJob,
  deliverNotificationJob,
  smsTurnJob,
  handoffPickupTimeoutJob,
] as const;
