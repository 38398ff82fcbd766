import { planTimers, type SlaTimerKind } from "./plan-timers";
import type { CaseTimerState, EscalationTarget, SlaTimerName } from "./policy";
import { earliestDueAt, selectNextTimers } from "./schedule-case-timers";

export type SlaTimerFiring = {
  caseId: string;
  key: string;
  kind: SlaTimerKind;
  timer: SlaTimerName;
  step: number | null;
  dueAt: Date;
  timerDueAt: Date;
  firedAt: Date;
  /**
   * The one target to notify: null for a breach whose policy has an escalation step at the breach
   * (that step notifies), the assignee for a breach without one.
   */
  notify: EscalationTarget | null;
};

/** What the case looks like once the firing is recorded: its next timer and the version it was read at. */
export type FiringAftermath = { nextDueAt: Date | null; slaVersion: number | undefined };

export type HandleSlaTimerDeps = {
  loadCaseTimerState: (caseId: string) => Promise<CaseTimerState | null>;
  /**
   * Records the firing once per key, together with its notification (an outbox row in the same
   * transaction), and returns false when the key was already recorded. This is what makes the
   * at-least-once queue fire each timer exactly once.
   */
  recordTimerFired: (firing: SlaTimerFiring, after: FiringAftermath) => Promise<boolean>;
};

export type SlaTimerOutcome =
  | { outcome: "fired"; firing: SlaTimerFiring }
  | { outcome: "already_fired" }
  | { outcome: "stale"; reason: "case_not_found" | "no_active_policy" | "not_planned" };

/**
 * Handles a warn, breach or escalate job. The case is re-planned from its current state: a job
 * whose key is no longer planned (the case was answered, resolved, moved team, changed policy or
 * priority, or its policy was deleted) is stale and dropped.
 */
export async function handleSlaTimer(
  job: { caseId: string; key: string },
  deps: HandleSlaTimerDeps,
  now: Date = new Date(),
): Promise<SlaTimerOutcome> {
  const state = await deps.loadCaseTimerState(job.caseId);
  if (!state) return { outcome: "stale", reason: "case_not_found" };
  if (!state.policy?.active) return { outcome: "stale", reason: "no_active_policy" };
  const plan = planTimers(state, now);
  const planned = plan.find((timer) => timer.key === job.key);
  if (!planned) return { outcome: "stale", reason: "not_planned" };
  if (state.firedKeys.has(planned.key)) return { outcome: "already_fired" };

  const firing: SlaTimerFiring = {
    caseId: state.caseId,
    key: planned.key,
    kind: planned.kind,
    timer: planned.timer,
    step: planned.step,
    dueAt: planned.dueAt,
    timerDueAt: planned.timerDueAt,
    firedAt: now,
    notify: planned.notify,
  };
  const firedAfter = new Set(state.firedKeys).add(planned.key);
  const recorded = await deps.recordTimerFired(firing, {
    nextDueAt: earliestDueAt(selectNextTimers(plan, firedAfter)),
    slaVersion: state.slaVersion,
  });
  return recorded ? { outcome: "fired", firing } : { outcome: "already_fired" };
}
