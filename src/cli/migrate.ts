import { loadConfig } from "../config";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { runCli } from "./run-cli";

await runCli(async () => {
  const config = loadConfig(process.env);
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateDatabase(database, config.DATABASE_URL);
  } finally {
    await database.close();
  }
  process.stderr.write(`migrations applied (${database.kind})\n`);
  return undefined;
});
