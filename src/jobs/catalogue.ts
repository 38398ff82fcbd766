import { z } from "zod";
import { defineJob } from "../ports/job-queue";

/** An SLA timer job only names the case and its planned key; the handler re-plans to judge it. */
const SlaTimerPayload = z.object({
  caseId: z.string().min(1),
  key: z.string().min(1),
  timer: z.enum(["first_response", "next_response", "resolution"]),
  /** When the job was planned to run (ISO 8601), for logs and lateness figures. */
  dueAt: z.iso.datetime(),
});

const slaRetry = { attempts: 5, backoffMs: 2_000 };

export const slaWarnJob = defineJob({
  id: "sla.warn",
  version: 1,
  payload: SlaTimerPayload,
  retry: slaRetry,
});
export const slaBreachJob = defineJob({
  id: "sla.breach",
  version: 1,
  payload: SlaTimerPayload,
  retry: slaRetry,
});
export const slaEscalateJob = defineJob({
  id: "sla.escalate",
  version: 1,
  payload: SlaTimerPayload,
  retry: slaRetry,
});

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
] as const;
