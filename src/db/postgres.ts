import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type Database, type Db, wrapDrizzle } from "./database";
import * as schema from "./schema";

/** PostgreSQL through node-postgres; also what the Workers entry uses (TCP sockets via nodejs_compat). */
export function createPostgresDatabase(url: string, maxConnections = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  return wrapDrizzle(db, "postgres", () => pool.end());
}
