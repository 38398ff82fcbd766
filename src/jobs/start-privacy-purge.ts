import { z } from "zod";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { defineJob, type JobQueue } from "../ports/job-queue";
import type { RetentionPolicy } from "../services/privacy/context";
import { type PurgeCounts, purgeExpiredData } from "../services/privacy/purge-expired-data";

/** One purge per time slot; the slot's start names the job, so every process queues the same one. */
export const privacyPurgeJob = defineJob({
  id: "privacy.purge",
  version: 1,
  payload: z.object({ slot: z.iso.datetime() }),
  retry: { attempts: 3, backoffMs: 60_000 },
});

export type PrivacyPurge = {
  /** Runs a purge now, outside the schedule (tests, an admin after changing retention). */
  runNow(): Promise<PurgeCounts>;
};

/**
 * Schedules the retention purge on the job queue every `intervalMs` (0: never). Each run queues the next
 * slot under that slot's key, so several processes starting or running together keep one pending job,
 * and a lost job is queued again by the next process start. The purge itself is idempotent.
 */
export async function startPrivacyPurge(options: {
  database: Database;
  queue: JobQueue;
  logger: Logger;
  retention: RetentionPolicy;
  intervalMs: number;
}): Promise<PrivacyPurge> {
  const { database, queue, logger, retention, intervalMs } = options;
  const runNow = async () => {
    const started = Date.now();
    const counts = await purgeExpiredData({ database, retention, now: new Date() });
    logger.info("privacy purge done", { ...counts, ms: Date.now() - started });
    return counts;
  };
  const slotAt = (time: number) => new Date(Math.floor(time / intervalMs) * intervalMs);
  const enqueueSlot = async (slot: Date) => {
    await queue.enqueue(
      privacyPurgeJob,
      { slot: slot.toISOString() },
      { runAt: slot, key: `privacy.purge:${slot.toISOString()}` },
    );
  };
  queue.registerHandler(privacyPurgeJob, async ({ slot }) => {
    await runNow();
    await enqueueSlot(new Date(new Date(slot).getTime() + intervalMs));
  });
  if (intervalMs > 0) {
    const current = slotAt(Date.now());
    await enqueueSlot(current);
    await enqueueSlot(new Date(current.getTime() + intervalMs));
  }
  return { runNow };
}
