import { and, asc, eq, like } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../test/db";
import { createInProcessJobQueue } from "../adapters/job-queue-in-process";
import { caseEvents, slaPolicies, slaTimerFirings } from "../db/schema";
import { createLogger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import type { SlaAlert, StaffNotifier } from "../ports/staff-notifier";
import { openCase } from "../services/cases/open-case";
import { createCitizen } from "../services/cases/test-fixtures";
import { createRoundTheClockService } from "../services/sla/sla.db-fixture";
import { slaBreachJob } from "./catalogue";
import { type SlaTimers, startSlaTimers } from "./start-sla-timers";

const logger = createLogger({ level: "silent", redact: (t) => t });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

forEachDatabase("startSlaTimers", (use) => {
  let service: Awaited<ReturnType<typeof createRoundTheClockService>>;
  let running: { timers: SlaTimers; queue: JobQueue } | null = null;
  beforeAll(async () => {
    service = await createRoundTheClockService(use());
  });
  afterEach(async () => {
    await running?.timers.stop();
    await running?.queue.stop();
    running = null;
  });

  const openAt = async (openedAt: Date) => {
    const citizen = await createCitizen(use());
    const { case: opened } = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId }, now: openedAt },
      input: { serviceCode: service.serviceCode, description: "Bench broken", channel: "web", lang: "en" },
    });
    return opened;
  };
  const start = async () => {
    const alerts: SlaAlert[] = [];
    const notifier: StaffNotifier = {
      async notifyStaff(alert) {
        alerts.push(alert);
      },
    };
    const queue = createInProcessJobQueue();
    const timers = await startSlaTimers({ database: use(), queue, logger, notifier, sweepIntervalMs: 0 });
    running = { timers, queue };
    await timers.firstSweep;
    return { alerts, queue, timers };
  };
  const firingsOf = (caseId: string) =>
    use().db.select().from(slaTimerFirings).where(eq(slaTimerFirings.caseId, caseId));
  const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && !(await check())) await sleep(25);
  };

  it("fires each breach and escalation step once, records them and alerts only each step's target", async () => {
    const opened = await openAt(new Date(Date.now() - 3 * 3600_000));
    const { alerts, queue, timers } = await start();
    await waitFor(async () => (await firingsOf(opened.id)).length >= 6);
    await waitFor(async () => (await queue.pending()) === 0);

    const fired = await firingsOf(opened.id);
    // Both clocks are hours overdue: their warnings lapsed; breach and two steps each.
    expect(fired.map((f) => `${f.timer} ${f.kind} ${f.step ?? "-"}`).sort()).toEqual([
      "first_response sla.breach -",
      "first_response sla.escalate 0",
      "first_response sla.escalate 1",
      "resolution sla.breach -",
      "resolution sla.escalate 0",
      "resolution sla.escalate 1",
    ]);
    const history = await use()
      .db.select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, opened.id), like(caseEvents.type, "case.%")))
      .orderBy(asc(caseEvents.sequence));
    expect(history.filter((e) => e.actorId === "sla").map((e) => e.type)).toHaveLength(6);
    expect(history.filter((e) => e.type === "case.escalate")).toHaveLength(4);
    expect(alerts.map((a) => [a.timer, a.notify]).sort()).toEqual([
      ["first_response", "assignee"],
      ["first_response", "team_lead"],
      ["resolution", "assignee"],
      ["resolution", "team_lead"],
    ]);
    expect(alerts[0]).toMatchObject({ caseReference: opened.reference, departmentCode: service.teamA });

    // A second sweep and a duplicate delivery change nothing.
    const again = await timers.sweep();
    expect(again.added).toBe(0);
    const breach = fired.find((f) => f.kind === "sla.breach")!;
    await queue.enqueue(slaBreachJob, {
      caseId: opened.id,
      key: breach.key,
      timer: "first_response",
      dueAt: breach.dueAt.toISOString(),
    });
    await sleep(200);
    await waitFor(async () => (await queue.pending()) === 0);
    expect(await firingsOf(opened.id)).toHaveLength(6);
    expect(alerts).toHaveLength(4);
  });

  it("warns before the breach", async () => {
    // Opened 25 minutes ago: the first-response warning (at 20) is due, its breach (at 30) is not.
    const opened = await openAt(new Date(Date.now() - 25 * 60_000));
    const { alerts } = await start();
    await waitFor(async () => (await firingsOf(opened.id)).length >= 1);
    expect((await firingsOf(opened.id)).map((f) => [f.timer, f.kind])).toEqual([
      ["first_response", "sla.warn"],
    ]);
    expect(alerts).toMatchObject([{ kind: "sla.warn", notify: "assignee" }]);
  });

  it("pitfall: a deleted policy stops the timers already queued", async () => {
    const isolated = await createRoundTheClockService(use());
    const citizen = await createCitizen(use());
    // The first-response warning falls due 1.5 s from now (nothing is overdue when the queue starts).
    const { case: opened } = await openCase({
      ctx: {
        database: use(),
        actor: { kind: "citizen", contactId: citizen.contactId },
        now: new Date(Date.now() - 20 * 60_000 + 1500),
      },
      input: { serviceCode: isolated.serviceCode, description: "Bench broken", channel: "web", lang: "en" },
    });
    const { queue, timers } = await start();
    expect(await queue.pending()).toBeGreaterThan(0);
    await use()
      .db.update(slaPolicies)
      .set({ active: false })
      .where(eq(slaPolicies.code, isolated.policyCode));
    await sleep(2500);
    expect(await firingsOf(opened.id)).toEqual([]);
    // Nor does a sweep bring them back.
    await timers.sweep();
    await sleep(300);
    expect(await firingsOf(opened.id)).toEqual([]);
  });
});
