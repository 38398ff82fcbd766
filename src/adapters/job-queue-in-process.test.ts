import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "../ports/job-queue";
import { describeJobQueueContract } from "../ports/job-queue.contract";
import { createInProcessJobQueue } from "./job-queue-in-process";

describeJobQueueContract("in-process", {
  create: async (onEvent) => createInProcessJobQueue({ onEvent }),
  latenessMs: 100,
});

const tickJob = defineJob({
  id: "test.tick",
  version: 1,
  payload: z.object({ i: z.number().int() }),
  retry: { attempts: 1, backoffMs: 0 },
});

describe("in-process job queue at scale", () => {
  // Enqueue and cancel speed at this scale is for `npm run bench -- sla`; here only the behaviour.
  it("holds 100,000 scheduled jobs and still fires the earliest on time", async () => {
    const queue = createInProcessJobQueue();
    const fired: number[] = [];
    queue.registerHandler(tickJob, async ({ i }) => {
      fired.push(i);
    });
    await queue.start();
    const base = Date.now() + 3_600_000;
    for (let i = 0; i < 100_000; i++) {
      await queue.enqueue(
        tickJob,
        { i },
        { runAt: new Date(base + ((i * 7919) % 100_000) * 1000), key: `t${i}` },
      );
    }
    expect(await queue.pending()).toBe(100_000);

    // One more, due now, must not wait behind the hundred thousand.
    const soon = Date.now() + 50;
    await queue.enqueue(tickJob, { i: -1 }, { runAt: new Date(soon) });
    const deadline = Date.now() + 1000;
    while (!fired.includes(-1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(fired).toEqual([-1]);

    for (let i = 0; i < 100_000; i += 2) await queue.cancel(`t${i}`);
    expect(await queue.pending()).toBe(50_000);
    await queue.stop();
  });

  it("chains timers beyond setTimeout's 24.8-day limit instead of firing at once", async () => {
    const queue = createInProcessJobQueue();
    let fired = 0;
    queue.registerHandler(tickJob, async () => {
      fired++;
    });
    await queue.start();
    await queue.enqueue(tickJob, { i: 1 }, { runAt: new Date(Date.now() + 40 * 86_400_000) });
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toBe(0);
    expect(await queue.pending()).toBe(1);
    await queue.stop();
  });
});
