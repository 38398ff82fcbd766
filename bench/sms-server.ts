import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { emptyTwiml } from "../channels/sms/presenter";
import { createInProcessJobQueue } from "../src/adapters/job-queue-in-process";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { listenOnFreePort, openBenchDatabase } from "./bench-server";

/*
 * The server side of `npm run bench -- sms`, in its own process so the load generator does not share
 * its event loop: the app as the Node entry builds it with the SMS channel on (the job queue never
 * started, so reply jobs are queued and not run), and a bare Hono route that parses the same form.
 */

const env = JSON.parse(process.env.SMS_BENCH_ENV ?? "{}") as Record<string, string>;
const serverUrl = process.env.SMS_BENCH_DATABASE_URL;

const { database, close } = await openBenchDatabase(serverUrl);
const logger = createLogger({ level: "silent", redact: (t) => t });
const queue = createInProcessJobQueue({ logger });
const queued = { deliveries: 0 };
const app = buildApp({
  config: loadConfig({ LOG_LEVEL: "silent", ...env }),
  database,
  logger,
  jobQueue: queue,
  enqueueDelivery: async () => {
    queued.deliveries += 1;
  },
});

const bare = new Hono();
bare.post("/bare", async (c) => {
  await c.req.parseBody();
  return c.body(emptyTwiml(), 200, { "content-type": "text/xml; charset=utf-8" });
});

const appPort = await listenOnFreePort(app.fetch);
const barePort = await listenOnFreePort(bare.fetch);
process.send?.({ ready: true, appPort, barePort, database: database.kind });

process.on("message", async (message: { kind: string }) => {
  if (message.kind === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  } else if (message.kind === "stats") {
    const [row] = await database.query<{ n: number }>(
      sql`select count(*)::int as n from messages where idempotency_key like 'twilio:%'`,
    );
    const stored = row?.n ?? 0;
    process.send?.({ stored, pendingJobs: await queue.pending() });
  } else if (message.kind === "stop") {
    await close();
    process.exit(0);
  }
});
