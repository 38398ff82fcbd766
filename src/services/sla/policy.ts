import { z } from "zod";
import { ESCALATION_TARGETS, type SlaTimerName } from "../../domain/sla";
import type { BusinessCalendar } from "./calendar";

export const Priority = z.enum(["low", "normal", "high", "urgent"]);
export type Priority = z.infer<typeof Priority>;

export const CaseStatus = z.enum(["new", "open", "in_progress", "waiting_for_citizen", "resolved", "closed"]);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const EscalationTarget = z.enum(ESCALATION_TARGETS);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

const Minutes = z.number().positive();

export const SlaPolicy = z.object({
  code: z.string().min(1),
  /** Changes whenever the policy is edited (a counter or the edit time in ms); part of every timer key. */
  version: z.number().int().nonnegative(),
  calendarCode: z.string().min(1),
  firstResponseMinutes: Minutes,
  nextResponseMinutes: Minutes,
  resolutionMinutes: Minutes,
  warnBeforeMinutes: z.number().nonnegative().default(0),
  pauseWhenWaitingForCitizen: z.boolean().default(true),
  /** Multiplies every duration of the policy; a priority without a factor keeps 1. */
  priorityFactors: z.partialRecord(Priority, z.number().positive()).default({}),
  /** Steps after the breach of a timer, each notifying only its own target. */
  escalation: z
    .array(z.object({ afterMinutes: z.number().nonnegative(), notify: EscalationTarget }))
    .default([]),
  /** A policy removed from the catalogue stays for old cases but must stop all their timers. */
  active: z.boolean().default(true),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export type { SlaTimerName };

/** Everything the SLA engine needs to know about one case; the cases service builds it from PostgreSQL. */
export type CaseTimerState = {
  caseId: string;
  /** Department (team) that owns the case; a move to another team invalidates its timers. */
  teamCode: string;
  priority: Priority;
  openedAt: Date;
  /** Status changes in time order; the first entry is the status the case was opened with. */
  statusHistory: ReadonlyArray<{ status: CaseStatus; at: Date }>;
  firstRespondedAt: Date | null;
  lastCitizenMessageAt: Date | null;
  lastStaffReplyAt: Date | null;
  /** Null when the case has no policy or its policy was deleted. */
  policy: SlaPolicy | null;
  calendar: BusinessCalendar | null;
  /** Keys of timers already fired and recorded on the case (warnings, breaches, escalation steps). */
  firedKeys: ReadonlySet<string>;
  /** The case row's sla_version when read, so a write based on this state can detect a newer change. */
  slaVersion?: number;
};
