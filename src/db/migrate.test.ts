import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { withDatabaseName } from "../../test/db";
import { createDatabase, type Database } from "./client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

async function appliedMigrations(database: Database): Promise<number> {
  const rows = await database.query<{ n: number | string }>(
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return Number(rows[0]!.n);
}

async function hasVectorColumn(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number | string }>(sql`
    select count(*) as n from information_schema.columns
    where table_name = 'kb_chunks' and column_name = 'embedding'`);
  return Number(rows[0]!.n) === 1;
}

describe("migrateDatabase", () => {
  it("builds an empty embedded database and changes nothing when run again", async () => {
    const database = await createDatabase({ dataDir: "memory://" });
    try {
      await migrateDatabase(database);
      await migrateDatabase(database);
      expect(await appliedMigrations(database)).toBe(journal.entries.length);
      expect(await hasVectorColumn(database)).toBe(true);
    } finally {
      await database.close();
    }
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!serverUrl)(
    "applies each migration once when two processes start together on an empty PostgreSQL database",
    async () => {
      const name = `civicdesk_m_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = withDatabaseName(serverUrl!, name);
      const first = await createDatabase({ databaseUrl: url, maxConnections: 2 });
      const second = await createDatabase({ databaseUrl: url, maxConnections: 2 });
      try {
        await Promise.all([migrateDatabase(first, url), migrateDatabase(second, url)]);
        expect(await appliedMigrations(first)).toBe(journal.entries.length);
        expect(await hasVectorColumn(second)).toBe(true);
      } finally {
        await first.close();
        await second.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
