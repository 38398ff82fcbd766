/** SLA terms shared by the engine (services/sla), the job catalogue and the staff-notifier port. */

/** The three clocks of a case. */
export type SlaTimerName = "first_response" | "next_response" | "resolution";

/** What a timer does when it fires; also its job id. */
export type SlaTimerKind = "sla.warn" | "sla.breach" | "sla.escalate";

/** Who an escalation step notifies. */
export const ESCALATION_TARGETS = ["assignee", "team_lead", "department_head"] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
