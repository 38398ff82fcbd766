import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pg from "pg";
import { createDatabase, type Database } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";

/*
 * What the benchmark servers (bench/load-server.ts, bench/sms-server.ts) and bench/turn.ts share: a
 * throw-away database to run on, and a fetch handler served on a free loopback port.
 */

export interface BenchDatabase {
  database: Database;
  /** Closes the database and, on PostgreSQL, drops it. */
  close(): Promise<void>;
}

/**
 * A migrated database for one benchmark run: embedded PGlite in memory without `serverUrl`, otherwise a
 * new database on that PostgreSQL server, dropped again by `close()`.
 */
export async function openBenchDatabase(serverUrl?: string): Promise<BenchDatabase> {
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

/** Serves `fetch` on 127.0.0.1 at a free port; resolves with the port once it listens. */
export function listenOnFreePort(fetch: (request: Request) => Response | Promise<Response>): Promise<number> {
  return new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" });
    server.once("listening", () => resolve((server.address() as AddressInfo).port));
  });
}
