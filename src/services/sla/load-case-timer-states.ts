import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, slaCalendars, slaPolicies, slaTimerFirings } from "../../db/schema";
import { BusinessCalendar } from "./calendar";
import { CaseStatus, type CaseTimerState, Priority, SlaPolicy } from "./policy";

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

type PolicyRow = typeof slaPolicies.$inferSelect;
type CalendarRow = typeof slaCalendars.$inferSelect;

/**
 * A fingerprint of everything in a policy that decides when its timers fire. A catalogue sync that
 * rewrites the same policy (and bumps updated_at) keeps every timer key, so nothing fires twice.
 */
function policyVersion(row: PolicyRow): number {
  const text = JSON.stringify([
    row.calendarCode,
    row.firstResponseMinutes,
    row.nextResponseMinutes,
    row.resolutionMinutes,
    row.warnBeforeMinutes,
    row.pauseWhenWaitingForCitizen,
    Object.entries(row.priorityFactors).sort(([a], [b]) => a.localeCompare(b)),
    row.escalation.map((step) => step.afterMinutes),
  ]);
  return hashText(text);
}

function toPolicy(row: PolicyRow): SlaPolicy {
  return SlaPolicy.parse({
    code: row.code,
    version: policyVersion(row),
    calendarCode: row.calendarCode,
    firstResponseMinutes: row.firstResponseMinutes,
    nextResponseMinutes: row.nextResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    warnBeforeMinutes: row.warnBeforeMinutes,
    pauseWhenWaitingForCitizen: row.pauseWhenWaitingForCitizen,
    priorityFactors: row.priorityFactors,
    escalation: row.escalation,
    active: row.active,
  });
}

function toCalendar(row: CalendarRow): BusinessCalendar {
  return BusinessCalendar.parse({ timeZone: row.timeZone, hours: row.hours, holidays: row.holidays });
}

// Every timer job reads its case's policy and calendar; a row is parsed again only when its content
// differs (keyed by content, not updated_at, which a direct edit may leave alone).
const parsedRows = new Map<string, SlaPolicy | BusinessCalendar>();

function cachedParse<T extends SlaPolicy | BusinessCalendar>(
  kind: string,
  row: { createdAt: Date; updatedAt: Date },
  parse: () => T,
): T {
  const { createdAt: _created, updatedAt: _updated, ...content } = row;
  const key = `${kind}:${JSON.stringify(content)}`;
  const hit = parsedRows.get(key);
  if (hit) return hit as T;
  const value = parse();
  if (parsedRows.size >= 1000) parsedRows.clear();
  parsedRows.set(key, value);
  return value;
}

const calendarHashes = new WeakMap<BusinessCalendar, number>();

/**
 * What a case's due times were computed from: its policy version and calendar content. Stored on
 * the case; when it differs from the current one, a policy or calendar edit moved the case's timers.
 */
export function planBasisOf(state: Pick<CaseTimerState, "policy" | "calendar">): string | null {
  const { policy, calendar } = state;
  if (!policy) return null;
  let calendarHash = calendar ? calendarHashes.get(calendar) : 0;
  if (calendar && calendarHash === undefined) {
    calendarHash = hashText(JSON.stringify(calendar));
    calendarHashes.set(calendar, calendarHash);
  }
  return `${policy.code}@${policy.version}${policy.active ? "" : "-off"}/${calendarHash}`;
}

/** The basis every case of each policy should have been planned with now. */
export async function loadPolicyPlanBases(tx: Db): Promise<Map<string, string>> {
  const rows = await tx
    .select({ policy: slaPolicies, calendar: slaCalendars })
    .from(slaPolicies)
    .leftJoin(slaCalendars, eq(slaCalendars.code, slaPolicies.calendarCode));
  const bases = new Map<string, string>();
  for (const { policy, calendar } of rows) {
    const basis = planBasisOf({
      policy: cachedParse("policy", policy, () => toPolicy(policy)),
      calendar: calendar ? cachedParse("calendar", calendar, () => toCalendar(calendar)) : null,
    });
    if (basis) bases.set(policy.code, basis);
  }
  return bases;
}

type HistoryEntry = { status: string; at: string };

/**
 * Reads what the SLA engine needs for each case in one statement, whatever the number of cases:
 * the row with its policy and calendar, the status history from the case events, and the timers
 * already fired (both aggregated per case).
 */
export async function loadCaseTimerStates(
  tx: Db,
  caseIds: readonly string[],
): Promise<Map<string, CaseTimerState>> {
  const states = new Map<string, CaseTimerState>();
  if (caseIds.length === 0) return states;
  const rows = await tx
    .select({
      case: cases,
      policy: slaPolicies,
      calendar: slaCalendars,
      history: sql<HistoryEntry[] | null>`(
        select json_agg(json_build_object('status', e.to_status, 'at', e.created_at) order by e.sequence)
        from ${caseEvents} e
        where e.case_id = ${cases.id} and e.type in ('case.opened', 'case.status_change'))`,
      fired: sql<
        string[] | null
      >`(select json_agg(f.key) from ${slaTimerFirings} f where f.case_id = ${cases.id})`,
    })
    .from(cases)
    .leftJoin(slaPolicies, eq(slaPolicies.code, cases.slaPolicyCode))
    .leftJoin(slaCalendars, eq(slaCalendars.code, slaPolicies.calendarCode))
    .where(inArray(cases.id, [...caseIds]));

  for (const { case: row, policy, calendar, history, fired } of rows) {
    const statusHistory: Array<{ status: CaseStatus; at: Date }> = [];
    for (const event of history ?? []) {
      const status = CaseStatus.safeParse(event.status);
      if (status.success) statusHistory.push({ status: status.data, at: new Date(event.at) });
    }
    const status = CaseStatus.catch("new").parse(row.status);
    states.set(row.id, {
      caseId: row.id,
      teamCode: row.departmentCode,
      priority: Priority.catch("normal").parse(row.priority),
      openedAt: row.createdAt,
      // Cases written without events (imports, the benchmark) have held their status since opening.
      statusHistory: statusHistory.length ? statusHistory : [{ status, at: row.createdAt }],
      firstRespondedAt: row.firstRespondedAt,
      lastCitizenMessageAt: row.lastCitizenMessageAt,
      lastStaffReplyAt: row.lastStaffReplyAt,
      policy: policy ? cachedParse("policy", policy, () => toPolicy(policy)) : null,
      calendar: calendar ? cachedParse("calendar", calendar, () => toCalendar(calendar)) : null,
      firedKeys: new Set(fired ?? []),
      slaVersion: row.slaVersion,
    });
  }
  return states;
}

export async function loadCaseTimerState(tx: Db, caseId: string): Promise<CaseTimerState | null> {
  return (await loadCaseTimerStates(tx, [caseId])).get(caseId) ?? null;
}
