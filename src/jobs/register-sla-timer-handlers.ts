import type { Logger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import {
  type HandleSlaTimerDeps,
  handleSlaTimer,
  type SlaTimerOutcome,
} from "../services/sla/handle-sla-timer";
import type { CaseTimerState } from "../services/sla/policy";
import { scheduleCaseTimers } from "../services/sla/schedule-case-timers";
import { slaBreachJob, slaEscalateJob, slaWarnJob } from "./catalogue";

/**
 * Wires the three SLA timer jobs to the one idempotent handler. After each job the next timer of
 * its clock is queued (the next step of the chain), also when the job found itself already fired,
 * so a lost follow-up cannot stall a chain until the next sweep. The follow-up is planned from the
 * state the handler read plus the key it recorded: no second read.
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
      const state = { ...read.state, firedKeys: new Set(read.state.firedKeys).add(payload.key) };
      await scheduleCaseTimers({ queue, state, clock: payload.timer, now: new Date() });
    });
  }
}
