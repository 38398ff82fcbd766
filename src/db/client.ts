import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle } from "drizzle-orm/pglite";
import { type Database, type Db, wrapDrizzle } from "./database";
import { createPostgresDatabase } from "./postgres";
import * as schema from "./schema";

export type { Database, Db, Schema } from "./database";

export interface DatabaseOptions {
  /** postgres:// URL; when absent an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; "memory://" keeps it in memory (tests, evals). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl)
    return createPostgresDatabase(options.databaseUrl, { maxConnections: options.maxConnections ?? 10 });
  return createPgliteDatabase(options.dataDir ?? "./.data");
}

async function createPgliteDatabase(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { vector } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return wrapDrizzle(db, "pglite", () => client.close());
}
