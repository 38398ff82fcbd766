import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { caseEvents, cases, slaTimerFirings } from "../../db/schema";
import { openCase } from "../cases/open-case";
import { createCitizen } from "../cases/test-fixtures";
import type { SlaTimerFiring } from "./handle-sla-timer";
import { canRecordTogether, recordSlaFirings } from "./record-sla-firing";
import { createRoundTheClockService } from "./sla.db-fixture";

forEachDatabase("recordSlaFirings", (use) => {
  let serviceCode: string;
  beforeAll(async () => {
    serviceCode = (await createRoundTheClockService(use())).serviceCode;
  });
  const open = async () => {
    const citizen = await createCitizen(use());
    const { case: opened } = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId }, now: new Date() },
      input: { serviceCode, description: "Lamp out", channel: "web", lang: "en" },
    });
    return opened;
  };
  const firingOf = (caseId: string, key: string): SlaTimerFiring => ({
    caseId,
    key,
    kind: "sla.breach",
    timer: "resolution",
    step: null,
    dueAt: new Date("2026-06-01T10:00:00Z"),
    timerDueAt: new Date("2026-06-01T10:00:00Z"),
    firedAt: new Date("2026-06-01T10:00:01Z"),
    notify: null,
  });

  it("records a batch in one statement: each key once, its history entry and next due time", async () => {
    const [a, b] = [await open(), await open()];
    const [versionA] = await use().db.select({ v: cases.slaVersion }).from(cases).where(eq(cases.id, a.id));
    const nextDueAt = new Date("2026-06-01T10:30:00Z");
    const after = { nextDueAt, slaVersion: versionA!.v };
    const items = [
      { firing: firingOf(a.id, `k-a-${a.id}`), after },
      { firing: firingOf(b.id, `k-b-${b.id}`), after: { nextDueAt, slaVersion: -1 } },
      { firing: firingOf(a.id, `k-a-${a.id}`), after },
    ];
    expect(canRecordTogether(items.slice(0, 2), items[2]!)).toBe(false);

    const recorded = await recordSlaFirings(use(), items);
    expect(recorded.map((r) => r?.caseReference ?? null)).toEqual([a.reference, b.reference, null]);
    expect(await recordSlaFirings(use(), items.slice(0, 1))).toEqual([null]);

    const firings = await use()
      .db.select()
      .from(slaTimerFirings)
      .where(inArray(slaTimerFirings.caseId, [a.id, b.id]));
    expect(firings).toHaveLength(2);
    const history = await use().db.select().from(caseEvents).where(eq(caseEvents.type, "case.sla_breach"));
    expect(history.filter((e) => e.caseId === a.id || e.caseId === b.id)).toHaveLength(2);
    const rows = await use()
      .db.select({ id: cases.id, next: cases.slaNextDueAt })
      .from(cases)
      .where(inArray(cases.id, [a.id, b.id]));
    const next = new Map(rows.map((row) => [row.id, row.next?.getTime() ?? null]));
    // Only the case still at the version the handler read takes the new next due time.
    expect(next.get(a.id)).toBe(nextDueAt.getTime());
    expect(next.get(b.id)).not.toBe(nextDueAt.getTime());
  });
});
