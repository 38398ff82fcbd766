import { z } from "zod";
import { defineJob } from "../../ports/job-queue";

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
