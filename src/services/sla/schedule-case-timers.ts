import {
  type AnyJobDefinition,
  type EnqueueOutcome,
  type JobQueue,
  type JobRequest,
  jobRequest,
} from "../../ports/job-queue";
import { type PlannedTimer, planTimers, type SlaTimerKind } from "./plan-timers";
import type { CaseTimerState, SlaTimerName } from "./policy";
import { slaBreachJob, slaEscalateJob, slaWarnJob } from "./sla-timer-jobs";

const JOB_OF_KIND = {
  "sla.warn": slaWarnJob,
  "sla.breach": slaBreachJob,
  "sla.escalate": slaEscalateJob,
} as const satisfies Record<SlaTimerKind, AnyJobDefinition>;

export type ScheduleCounts = Record<EnqueueOutcome, number> & {
  planned: number;
  alreadyFired: number;
  /** Unfired timers left for later: each is enqueued when the one before it in its chain fires. */
  deferred: number;
  /** Next timers due beyond the sweep's horizon: a later sweep enqueues them. */
  beyondHorizon: number;
  cancelled: number;
};

export function emptyScheduleCounts(): ScheduleCounts {
  return {
    planned: 0,
    alreadyFired: 0,
    deferred: 0,
    beyondHorizon: 0,
    added: 0,
    replaced: 0,
    unchanged: 0,
    running: 0,
    cancelled: 0,
  };
}

/**
 * The unfired timers to queue now: per clock (first response, next response, resolution) only the
 * earliest one, so the queue holds one job per running clock, not its whole escalation chain.
 */
export function selectNextTimers(
  planned: readonly PlannedTimer[],
  fired: ReadonlySet<string>,
): PlannedTimer[] {
  // Plans list each clock's timers in chain order (warning, breach, steps), so the first unfired
  // one wins a tie: a step due with the breach is queued the moment the breach has fired.
  const next = new Map<string, PlannedTimer>();
  for (const timer of planned) {
    if (fired.has(timer.key)) continue;
    const current = next.get(timer.timer);
    if (!current || timer.dueAt < current.dueAt) next.set(timer.timer, timer);
  }
  return [...next.values()];
}

/** What the case stores as sla_next_due_at: the earliest of its next timers, null when none runs. */
export function earliestDueAt(timers: readonly PlannedTimer[]): Date | null {
  let earliest: Date | null = null;
  for (const timer of timers) if (!earliest || timer.dueAt < earliest) earliest = timer.dueAt;
  return earliest;
}

export function timerJobRequest(caseId: string, timer: PlannedTimer): JobRequest {
  return jobRequest(
    JOB_OF_KIND[timer.kind],
    { caseId, key: timer.key, timer: timer.timer, dueAt: timer.dueAt.toISOString() },
    { runAt: timer.dueAt, key: timer.key },
  );
}

/**
 * Brings the queue in line with a case's timers after a change: enqueues the next unfired timer of
 * each running clock (or only of `clock`; a no-op for those already queued) and cancels the ones
 * the previous state planned that are no longer wanted. Handlers drop stale jobs anyway;
 * cancelling keeps Redis tidy. The timer handler calls this after each firing, with the fired key
 * added to the state, which queues the next step of that clock's chain.
 */
export async function scheduleCaseTimers(input: {
  queue: JobQueue;
  state: CaseTimerState | null;
  previous?: CaseTimerState | null;
  clock?: SlaTimerName;
  now: Date;
}): Promise<ScheduleCounts> {
  const counts = emptyScheduleCounts();
  const { state } = input;
  const planned = state ? planTimers(state, input.now) : [];
  if (state) {
    const next = selectNextTimers(planned, state.firedKeys).filter(
      (timer) => !input.clock || timer.timer === input.clock,
    );
    counts.planned = planned.length;
    counts.alreadyFired = planned.filter((timer) => state.firedKeys.has(timer.key)).length;
    counts.deferred = planned.length - counts.alreadyFired - next.length;
    const outcomes = await input.queue.enqueueMany(next.map((timer) => timerJobRequest(state.caseId, timer)));
    for (const outcome of outcomes) counts[outcome]++;
  }
  const wanted = new Set(planned.map((timer) => timer.key));
  if (input.previous) {
    for (const timer of planTimers(input.previous, input.now)) {
      if (!wanted.has(timer.key) && (await input.queue.cancel(timer.key))) counts.cancelled++;
    }
  }
  return counts;
}
