import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { JobQueue } from "../../ports/job-queue";
import { computeSlaDueTimes } from "./compute-sla-due-times";
import { loadCaseTimerStates, loadPolicyPlanBases, planBasisOf } from "./load-case-timer-states";
import { planTimers } from "./plan-timers";
import type { CaseTimerState } from "./policy";
import { type ReconcileCounts, reconcileTimers } from "./reconcile-timers";
import { earliestDueAt, selectNextTimers } from "./schedule-case-timers";

export type SweepCounts = ReconcileCounts & {
  /** Cases planned under an older policy or calendar (an edit, or rows from before the basis existed), re-planned. */
  dueTimesUpdated: number;
  /** Cases whose stored next due time was off (two timers fired at once) and was corrected. */
  nextDueFixed: number;
};

type Page = { states: CaseTimerState[]; stored: Map<string, number | null> };

/**
 * The reconciliation sweep, in two passes over PostgreSQL. First the cases whose next timer
 * (sla_next_due_at, indexed) falls due before the horizon, soonest first and page by page, so after
 * a wiped queue the imminent timers are back within the first page. Then the open cases planned
 * under an older policy or calendar: their due times are recomputed and stored, and their timers
 * within the horizon queued. Without a horizon every open case with a timer is queued.
 */
export async function sweepSlaTimers(input: {
  database: Database;
  queue: JobQueue;
  now?: Date;
  /** How far ahead to queue timers; a later sweep must run before this much time has passed. */
  horizonMs?: number;
  pageSize?: number;
}): Promise<SweepCounts> {
  const { database } = input;
  const now = input.now ?? new Date();
  const horizon = input.horizonMs === undefined ? undefined : new Date(now.getTime() + input.horizonMs);
  const pageSize = Math.max(1, input.pageSize ?? 500);
  let dueTimesUpdated = 0;
  let nextDueFixed = 0;

  async function* statesOf(pages: AsyncIterable<Page>, store: (page: Page) => Promise<void>) {
    for await (const page of pages) {
      await store(page);
      yield* page.states;
    }
  }

  const dueSoon = await reconcileTimers({
    queue: input.queue,
    now,
    ...(horizon ? { horizon } : {}),
    batchSize: pageSize,
    listOpenCaseTimerStates: () =>
      statesOf(pagesDueBefore(database, horizon, pageSize), async (page) => {
        nextDueFixed += await storeNextDue(database, page, now);
      }),
  });

  const bases = await loadPolicyPlanBases(database.db);
  const outdated = await reconcileTimers({
    queue: input.queue,
    now,
    ...(horizon ? { horizon } : {}),
    batchSize: pageSize,
    listOpenCaseTimerStates: () =>
      statesOf(pagesPlannedOnOldBasis(database, bases, pageSize), async (page) => {
        dueTimesUpdated += await storeReplanned(database, page.states, now);
      }),
  });

  const totals = { ...dueSoon };
  for (const name of Object.keys(outdated) as Array<keyof ReconcileCounts>) totals[name] += outdated[name];
  return { ...totals, dueTimesUpdated, nextDueFixed };
}

const toMs = (value: string | Date | null) => (value === null ? null : new Date(value).getTime());

/** Keyset pages on (sla_next_due_at, id); the cursor keeps PostgreSQL's microseconds as text. */
async function* pagesDueBefore(
  database: Database,
  horizon: Date | undefined,
  pageSize: number,
): AsyncIterable<Page> {
  let after: { due: string; id: string } | null = null;
  for (;;) {
    const conditions: SQL[] = [sql`sla_next_due_at is not null`];
    if (horizon) conditions.push(sql`sla_next_due_at <= ${horizon.toISOString()}::timestamptz`);
    if (after) conditions.push(sql`(sla_next_due_at, id) > (${after.due}::timestamptz, ${after.id}::uuid)`);
    const rows = await database.query<{ id: string; due: string }>(sql`
      select id, sla_next_due_at::text as due from cases
      where ${sql.join(conditions, sql` and `)}
      order by sla_next_due_at, id
      limit ${pageSize}`);
    if (rows.length === 0) return;
    const states = await loadCaseTimerStates(
      database.db,
      rows.map((row) => row.id),
    );
    yield {
      states: rows.flatMap((row) => states.get(row.id) ?? []),
      stored: new Map(rows.map((row) => [row.id, toMs(row.due)])),
    };
    const last = rows.at(-1)!;
    after = { due: last.due, id: last.id };
    if (rows.length < pageSize) return;
  }
}

async function* pagesPlannedOnOldBasis(
  database: Database,
  bases: Map<string, string>,
  pageSize: number,
): AsyncIterable<Page> {
  if (bases.size === 0) return;
  const current = sql.join(
    [...bases].map(([code, basis]) => sql`(${code}::text, ${basis}::text)`),
    sql`, `,
  );
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await database.query<{ id: string }>(sql`
      select c.id from cases c
      left join (values ${current}) as v(code, basis) on v.code = c.sla_policy_code
      where c.status not in ('resolved', 'closed') and c.sla_policy_code is not null
        and c.sla_planned_with is distinct from v.basis and c.id > ${after}::uuid
      order by c.id
      limit ${pageSize}`);
    if (rows.length === 0) return;
    const states = await loadCaseTimerStates(
      database.db,
      rows.map((row) => row.id),
    );
    yield { states: rows.flatMap((row) => states.get(row.id) ?? []), stored: new Map() };
    after = rows.at(-1)!.id;
    if (rows.length < pageSize) return;
  }
}

function nextDueOf(state: CaseTimerState, now: Date): Date | null {
  return earliestDueAt(selectNextTimers(planTimers(state, now), state.firedKeys));
}

/**
 * A stored next due time can be early (two timers of a case fired together, each unaware of the
 * other) but never late; early ones are corrected here. A case changed since it was read is left alone.
 */
async function storeNextDue(database: Database, page: Page, now: Date): Promise<number> {
  const fixes: SQL[] = [];
  for (const state of page.states) {
    const next = nextDueOf(state, now);
    if ((next?.getTime() ?? null) === page.stored.get(state.caseId)) continue;
    fixes.push(
      sql`(${state.caseId}::uuid, ${state.slaVersion ?? 0}::int, ${next?.toISOString() ?? null}::timestamptz)`,
    );
  }
  if (fixes.length === 0) return 0;
  const updated = await database.query<{ id: string }>(sql`
    update cases c set sla_next_due_at = v.next_due
    from (values ${sql.join(fixes, sql`, `)}) as v(id, version, next_due)
    where c.id = v.id and c.sla_version = v.version
    returning c.id`);
  return updated.length;
}

/** Stores recomputed due times, next due time and basis; paused cases keep their due times. */
async function storeReplanned(database: Database, states: CaseTimerState[], now: Date): Promise<number> {
  if (states.length === 0) return 0;
  const rows = states.map((state) => {
    const due = computeSlaDueTimes({ ...state, now });
    const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
    return sql`(${state.caseId}::uuid, ${state.slaVersion ?? 0}::int, ${due?.paused ?? false}::boolean,
      ${iso(due?.firstResponseDue)}::timestamptz, ${iso(due?.nextResponseDue)}::timestamptz,
      ${iso(due?.resolutionDue)}::timestamptz, ${iso(nextDueOf(state, now))}::timestamptz,
      ${planBasisOf(state)}::text)`;
  });
  const updated = await database.query<{ id: string }>(sql`
    update cases c set
      first_response_due_at = case when v.paused then c.first_response_due_at else v.first_due end,
      next_response_due_at = case when v.paused then c.next_response_due_at else v.next_response_due end,
      resolution_due_at = case when v.paused then c.resolution_due_at else v.resolution_due end,
      sla_next_due_at = v.next_due,
      sla_planned_with = v.basis,
      sla_version = c.sla_version + 1
    from (values ${sql.join(rows, sql`, `)})
      as v(id, version, paused, first_due, next_response_due, resolution_due, next_due, basis)
    where c.id = v.id and c.sla_version = v.version
    returning c.id`);
  return updated.length;
}
