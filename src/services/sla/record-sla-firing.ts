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
  const data = {
    key: firing.key,
    timer: firing.timer,
    step: firing.step,
    notify: firing.notify,
    dueAt: firing.dueAt.toISOString(),
    timerDueAt: firing.timerDueAt.toISOString(),
  };
  const firedAt = firing.firedAt.toISOString();
  const [row] = await database.query<{
    reference: string;
    department_code: string;
    assignee_id: string | null;
  }>(sql`
    with fired as (
      insert into sla_timer_firings (key, case_id, kind, timer, step, notify, due_at, fired_at)
      values (${firing.key}, ${firing.caseId}::uuid, ${firing.kind}, ${firing.timer}, ${firing.step}::int,
        ${firing.notify}, ${firing.dueAt.toISOString()}::timestamptz, ${firedAt}::timestamptz)
      on conflict do nothing
      returning case_id
    ), history as (
      insert into case_events (case_id, type, actor_type, actor_id, data, created_at)
      select case_id, ${EVENT_OF_KIND[firing.kind]}, 'system', 'sla', ${JSON.stringify(data)}::jsonb,
        ${firedAt}::timestamptz
      from fired
    )
    update cases c set sla_next_due_at = case when c.sla_version = ${after.slaVersion ?? null}::int
      then ${after.nextDueAt?.toISOString() ?? null}::timestamptz else c.sla_next_due_at end
    from fired where c.id = fired.case_id
    returning c.reference, c.department_code, c.assignee_id`);
  if (!row) return null;
  return {
    ...firing,
    caseReference: row.reference,
    departmentCode: row.department_code,
    assigneeId: row.assignee_id,
  };
}
