import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createBullmqJobQueue } from "../../adapters/job-queue-bullmq";
import { deleteRedisPrefix, testRedisUrl } from "../../adapters/job-queue-bullmq.fixture";
import { createInProcessJobQueue } from "../../adapters/job-queue-in-process";
import { registerSlaTimerHandlers } from "../../jobs/register-sla-timer-handlers";
import type { JobQueue } from "../../ports/job-queue";
import { BusinessCalendar } from "./calendar";
import type { SlaTimerFiring } from "./handle-sla-timer";
import { planTimers } from "./plan-timers";
import type { CaseTimerState } from "./policy";
import { reconcileTimers } from "./reconcile-timers";
import { makeCaseTimerState, makePolicy } from "./sla.fixture";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Short, round-the-clock timers so a test sees them fire: a first response within 1.2 s, the
 * resolution within 2.4 s, a warning 0.6 s before each, and two escalation steps.
 */
function makeQuickCase(openedAt: Date): CaseTimerState {
  return makeCaseTimerState({
    caseId: `case-${randomUUID()}`,
    openedAt,
    statusHistory: [{ status: "open", at: openedAt }],
    calendar: BusinessCalendar.parse({ timeZone: "UTC", hours: "all" }),
    policy: makePolicy({
      firstResponseMinutes: 0.02,
      nextResponseMinutes: 0.02,
      resolutionMinutes: 0.04,
      warnBeforeMinutes: 0.01,
      escalation: [
        { afterMinutes: 0, notify: "assignee" },
        { afterMinutes: 0.005, notify: "team_lead" },
      ],
    }),
  });
}

/** The cases table stand-in: fired keys recorded once per case, like a unique index. */
function createCaseStore(states: CaseTimerState[]) {
  const rows = new Map(states.map((s) => [s.caseId, { ...s, firedKeys: new Set<string>() }]));
  const firings: SlaTimerFiring[] = [];
  let duplicateDeliveries = 0;
  return {
    firings,
    duplicates: () => duplicateDeliveries,
    async *listOpen() {
      // A fresh snapshot per row, as a database read would give.
      for (const row of rows.values()) yield { ...row, firedKeys: new Set(row.firedKeys) };
    },
    deps: {
      loadCaseTimerState: async (caseId: string) => {
        const row = rows.get(caseId);
        return row ? { ...row, firedKeys: new Set(row.firedKeys) } : null;
      },
      recordTimerFired: async (firing: SlaTimerFiring) => {
        const row = rows.get(firing.caseId)!;
        if (row.firedKeys.has(firing.key)) {
          duplicateDeliveries++;
          return false;
        }
        row.firedKeys.add(firing.key);
        firings.push(firing);
        return true;
      },
    },
  };
}

type QueueFactory = { create: () => JobQueue; wipe: () => Promise<void>; dispose: () => Promise<void> };

function describeReconciliation(name: string, makeFactory: () => QueueFactory) {
  describe(`reconcileTimers (${name})`, () => {
    let factory: QueueFactory;
    const opened: JobQueue[] = [];
    afterEach(async () => {
      for (const queue of opened.splice(0)) await queue.stop();
      await factory?.dispose();
    });

    it("restores every timer after the queue is wiped; each due timer fires exactly once", async () => {
      factory = makeFactory();
      const now = Date.now();
      // Opened between 3 s ago and now: some timers are overdue at the first sweep, others still ahead.
      const cases = Array.from({ length: 40 }, (_, i) => makeQuickCase(new Date(now - (i % 10) * 300)));
      const store = createCaseStore(cases);
      const breachAndSteps = new Set(
        cases.flatMap((c) =>
          planTimers(c, new Date(now))
            .filter((t) => t.kind !== "sla.warn")
            .map((t) => t.key),
        ),
      );

      const first = factory.create();
      opened.push(first);
      registerSlaTimerHandlers(first, store.deps);
      const sweep = await reconcileTimers({
        queue: first,
        listOpenCaseTimerStates: store.listOpen,
        now: new Date(),
      });
      expect(sweep.cases).toBe(40);
      // One job per running clock is queued; each firing queues the next step of its chain.
      expect(sweep.added).toBeGreaterThan(0);
      expect(sweep.added + sweep.deferred).toBe(sweep.planned - sweep.alreadyFired);
      // A second sweep over a full queue changes nothing. (While jobs fire, a sweep may re-add one
      // that finished after its case was read; the handler then finds it already fired.)
      const again = await reconcileTimers({
        queue: first,
        listOpenCaseTimerStates: store.listOpen,
        now: new Date(),
      });
      // (Warnings whose breach time passed in between are no longer planned.)
      expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: sweep.added });
      await first.start();
      const firstStartedAt = Date.now();

      await sleep(900);
      const firedBeforeCrash = store.firings.length;
      expect(firedBeforeCrash).toBeGreaterThan(0);
      // The worker dies and every queued job is lost.
      await first.stop();
      await factory.wipe();

      const second = factory.create();
      opened.push(second);
      expect(await second.pending()).toBe(0);
      registerSlaTimerHandlers(second, store.deps);
      const restored = await reconcileTimers({
        queue: second,
        listOpenCaseTimerStates: store.listOpen,
        now: new Date(),
      });
      expect(restored.alreadyFired).toBeGreaterThanOrEqual(firedBeforeCrash - 40); // warnings may have lapsed
      await second.start();
      const secondStartedAt = Date.now();

      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        const fired = new Set(store.firings.map((f) => f.key));
        if ([...breachAndSteps].every((key) => fired.has(key)) && (await second.pending()) === 0) break;
        await sleep(50);
      }
      const keys = store.firings.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length); // nothing recorded twice
      for (const key of breachAndSteps) expect(keys).toContain(key);
      // Lateness of the timers that were still ahead when their queue started (not the overdue ones).
      const latenessMs = store.firings
        .filter((f, i) => f.dueAt.getTime() >= (i < firedBeforeCrash ? firstStartedAt : secondStartedAt))
        .map((f) => f.firedAt.getTime() - f.dueAt.getTime())
        .sort((a, b) => a - b);
      const p = (q: number) => latenessMs[Math.min(latenessMs.length - 1, Math.floor(q * latenessMs.length))];
      console.info(
        `${name}: ${keys.length} timers fired once each (${firedBeforeCrash} before the wipe), ` +
          `${store.duplicates()} duplicate deliveries absorbed; lateness of ${latenessMs.length} timers ` +
          `scheduled ahead: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
      );
      expect(p(0.99)).toBeLessThan(1000);
    });
  });
}

describeReconciliation("in-process", () => ({
  create: () => createInProcessJobQueue(),
  wipe: async () => {},
  dispose: async () => {},
}));

const redisUrl = testRedisUrl();
if (redisUrl) {
  describeReconciliation("bullmq", () => {
    const prefix = `cdtest-${randomUUID()}`;
    return {
      create: () => createBullmqJobQueue({ redisUrl, prefix }),
      wipe: async () => {
        await deleteRedisPrefix(redisUrl, prefix);
      },
      dispose: async () => {
        await deleteRedisPrefix(redisUrl, prefix);
      },
    };
  });
} else {
  describe("reconcileTimers (bullmq)", () => {
    it.skip("skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run against BullMQ", () => {});
  });
}
