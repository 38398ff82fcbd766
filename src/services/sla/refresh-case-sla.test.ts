import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createInProcessJobQueue } from "../../adapters/job-queue-in-process";
import { addCaseNote } from "../cases/add-case-note";
import { assignCase } from "../cases/assign-case";
import { changeCaseStatus } from "../cases/change-case-status";
import type { StaffActor } from "../cases/context";
import { openCase } from "../cases/open-case";
import { setCasePriority } from "../cases/set-case-priority";
import { createCitizen, createStaff } from "../cases/test-fixtures";
import { getOpen311Request } from "../open311/get-open311-request";
import { publicRequestIdOf } from "../open311/public-request-id";
import { toW3cDateTime } from "../open311/request-view";
import { loadCaseTimerState } from "./load-case-timer-states";
import { planTimers } from "./plan-timers";
import { createRoundTheClockService } from "./sla.db-fixture";

const T0 = new Date("2026-06-01T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const iso = (n: number) => minutes(n).toISOString();

forEachDatabase("SLA due times on cases", (use) => {
  let agent: StaffActor;
  let service: Awaited<ReturnType<typeof createRoundTheClockService>>;
  beforeAll(async () => {
    agent = await createStaff(use(), ["agent"]);
    service = await createRoundTheClockService(use());
  });

  const open = async (now = T0, extra: Record<string, unknown> = {}) => {
    const citizen = await createCitizen(use());
    const jobQueue = createInProcessJobQueue();
    const { case: opened } = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId }, now, jobQueue },
      input: {
        serviceCode: service.serviceCode,
        description: "Broken bench",
        location: { address: `${Math.floor(Math.random() * 1e6)} Park Road` },
        channel: "web",
        lang: "en",
        ...extra,
      },
    });
    const staff = (n: number) => ({ database: use(), actor: agent, now: minutes(n), jobQueue });
    return { citizen, opened, reference: opened.reference, jobQueue, staff };
  };
  const queuedKeys = async (caseId: string) => {
    const state = await loadCaseTimerState(use().db, caseId);
    return planTimers(state!, new Date(0)).map((timer) => timer.key);
  };

  it("stores the due times when the case opens, and Open311 shows the resolution due time", async () => {
    const { opened } = await open();
    expect(opened.sla).toMatchObject({
      firstResponseDueAt: iso(30),
      nextResponseDueAt: null,
      resolutionDueAt: iso(120),
      pausedSince: null,
    });
    const request = await getOpen311Request({
      ctx: { database: use(), lang: "en", apiKeys: [] },
      input: { serviceRequestId: publicRequestIdOf(opened.id) },
    });
    expect(request).toMatchObject([{ expected_datetime: toW3cDateTime(minutes(120)) }]);
  });

  it("recomputes on a priority change and replaces the queued timers", async () => {
    const { opened, reference, jobQueue, staff } = await open();
    const before = await queuedKeys(opened.id);
    expect(await jobQueue.pending()).toBe(2); // the head of each running clock: both warnings
    const view = await setCasePriority({ ctx: staff(5), input: { reference, priority: "urgent" } });
    expect(view.sla).toMatchObject({ firstResponseDueAt: iso(15), resolutionDueAt: iso(60) });
    expect(await jobQueue.pending()).toBe(2);
    for (const key of before) expect(await jobQueue.cancel(key)).toBe(false);
  });

  it("stops the clock while waiting for the citizen, and does not count resolved time after a reopen", async () => {
    const { reference, staff } = await open();
    await changeCaseStatus({ ctx: staff(10), input: { reference, status: "in_progress" } });
    const waiting = await changeCaseStatus({
      ctx: staff(20),
      input: { reference, status: "waiting_for_citizen" },
    });
    expect(waiting.sla.pausedSince).toBe(iso(20));
    const resumed = await changeCaseStatus({ ctx: staff(80), input: { reference, status: "in_progress" } });
    expect(resumed.sla).toMatchObject({ pausedSince: null, resolutionDueAt: iso(180) });
    await changeCaseStatus({ ctx: staff(90), input: { reference, status: "resolved" } });
    const reopened = await changeCaseStatus({ ctx: staff(150), input: { reference, status: "open" } });
    expect(reopened.sla.resolutionDueAt).toBe(iso(240));
  });

  it("pitfall: next response is due only while the citizen has spoken last", async () => {
    const address = `${Math.floor(Math.random() * 1e6)} Chase Street`;
    const { citizen, opened, reference, jobQueue, staff } = await open(T0, { location: { address } });
    await changeCaseStatus({ ctx: staff(5), input: { reference, status: "in_progress" } });
    // The same citizen reports the same problem again: they are chasing, so a reply is owed.
    const chased = await openCase({
      ctx: {
        database: use(),
        actor: { kind: "citizen", contactId: citizen.contactId },
        now: minutes(20),
        jobQueue,
      },
      input: {
        serviceCode: service.serviceCode,
        description: "Still broken",
        location: { address },
        channel: "web",
        lang: "en",
      },
    });
    expect(chased).toMatchObject({ outcome: "linked", case: { id: opened.id } });
    expect(chased.case.sla.nextResponseDueAt).toBe(iso(80));
    await addCaseNote({ ctx: staff(30), input: { reference, note: "On our way", visibility: "public" } });
    const state = await loadCaseTimerState(use().db, opened.id);
    expect(planTimers(state!, minutes(30)).some((timer) => timer.timer === "next_response")).toBe(false);
  });

  it("pitfall: a move to another team cancels the old team's timers and queues the new team's", async () => {
    const { opened, reference, jobQueue, staff } = await open();
    const before = await queuedKeys(opened.id);
    const moved = await assignCase({
      ctx: staff(5),
      input: { reference, assigneeId: null, department: service.teamB },
    });
    expect(moved.department).toBe(service.teamB);
    expect(moved.sla.resolutionDueAt).toBe(iso(120));
    const after = await queuedKeys(opened.id);
    expect(after.filter((key) => before.includes(key))).toEqual([]);
    for (const key of before) expect(await jobQueue.cancel(key)).toBe(false);
    expect(await jobQueue.pending()).toBe(2);
  });
});
