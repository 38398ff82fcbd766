import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import pg from "pg";
import { emptyTwiml } from "../channels/sms/presenter";
import { createInProcessJobQueue } from "../src/adapters/job-queue-in-process";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { createDatabase, type Database } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import { createLogger } from "../src/logger";

/*
 * The server side of `npm run bench -- sms`, in its own process so the load generator does not share
 * its event loop: the app as the Node entry builds it with the SMS channel on (the job queue never
 * started, so reply jobs are queued and not run), and a bare Hono route that parses the same form.
 */

const env = JSON.parse(process.env.SMS_BENCH_ENV ?? "{}") as Record<string, string>;
const serverUrl = process.env.SMS_BENCH_DATABASE_URL;

async function openDatabase(): Promise<{ database: Database; close: () => Promise<void> }> {
  if (!serverUrl) {
    const database = await createDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    return { database, close: () => database.close() };
  }
  const name = `civicdesk_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), maxConnections: 10 });
  await migrateDatabase(database, url.toString());
  return {
    database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const { database, close } = await openDatabase();
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

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" });
    server.once("listening", () => resolve((server.address() as AddressInfo).port));
  });
const appPort = await listen(app.fetch);
const barePort = await listen(bare.fetch);
process.send?.({ ready: true, appPort, barePort, database: database.kind });

process.on("message", async (message: { kind: string }) => {
  if (message.kind === "stats") {
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
