import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { FiringAftermath, SlaTimerFiring } from "./handle-sla-timer";
import type { SlaTimerKind } from "./plan-timers";

const EVENT_OF_KIND: Record<SlaTimerKind, string> = {
  "sla.warn": "case.sla_warning",
  "sla.breach": "case.sla_breach",
  "sla.escalate": "case.escalate",
};

export type RecordedFiring = SlaTimerFiring & {
  caseReference: string;
  departmentCode: string;
  assigneeId: string | null;
};

/**
 * Records a fired timer once, in one statement: the firing row (its key is the primary key), an
 * internal entry in the case's history, and the case's next due time. The next due time is only
 * written when the case is still at the version the handler read; otherwise the change that came
 * in between has stored its own. Returns null when the key was already recorded.
 */
export async function recordSlaFiring(
  database: Database,
  firing: SlaTimerFiring,
  after: FiringAftermath,
): Promise<RecordedFiring | null> {
  const [recorded] = await recordSlaFirings(database, [{ firing, after }]);
  return recorded ?? null;
}

export type FiringToRecord = { firing: SlaTimerFiring; after: FiringAftermath };

/**
 * Whether `next` may share a statement with `batch`: one firing per case, since an update joins each
 * case row once and two next due times for one row would leave one of them unapplied.
 */
export function canRecordTogether(batch: readonly FiringToRecord[], next: FiringToRecord): boolean {
  return !batch.some((item) => item.firing.caseId === next.firing.caseId);
}

/**
 * `recordSlaFiring` for many firings in one statement and one commit (timer handlers running side by
 * side share it). At most one firing per case (see `canRecordTogether`); a key given twice is
 * recorded once, for its first occurrence. Results come back in input order.
 */
export async function recordSlaFirings(
  database: Database,
  items: readonly FiringToRecord[],
): Promise<Array<RecordedFiring | null>> {
  const first = new Map<string, number>();
  items.forEach(({ firing }, i) => {
    if (!first.has(firing.key)) first.set(firing.key, i);
  });
  const unique = [...first.values()].map((i) => items[i]!);
  if (unique.length === 0) return [];
  const rows = unique.map(({ firing, after }) => {
    const firedAt = firing.firedAt.toISOString();
    const data = {
      key: firing.key,
      timer: firing.timer,
      step: firing.step,
      notify: firing.notify,
      dueAt: firing.dueAt.toISOString(),
      timerDueAt: firing.timerDueAt.toISOString(),
    };
    return sql`(${firing.key}::text, ${firing.caseId}::uuid, ${firing.kind}::text, ${firing.timer}::text,
      ${firing.step}::int, ${firing.notify}::text, ${firing.dueAt.toISOString()}::timestamptz,
      ${firedAt}::timestamptz, ${EVENT_OF_KIND[firing.kind]}::text, ${JSON.stringify(data)}::jsonb,
      ${after.slaVersion ?? null}::int, ${after.nextDueAt?.toISOString() ?? null}::timestamptz)`;
  });
  const recorded = await database.query<{
    key: string;
    reference: string;
    department_code: string;
    assignee_id: string | null;
  }>(sql`
    with input (key, case_id, kind, timer, step, notify, due_at, fired_at, event_type, data, version,
      next_due) as (values ${sql.join(rows, sql`, `)}
    ), fired as (
      insert into sla_timer_firings (key, case_id, kind, timer, step, notify, due_at, fired_at)
      select key, case_id, kind, timer, step, notify, due_at, fired_at from input
      on conflict do nothing
      returning key, case_id
    ), history as (
      insert into case_events (case_id, type, actor_type, actor_id, data, created_at)
      select i.case_id, i.event_type, 'system', 'sla', i.data, i.fired_at
      from input i join fired f on f.key = i.key
    )
    update cases c set sla_next_due_at = case when c.sla_version = i.version
      then i.next_due else c.sla_next_due_at end
    from fired f join input i on i.key = f.key
    where c.id = f.case_id
    returning f.key, c.reference, c.department_code, c.assignee_id`);
  const byKey = new Map(recorded.map((row) => [row.key, row]));
  return items.map(({ firing }, i) => {
    const row = byKey.get(firing.key);
    if (!row || first.get(firing.key) !== i) return null;
    return {
      ...firing,
      caseReference: row.reference,
      departmentCode: row.department_code,
      assigneeId: row.assignee_id,
    };
  });
}
