import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase, type Database } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import { TEMPLATE_DATABASE } from "./global-setup";

export type DatabaseKind = "pglite" | "postgres";

/** The database kinds this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends Database {
  url?: string;
}

/**
 * A fresh, migrated database: an in-memory PGlite instance, or on PostgreSQL a new database cloned
 * from the template that the global setup migrated once for this run.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await createDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    return database;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `civicdesk_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(serverUrl, name);
  const database = await createDatabase({ databaseUrl: url, maxConnections: 4 });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Runs a describe block once per database kind with its own fresh database.
 * `use()` returns the database inside tests and hooks.
 */
export function forEachDatabase(label: string, body: (use: () => TestDatabase, kind: DatabaseKind) => void) {
  for (const kind of testDatabaseKinds()) {
    describe(`${label} [${kind}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error("test database not ready");
        return database;
      }, kind);
    });
  }
}
