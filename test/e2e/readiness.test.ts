import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../service";

const redisUrl = process.env.TEST_REDIS_URL;

/** /readyz asks every dependency the service runs on: the database, and the queue when Redis is configured. */
describe.skipIf(!redisUrl)("readiness with a job queue on Redis", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ env: { REDIS_URL: redisUrl! } });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
  });

  it("reports the queue beside the database", async () => {
    const res = await fetch(`${service.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", queue: "ok" } });
  });
});
