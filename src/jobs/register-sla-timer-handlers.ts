import type { Logger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import {
  type HandleSlaTimerDeps,
  handleSlaTimer,
  type SlaTimerOutcome,
} from "../services/sla/handle-sla-timer";
import { planTimers } from "../services/sla/plan-timers";
import type { CaseTimerState, SlaTimerName } from "../services/sla/policy";
import { scheduleCaseTimers, selectNextTimers } from "../services/sla/schedule-case-timers";
import { slaBreachJob, slaEscalateJob, slaWarnJob } from "./catalogue";

/** A chain is a handful of steps; this only guards against a plan that never runs out. */
const MAX_INLINE_FIRINGS = 16;

/**
 * Wires the three SLA timer jobs to the one idempotent handler. After each job the next timer of
 * its clock is queued (the next step of the chain), also when the job found itself already fired,
 * so a lost follow-up cannot stall a chain until the next sweep. The follow-up is planned from the
 * state the handler read plus the key it recorded: no second read. A follow-up that is already due
 * (a step at the breach itself, or a chain overdue after an outage) fires in the same job instead of
 * a trip through the queue and a fresh read; it is recorded under its own key like any other, so it
 * still fires once.
 */
export function registerSlaTimerHandlers(
  queue: JobQueue,
  deps: HandleSlaTimerDeps & { logger?: Logger; onOutcome?: (outcome: SlaTimerOutcome) => void },
): void {
  for (const job of [slaWarnJob, slaBreachJob, slaEscalateJob]) {
    queue.registerHandler(job, async (payload) => {
      const read: { state: CaseTimerState | null } = { state: null };
      const loadCaseTimerState = async (caseId: string) => {
        read.state = await deps.loadCaseTimerState(caseId);
        return read.state;
      };
      const result = await handleSlaTimer(payload, { ...deps, loadCaseTimerState }, new Date());
      deps.onOutcome?.(result);
      if (result.outcome === "stale") {
        deps.logger?.debug("stale SLA timer dropped", {
          job: job.id,
          key: payload.key,
          reason: result.reason,
        });
        // An outdated job still means the case has timers: queue what it plans now.
        if (result.reason === "not_planned") {
          await scheduleCaseTimers({ queue, state: read.state, now: new Date() });
        }
        return;
      }
      if (!read.state) return;
      const state = await fireDueFollowUps(
        { ...read.state, firedKeys: new Set(read.state.firedKeys).add(payload.key) },
        payload.timer,
        deps,
      );
      await scheduleCaseTimers({ queue, state, clock: payload.timer, now: new Date() });
    });
  }
}

/**
 * Fires, one after the other, the timers of `clock` that come next and are already due, judged
 * from `state` (the read the job made, plus what it fired). Returns the state with their keys.
 */
async function fireDueFollowUps(
  state: CaseTimerState,
  clock: SlaTimerName,
  deps: HandleSlaTimerDeps & { onOutcome?: (outcome: SlaTimerOutcome) => void },
): Promise<CaseTimerState> {
  let current = state;
  for (let n = 0; n < MAX_INLINE_FIRINGS; n++) {
    const now = new Date();
    const [next] = selectNextTimers(planTimers(current, now), current.firedKeys).filter(
      (timer) => timer.timer === clock,
    );
    if (!next || next.dueAt > now) break;
    const known = current;
    const result = await handleSlaTimer(
      { caseId: known.caseId, key: next.key },
      { ...deps, loadCaseTimerState: async () => known },
      now,
    );
    deps.onOutcome?.(result);
    if (result.outcome === "stale") break;
    current = { ...known, firedKeys: new Set(known.firedKeys).add(next.key) };
  }
  return current;
}
