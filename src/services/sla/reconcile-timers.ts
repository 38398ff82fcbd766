import type { JobQueue, JobRequest } from "../../ports/job-queue";
import { planTimers } from "./plan-timers";
import type { CaseTimerState } from "./policy";
import {
  emptyScheduleCounts,
  type ScheduleCounts,
  selectNextTimers,
  timerJobRequest,
} from "./schedule-case-timers";

export type ReconcileCounts = ScheduleCounts & { cases: number };

/**
 * Rebuilds pending timers from the source of truth: re-plans each listed case and enqueues its
 * next unfired timers, in batches (one `enqueueMany` each). Keys are deterministic, so running it on
 * a full queue changes nothing, and on a wiped one (Redis flushed, in-process queue restarted) it
 * restores everything; overdue timers run at once. Timers due after `horizon` are left out: the
 * queue need not hold them yet, and a later sweep brings them in.
 */
export async function reconcileTimers(input: {
  queue: JobQueue;
  listOpenCaseTimerStates: () => AsyncIterable<CaseTimerState>;
  now: Date;
  horizon?: Date;
  batchSize?: number;
}): Promise<ReconcileCounts> {
  const totals: ReconcileCounts = { ...emptyScheduleCounts(), cases: 0 };
  const batchSize = Math.max(1, input.batchSize ?? 500);
  let batch: JobRequest[] = [];
  const flush = async () => {
    const requests = batch;
    batch = [];
    for (const outcome of await input.queue.enqueueMany(requests)) totals[outcome]++;
  };

  for await (const state of input.listOpenCaseTimerStates()) {
    totals.cases++;
    const planned = planTimers(state, input.now);
    const next = selectNextTimers(planned, state.firedKeys);
    const alreadyFired = planned.filter((timer) => state.firedKeys.has(timer.key)).length;
    totals.planned += planned.length;
    totals.alreadyFired += alreadyFired;
    totals.deferred += planned.length - alreadyFired - next.length;
    for (const timer of next) {
      if (input.horizon && timer.dueAt > input.horizon) totals.beyondHorizon++;
      else batch.push(timerJobRequest(state.caseId, timer));
    }
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return totals;
}
