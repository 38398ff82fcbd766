import { buildApp } from "./app";
import { loadConfig } from "./config";
import { createPostgresDatabase } from "./db/postgres";
import { createLogger } from "./logger";
import { redactPii } from "./services/guardrails/redact-pii";
import type { KnowledgeContext } from "./services/knowledge/context";
import { createEmbedder } from "./services/retrieval/create-embedder";

/**
 * Cloudflare Workers entry: HTTP only. Jobs (SLA timers, outbound SMS) are enqueued for the Node
 * workers, because BullMQ needs TCP and Lua. The database must be PostgreSQL (e.g. through Hyperdrive),
 * already migrated and loaded by the Node side (`npm run db:migrate`, `npm run kb -- sync`).
 */
type WorkerEnv = Record<string, unknown> & { HYPERDRIVE?: { connectionString: string } };
type App = ReturnType<typeof buildApp>;

let cached: Promise<App> | undefined;

async function createWorkerApp(env: WorkerEnv): Promise<App> {
  const vars = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const config = loadConfig({ ...vars, DATABASE_URL: env.HYPERDRIVE?.connectionString ?? vars.DATABASE_URL });
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL (or a HYPERDRIVE binding) is required on Workers");
  // Same rule as the Node service: personal data never reaches the log.
  const logger = createLogger({
    level: config.LOG_LEVEL,
    redact: (text) => redactPii(text).text,
    write: (line) => console.log(line),
  });
  const database = createPostgresDatabase(config.DATABASE_URL, { maxConnections: 4, maxUses: 1 });
  const knowledge: KnowledgeContext = {
    database,
    embedder: await createEmbedder({ config, database }),
    logger,
  };
  return buildApp({ config, database, logger, knowledge });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown) {
    // One app per isolate; a failed start is retried on the next request instead of being cached.
    cached ??= createWorkerApp(env).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return (await cached).fetch(request, env, ctx as never);
  },
};
