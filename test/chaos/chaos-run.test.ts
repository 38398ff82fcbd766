import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/*
 * `npm run chaos -- --short` as a test: the service killed and restarted, its Redis restarted empty and
 * its database cut off under load, then every acknowledged item checked. Needs a PostgreSQL server
 * (TEST_DATABASE_URL) and redis-server on the PATH; about two minutes.
 */
const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

describe.skipIf(!process.env.TEST_DATABASE_URL || !hasRedisServer)("the short chaos run", () => {
  it("stores every acknowledged message, case and escalation once and fires every due timer once", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/chaos.ts", "--short"], {
      env: { ...process.env, CHAOS_DATABASE_URL: process.env.TEST_DATABASE_URL },
      encoding: "utf8",
      timeout: 280_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output, output).toMatch(/^OK: every acknowledged item stored once/m);
    expect(run.status, output).toBe(0);
    // The counts table was printed with nothing missing and nothing doubled.
    expect(output).toMatch(/web chat messages\s+(\d+)\s+\1\s+0\s+0/);
    expect(output).toMatch(/SMS messages\s+(\d+)\s+\1\s+0\s+0/);
    expect(output).toMatch(/Open311 cases\s+(\d+)\s+\1\s+0\s+0/);
  }, 300_000);
});
