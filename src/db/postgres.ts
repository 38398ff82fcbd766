import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type Database, type Db, wrapDrizzle } from "./database";
import * as schema from "./schema";

export interface PostgresPoolOptions {
  maxConnections?: number;
  /**
   * Close a connection after this many checkouts. The Workers entry sets 1: a socket opened while
   * serving one request cannot be used by the next, so no connection may outlive its checkout.
   */
  maxUses?: number;
  /** How long to wait for a new connection before the query fails. */
  connectTimeoutMs?: number;
}

/** PostgreSQL through node-postgres; also what the Workers entry uses (TCP sockets via nodejs_compat). */
export function createPostgresDatabase(url: string, options: PostgresPoolOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // A server that stops answering (not refusing) must fail requests with a 503, not hold them forever.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    ...(options.maxUses ? { maxUses: options.maxUses } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  return wrapDrizzle(db, "postgres", () => pool.end());
}
