import type { EscalationTarget, SlaTimerKind, SlaTimerName } from "../domain/sla";

/** An SLA warning, breach or escalation step, addressed to one target on the case's team. */
export interface SlaAlert {
  caseId: string;
  caseReference: string;
  kind: SlaTimerKind;
  timer: SlaTimerName;
  /** Index in the policy's escalation chain (escalations only). */
  step: number | null;
  notify: EscalationTarget;
  departmentCode: string;
  assigneeId: string | null;
  /** When this alert's job fell due (the warning's or the step's own time). */
  dueAt: Date;
  /** When the timer itself breaches (or breached): what the alert's "due in"/"overdue by" counts from. */
  timerDueAt: Date;
  firedAt: Date;
}

/** Tells staff about SLA warnings and escalations (Teams and the console later; a log for now). */
export interface StaffNotifier {
  notifyStaff(alert: SlaAlert): Promise<void>;
}
