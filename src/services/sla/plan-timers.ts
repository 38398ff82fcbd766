import type { SlaTimerKind } from "../../domain/sla";
import { addBusinessMinutes } from "./calendar";
import { computeSlaDueTimes } from "./compute-sla-due-times";
import type { CaseTimerState, EscalationTarget, SlaTimerName } from "./policy";

export type { SlaTimerKind };

export type PlannedTimer = {
  kind: SlaTimerKind;
  timer: SlaTimerName;
  /** Index in the policy's escalation chain (escalations only). */
  step: number | null;
  /** When the job should run. */
  dueAt: Date;
  /** When the timer itself breaches. */
  timerDueAt: Date;
  /**
   * Who hears about it: only the step's target for an escalation, the assignee for a warning. The
   * breach itself tells no one when an escalation step falls due with it (that step speaks for it),
   * and tells the assignee otherwise, so a policy without such a step does not breach in silence.
   */
  notify: EscalationTarget | null;
  /** Deterministic id: same case, policy, team and times give the same key. */
  key: string;
};

/**
 * Every timer job the case should have now, fired or not. Anything that changes when or whether a
 * timer fires (policy or its version, team, due time) changes its key, so a job whose key is no
 * longer planned is stale and its handler drops it.
 */
export function planTimers(state: CaseTimerState, now: Date): PlannedTimer[] {
  const due = computeSlaDueTimes({ ...state, now });
  const { policy, calendar } = state;
  if (!due || !policy || !calendar) return [];

  const planned: PlannedTimer[] = [];
  const add = (timer: Omit<PlannedTimer, "key">) => {
    const parts = [
      "sla",
      state.caseId,
      timer.timer,
      timer.kind,
      timer.step ?? "-",
      `${policy.code}@${policy.version}`,
      state.teamCode,
      timer.dueAt.getTime(),
    ];
    planned.push({ ...timer, key: parts.join(":") });
  };

  // Without a step at the breach itself, the breach is the only word anyone gets until the first step.
  const breachNotify: EscalationTarget | null = policy.escalation.some((step) => step.afterMinutes === 0)
    ? null
    : "assignee";

  for (const timer of due.timers) {
    if (!timer.running) continue;
    const warnMinutes = policy.warnBeforeMinutes;
    // A warning is pointless once the breach is due; the breach job speaks for itself.
    if (warnMinutes > 0 && warnMinutes < timer.minutes && now < timer.dueAt) {
      const warnAt = addBusinessMinutes(calendar, timer.startedAt, timer.minutes - warnMinutes, due.pauses);
      add({
        kind: "sla.warn",
        timer: timer.timer,
        step: null,
        dueAt: warnAt,
        timerDueAt: timer.dueAt,
        notify: "assignee",
      });
    }
    add({
      kind: "sla.breach",
      timer: timer.timer,
      step: null,
      dueAt: timer.dueAt,
      timerDueAt: timer.dueAt,
      notify: breachNotify,
    });
    policy.escalation.forEach((step, index) => {
      add({
        kind: "sla.escalate",
        timer: timer.timer,
        step: index,
        dueAt: addBusinessMinutes(calendar, timer.dueAt, step.afterMinutes, due.pauses),
        timerDueAt: timer.dueAt,
        notify: step.notify,
      });
    });
  }
  return planned;
}
