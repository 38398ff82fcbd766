import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { describeJobQueueContract } from "../ports/job-queue.contract";
import { createBullmqJobQueue } from "./job-queue-bullmq";
import { deleteRedisPrefix, testRedisUrl } from "./job-queue-bullmq.fixture";

const redisUrl = testRedisUrl();

if (redisUrl) {
  const url = redisUrl;
  let prefix = "";
  describeJobQueueContract("bullmq", {
    create: async (onEvent) => {
      prefix = `cdtest-${randomUUID()}`;
      return createBullmqJobQueue({ redisUrl: url, prefix, onEvent, concurrency: 8 });
    },
    dispose: async () => {
      await deleteRedisPrefix(url, prefix);
    },
    // Redis checks blocking timeouts `hz` times a second (10 by default): up to ~100 ms, plus a loaded CI box.
    latenessMs: 250,
  });
} else {
  describe("JobQueue contract: bullmq", () => {
    it.skip("skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run the BullMQ contract tests", () => {});
  });
}
