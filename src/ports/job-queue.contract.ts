import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, type JobContext, type JobEvent, type JobQueue, jobRequest } from "./job-queue";

/** How a contract run builds a fresh, empty queue; `dispose` removes whatever it left behind. */
export type JobQueueFixture = {
  create: (onEvent: (event: JobEvent) => void) => Promise<JobQueue>;
  dispose?: () => Promise<void>;
  /** Worst lateness the adapter may show in a quiet test run. */
  latenessMs: number;
};

const pingJob = defineJob({
  id: "test.ping",
  version: 1,
  payload: z.object({ n: z.number().int() }),
  retry: { attempts: 1, backoffMs: 0 },
});

const flakyJob = defineJob({
  id: "test.flaky",
  version: 1,
  payload: z.object({ failTimes: z.number().int() }),
  retry: { attempts: 4, backoffMs: 100 },
});

/** The same id at version 2 expects another payload: what a consumer deployed ahead of its producer sees. */
const reshapedV1 = defineJob({
  id: "test.reshaped",
  version: 1,
  payload: z.object({ name: z.string() }),
  retry: { attempts: 5, backoffMs: 20 },
});
const reshapedV2 = defineJob({
  id: "test.reshaped",
  version: 2,
  payload: z.object({ fullName: z.string() }),
  retry: { attempts: 5, backoffMs: 20 },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/**
 * A queue reports a job done a moment before it takes it off its books (BullMQ moves it to
 * "completed" after the handler returns), so "nothing pending" is awaited, not sampled.
 */
async function expectDrained(queue: JobQueue): Promise<void> {
  await waitFor(async () => (await queue.pending()) === 0, 2000).catch(() => {});
  expect(await queue.pending()).toBe(0);
}

type Run = { n: number; at: number; context: JobContext };

/** One behaviour list that every JobQueue adapter must pass. */
export function describeJobQueueContract(name: string, fixture: JobQueueFixture): void {
  describe(`JobQueue contract: ${name}`, () => {
    let queue: JobQueue | null = null;
    let events: JobEvent[] = [];

    const open = async () => {
      events = [];
      queue = await fixture.create((event) => events.push(event));
      const runs: Run[] = [];
      queue.registerHandler(pingJob, async (payload, context) => {
        runs.push({ n: payload.n, at: Date.now(), context });
      });
      return { queue, runs };
    };

    afterEach(async () => {
      await queue?.stop();
      queue = null;
      await fixture.dispose?.();
    });

    it("delivers a delayed job on time, not before", async () => {
      const { queue, runs } = await open();
      await queue.start();
      const runAt = new Date(Date.now() + 400);
      expect(await queue.enqueue(pingJob, { n: 1 }, { runAt })).toBe("added");
      await sleep(250);
      expect(runs).toHaveLength(0);
      await waitFor(() => runs.length === 1, 400 + fixture.latenessMs + 1000);
      const run = runs[0]!;
      expect(run.at).toBeGreaterThanOrEqual(runAt.getTime() - 5);
      expect(run.at - runAt.getTime()).toBeLessThanOrEqual(fixture.latenessMs);
      expect(run.context.attempt).toBe(1);
      expect(run.context.runAt.getTime()).toBe(runAt.getTime());
      await waitFor(() => events.length === 1, 1000);
      await expectDrained(queue);
    });

    it("runs jobs in due order and every one of them once", async () => {
      const { queue, runs } = await open();
      const start = Date.now() + 200;
      const order = Array.from({ length: 60 }, (_, i) => i).sort(() => Math.random() - 0.5);
      for (const n of order) await queue.enqueue(pingJob, { n }, { runAt: new Date(start + n * 10) });
      expect(await queue.pending()).toBe(60);
      await queue.start();
      await waitFor(() => runs.length === 60, 3000 + fixture.latenessMs);
      expect(new Set(runs.map((run) => run.n)).size).toBe(60);
      for (const run of runs) expect(run.at).toBeGreaterThanOrEqual(start + run.n * 10 - 5);
    });

    it("keeps one job per idempotency key", async () => {
      const { queue, runs } = await open();
      const runAt = new Date(Date.now() + 200);
      expect(await queue.enqueue(pingJob, { n: 7 }, { runAt, key: "case-1:breach" })).toBe("added");
      expect(await queue.enqueue(pingJob, { n: 7 }, { runAt, key: "case-1:breach" })).toBe("unchanged");
      expect(await queue.enqueue(pingJob, { n: 8 }, { runAt, key: "case-2:breach" })).toBe("added");
      expect(await queue.pending()).toBe(2);
      await queue.start();
      await waitFor(() => runs.length === 2, 2000 + fixture.latenessMs);
      await sleep(200);
      expect(runs.map((run) => run.n).sort()).toEqual([7, 8]);
      expect(runs.find((run) => run.n === 7)?.context.key).toBe("case-1:breach");
    });

    it("replaces a pending job when the same key comes with another time or payload", async () => {
      const { queue, runs } = await open();
      await queue.start();
      const key = "case-9:first_response:breach";
      await queue.enqueue(pingJob, { n: 1 }, { runAt: new Date(Date.now() + 60_000), key });
      const sooner = new Date(Date.now() + 200);
      expect(await queue.enqueue(pingJob, { n: 2 }, { runAt: sooner, key })).toBe("replaced");
      expect(await queue.pending()).toBe(1);
      await waitFor(() => runs.length === 1, 2000 + fixture.latenessMs);
      expect(runs[0]?.n).toBe(2);
      expect(runs[0]?.at).toBeGreaterThanOrEqual(sooner.getTime() - 5);
      await sleep(200);
      expect(runs).toHaveLength(1);
      await expectDrained(queue);
    });

    it("cancels a pending job by key", async () => {
      const { queue, runs } = await open();
      await queue.start();
      await queue.enqueue(pingJob, { n: 1 }, { runAt: new Date(Date.now() + 200), key: "gone" });
      await queue.enqueue(pingJob, { n: 2 }, { runAt: new Date(Date.now() + 250), key: "stays" });
      expect(await queue.cancel("gone")).toBe(true);
      expect(await queue.cancel("gone")).toBe(false);
      expect(await queue.cancel("never-enqueued")).toBe(false);
      await waitFor(() => runs.length === 1, 2000 + fixture.latenessMs);
      await sleep(300);
      expect(runs.map((run) => run.n)).toEqual([2]);
    });

    it("retries a failing job with backoff, then succeeds", async () => {
      const { queue } = await open();
      const tries: Array<{ at: number; attempt: number }> = [];
      queue.registerHandler(flakyJob, async (payload, context) => {
        tries.push({ at: Date.now(), attempt: context.attempt });
        if (context.attempt <= payload.failTimes) throw new Error(`try ${context.attempt} fails`);
      });
      await queue.start();
      await queue.enqueue(flakyJob, { failTimes: 2 }, { key: "flaky" });
      await waitFor(() => events.some((event) => event.outcome === "completed"), 5000);
      expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3]);
      // Exponential backoff: 100 ms, then 200 ms.
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(95);
      expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(195);
      const failures = events.filter((event) => event.outcome === "failed");
      expect(failures.map((event) => event.outcome === "failed" && event.willRetry)).toEqual([true, true]);
      await expectDrained(queue);
    });

    it("fails an invalid payload once, without retrying and without calling the handler", async () => {
      const { queue } = await open();
      let calls = 0;
      // This consumer knows only version 2 of the job; the producer below still sends version 1.
      queue.registerHandler(reshapedV2, async () => {
        calls++;
      });
      await queue.start();
      await queue.enqueue(reshapedV1, { name: "Ada" });
      await waitFor(() => events.length >= 1, 2000 + fixture.latenessMs);
      await sleep(300);
      expect(calls).toBe(0);
      expect(events).toHaveLength(1);
      const event = events[0]!;
      expect(event.outcome).toBe("failed");
      if (event.outcome === "failed") {
        expect(event.reason).toBe("invalid_payload");
        expect(event.willRetry).toBe(false);
      }
      await expectDrained(queue);
    });

    it("refuses to enqueue a payload its own schema rejects", async () => {
      const { queue } = await open();
      await expect(queue.enqueue(pingJob, { n: 1.5 })).rejects.toThrow(/invalid payload/);
      expect(await queue.pending()).toBe(0);
    });

    it("stops gracefully: waits for running jobs, leaves pending ones queued", async () => {
      const { queue } = await open();
      const slowJob = defineJob({
        id: "test.slow",
        version: 1,
        payload: z.object({}),
        retry: { attempts: 1, backoffMs: 0 },
      });
      let finished = false;
      let started = false;
      queue.registerHandler(slowJob, async () => {
        started = true;
        await sleep(400);
        finished = true;
      });
      await queue.start();
      await queue.enqueue(slowJob, {});
      await queue.enqueue(pingJob, { n: 1 }, { runAt: new Date(Date.now() + 60_000), key: "later" });
      await waitFor(() => started, 2000 + fixture.latenessMs);
      await queue.stop();
      expect(finished).toBe(true);
      expect(await queue.pending()).toBe(1);
    });

    it("enqueues a batch with the same per-key rules, outcomes in request order", async () => {
      const { queue, runs } = await open();
      const soon = Date.now() + 300;
      await queue.enqueue(pingJob, { n: 1 }, { runAt: new Date(soon), key: "kept" });
      await queue.enqueue(pingJob, { n: 2 }, { runAt: new Date(soon + 60_000), key: "moved" });
      const batch = [
        jobRequest(pingJob, { n: 1 }, { runAt: new Date(soon), key: "kept" }),
        jobRequest(pingJob, { n: 2 }, { runAt: new Date(soon + 50), key: "moved" }),
        ...Array.from({ length: 250 }, (_, i) =>
          jobRequest(pingJob, { n: 100 + i }, { runAt: new Date(soon + (i % 5) * 20), key: `new-${i}` }),
        ),
        jobRequest(pingJob, { n: 100 }, { runAt: new Date(soon), key: "new-0" }),
        jobRequest(pingJob, { n: 9 }, { runAt: new Date(soon) }),
      ];
      const outcomes = await queue.enqueueMany(batch);
      expect(outcomes.slice(0, 2)).toEqual(["unchanged", "replaced"]);
      expect(outcomes.slice(2, 252).every((outcome) => outcome === "added")).toBe(true);
      expect(outcomes.slice(252)).toEqual(["unchanged", "added"]);
      expect(await queue.pending()).toBe(253);
      expect(await queue.enqueueMany([])).toEqual([]);
      await queue.start();
      await waitFor(() => runs.length === 253, 5000 + fixture.latenessMs);
      await sleep(200);
      expect(runs).toHaveLength(253);
      expect(new Set(runs.map((run) => run.n)).size).toBe(253);
      const moved = runs.find((run) => run.n === 2)!;
      expect(moved.at).toBeGreaterThanOrEqual(soon + 45);
      expect(moved.at).toBeLessThan(soon + 50_000);
      await expectDrained(queue);
    });

    it("refuses a whole batch when one payload is invalid", async () => {
      const { queue } = await open();
      await expect(
        queue.enqueueMany([
          jobRequest(pingJob, { n: 1 }, { key: "valid" }),
          jobRequest(pingJob, { n: 1.5 }, { key: "invalid" }),
        ]),
      ).rejects.toThrow(/invalid payload/);
      expect(await queue.pending()).toBe(0);
    });

    it("runs a job due in the past at once", async () => {
      const { queue, runs } = await open();
      await queue.start();
      const enqueuedAt = Date.now();
      await queue.enqueue(pingJob, { n: 1 }, { runAt: new Date(enqueuedAt - 3_600_000), key: "overdue" });
      await waitFor(() => runs.length === 1, 2000);
      expect(runs[0]!.at - enqueuedAt).toBeLessThanOrEqual(fixture.latenessMs);
    });
  });
}
