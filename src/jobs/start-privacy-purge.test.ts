import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { forEachDatabase } from "../../test/db";
import { createInProcessJobQueue } from "../adapters/job-queue-in-process";
import { auditLog } from "../db/schema";
import { createLogger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import { DEFAULT_RETENTION } from "../services/privacy/context";
import { startPrivacyPurge } from "./start-privacy-purge";

const logger = createLogger({ level: "silent", redact: (t) => t });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

forEachDatabase("startPrivacyPurge", (use) => {
  let queue: JobQueue | null = null;
  afterEach(async () => {
    await queue?.stop();
    queue = null;
  });

  it("purges on the queue at start and again each slot, keeping what is within retention", async () => {
    const old = new Date(Date.now() - (DEFAULT_RETENTION.auditDays + 1) * 86_400_000);
    const row = { actorType: "staff", actorId: "u1", action: "case.read", subjectType: "case" } as const;
    await use()
      .db.insert(auditLog)
      .values([
        { ...row, subjectId: "OLD", createdAt: old },
        { ...row, subjectId: "NEW" },
      ]);
    queue = createInProcessJobQueue({ logger });
    await startPrivacyPurge({
      database: use(),
      queue,
      logger,
      retention: DEFAULT_RETENTION,
      intervalMs: 200,
    });
    await queue.start();
    for (
      let i = 0;
      i < 50 && (await use().db.select().from(auditLog).where(eq(auditLog.subjectId, "OLD"))).length;
      i++
    ) {
      await sleep(20);
    }
    expect(await use().db.select().from(auditLog).where(eq(auditLog.subjectId, "OLD"))).toEqual([]);
    expect(await use().db.select().from(auditLog).where(eq(auditLog.subjectId, "NEW"))).toHaveLength(1);

    // The next slot's run finds a row that expired meanwhile.
    await use()
      .db.insert(auditLog)
      .values({ ...row, subjectId: "LATER", createdAt: old });
    await sleep(500);
    expect(await use().db.select().from(auditLog).where(eq(auditLog.subjectId, "LATER"))).toEqual([]);
    expect(await queue.pending()).toBeGreaterThanOrEqual(1);
  });
});
