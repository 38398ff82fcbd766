import pg from "pg";
import { createDatabase } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";

export const TEMPLATE_DATABASE = "civicdesk_template";

/** Migrates one template database per run; each test file clones it (seconds saved per file). */
export default async function setup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const database = await createDatabase({ databaseUrl: url.toString(), maxConnections: 1 });
  try {
    await migrateDatabase(database, url.toString());
  } finally {
    await database.close();
  }
}
