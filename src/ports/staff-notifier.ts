import type { EscalationTarget, SlaTimerKind, SlaTimerName } from "../domain/sla";

/** An SLA warning or escalation step, addressed to one target on the case's team. */
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
  dueAt: Date;
  firedAt: Date;
}

/** Tells staff about SLA warnings and escalations (Teams and the console later; a log for now). */
export interface StaffNotifier {
  notifyStaff(alert: SlaAlert): Promise<void>;
}
