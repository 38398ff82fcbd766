import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import type { StaffNotifier } from "../ports/staff-notifier";
import type { SlaTimerOutcome } from "../services/sla/handle-sla-timer";
import { loadCaseTimerStates } from "../services/sla/load-case-timer-states";
import {
  canRecordTogether,
  type FiringToRecord,
  type RecordedFiring,
  recordSlaFirings,
} from "../services/sla/record-sla-firing";
import { type SweepCounts, sweepSlaTimers } from "../services/sla/sweep-sla-timers";
import { batchCalls } from "./batch-calls";
import { registerSlaTimerHandlers } from "./register-sla-timer-handlers";

/**
 * Timer jobs running side by side share their reads and their writes: at most this many statements
 * of each kind at once, each carrying up to MAX_BATCH jobs. Under load this keeps the round trips
 * and commits per second flat while the jobs per second grow; a lone job goes out at once.
 */
const MAX_BATCH = 200;
const STATEMENTS_IN_FLIGHT = 4;

export type StartSlaTimersOptions = {
  database: Database;
  /** The queue case changes enqueue into; the caller owns it and stops it after `stop()`. */
  queue: JobQueue;
  logger: Logger;
  /** Staff alerts for warnings and escalation steps; every firing is logged either way. */
  notifier?: StaffNotifier;
  /** How often the reconciliation sweep runs after the one at start; 0 turns the periodic sweep off. */
  sweepIntervalMs?: number;
  /**
   * How far ahead each sweep queues timers; later ones wait in PostgreSQL for a later sweep.
   * Defaults to twice the sweep interval, and to everything when there is no periodic sweep.
   */
  horizonMs?: number;
  /** Sees every handled timer job (benchmarks and tests count them). */
  onOutcome?: (outcome: SlaTimerOutcome) => void;
};

export type SlaTimers = {
  /** The sweep at start, which runs in the background; the queue already consumes meanwhile. */
  firstSweep: Promise<SweepCounts>;
  /** Runs a sweep now (after a queue restart, for example); waits for one already running. */
  sweep(): Promise<SweepCounts>;
  /** Stops the periodic sweep and waits for a running one. */
  stop(): Promise<void>;
};

/**
 * Puts the SLA engine to work: registers the timer handlers on the queue, starts consuming, and
 * starts the reconciliation sweep, once now (without waiting for it: serving must not wait for the
 * queue to be refilled) and then every `sweepIntervalMs`.
 */
export async function startSlaTimers(options: StartSlaTimersOptions): Promise<SlaTimers> {
  const { database, queue, logger, notifier } = options;
  const alert = async (firing: RecordedFiring) => {
    const fields = {
      case: firing.caseReference,
      kind: firing.kind,
      timer: firing.timer,
      step: firing.step,
      notify: firing.notify,
      department: firing.departmentCode,
      dueAt: firing.dueAt.toISOString(),
      lateMs: firing.firedAt.getTime() - firing.dueAt.getTime(),
    };
    if (firing.kind === "sla.breach") logger.info("SLA breached", fields);
    else logger.info(firing.kind === "sla.warn" ? "SLA warning" : "SLA escalation", fields);
    if (!notifier || !firing.notify) return;
    try {
      await notifier.notifyStaff({ ...firing, notify: firing.notify });
    } catch (error) {
      logger.error("SLA alert not delivered", {
        ...fields,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const loadState = batchCalls(
    async (caseIds: string[]) => {
      const states = await loadCaseTimerStates(database.db, [...new Set(caseIds)]);
      return caseIds.map((caseId) => states.get(caseId) ?? null);
    },
    { maxBatch: MAX_BATCH, maxInFlight: STATEMENTS_IN_FLIGHT },
  );
  const record = batchCalls((items: FiringToRecord[]) => recordSlaFirings(database, items), {
    maxBatch: MAX_BATCH,
    maxInFlight: STATEMENTS_IN_FLIGHT,
    canJoin: canRecordTogether,
  });

  registerSlaTimerHandlers(queue, {
    logger,
    ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
    loadCaseTimerState: loadState,
    recordTimerFired: async (firing, after) => {
      const recorded = await record({ firing, after });
      if (!recorded) return false;
      await alert(recorded);
      return true;
    },
  });
  await queue.start();

  const interval = options.sweepIntervalMs ?? 60_000;
  const horizonMs = options.horizonMs ?? (interval > 0 ? 2 * interval : undefined);
  let running: Promise<SweepCounts> | null = null;
  const sweep = () => {
    running ??= (async () => {
      const startedAt = Date.now();
      try {
        const counts = await sweepSlaTimers({
          database,
          queue,
          ...(horizonMs === undefined ? {} : { horizonMs }),
        });
        logger.info("SLA sweep done", { ...counts, ms: Date.now() - startedAt });
        return counts;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const sweepLogged = () => {
    const counts = sweep();
    counts.catch((error: unknown) =>
      logger.error("SLA sweep failed", { error: error instanceof Error ? error.message : String(error) }),
    );
    return counts;
  };
  const firstSweep = sweepLogged();
  const timer = interval > 0 ? setInterval(sweepLogged, interval) : null;
  timer?.unref();

  return {
    firstSweep,
    sweep,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
