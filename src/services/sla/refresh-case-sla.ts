import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import { computeSlaDueTimes } from "./compute-sla-due-times";
import { loadCaseTimerState, planBasisOf } from "./load-case-timer-states";
import { planTimers } from "./plan-timers";
import type { CaseTimerState } from "./policy";
import { earliestDueAt, scheduleCaseTimers, selectNextTimers } from "./schedule-case-timers";

/** A case's timer state before and after a change; what the queue must be brought in line with. */
export type SlaChange = { before: CaseTimerState | null; after: CaseTimerState | null };

/**
 * Recomputes a case's due times from its current state and stores them with its next timer's due
 * time (what the sweep selects by), inside the caller's transaction, after the change was written. Returns the updated row and the change to
 * schedule once the transaction has committed.
 */
export async function refreshCaseSla(
  tx: Db,
  input: { caseId: string; before: CaseTimerState | null; now: Date },
): Promise<{ row: typeof cases.$inferSelect; change: SlaChange }> {
  const after = await loadCaseTimerState(tx, input.caseId);
  const due = after ? computeSlaDueTimes({ ...after, now: input.now }) : null;
  const next = after ? selectNextTimers(planTimers(after, input.now), after.firedKeys) : [];
  const [row] = await tx
    .update(cases)
    .set({
      firstResponseDueAt: due?.firstResponseDue ?? null,
      nextResponseDueAt: due?.nextResponseDue ?? null,
      resolutionDueAt: due?.resolutionDue ?? null,
      pausedSince: due?.paused
        ? sql`coalesce(${cases.pausedSince}, ${input.now.toISOString()}::timestamptz)`
        : null,
      slaNextDueAt: earliestDueAt(next),
      slaPlannedWith: after ? planBasisOf(after) : null,
      slaVersion: sql`${cases.slaVersion} + 1`,
    })
    .where(eq(cases.id, input.caseId))
    .returning();
  if (!row) throw new Error(`case ${input.caseId} not found while refreshing its SLA`);
  return { row, change: { before: input.before, after } };
}

/**
 * Queues the case's timers after its transaction committed (a job must not find the change
 * missing). A failure is only logged: the reconciliation sweep queues the same timers later.
 */
export async function scheduleSlaChange(
  ctx: { jobQueue?: JobQueue; logger?: Logger },
  change: SlaChange,
  now: Date,
): Promise<void> {
  if (!ctx.jobQueue || (!change.before && !change.after)) return;
  try {
    await scheduleCaseTimers({ queue: ctx.jobQueue, state: change.after, previous: change.before, now });
  } catch (error) {
    ctx.logger?.warn("SLA timers not queued; the next sweep will queue them", {
      caseId: change.after?.caseId ?? change.before?.caseId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
