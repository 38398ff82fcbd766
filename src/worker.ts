import { buildApp } from "./app";
import { loadConfig } from "./config";
import { createPostgresDatabase } from "./db/postgres";
import { createLogger } from "./logger";

/**
 * Cloudflare Workers entry: HTTP only. Jobs (SLA timers, outbound SMS) are enqueued for the Node
 * workers, because BullMQ needs TCP and Lua. The database must be PostgreSQL (e.g. through Hyperdrive).
 */
type WorkerEnv = Record<string, unknown> & { HYPERDRIVE?: { connectionString: string } };

let cached: { app: ReturnType<typeof buildApp> } | undefined;

function appFor(env: WorkerEnv) {
  if (cached) return cached.app;
  const vars = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const config = loadConfig({ ...vars, DATABASE_URL: env.HYPERDRIVE?.connectionString ?? vars.DATABASE_URL });
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL (or a HYPERDRIVE binding) is required on Workers");
  const logger = createLogger({
    level: config.LOG_LEVEL,
    redact: (t) => t,
    write: (line) => console.log(line),
  });
  const database = createPostgresDatabase(config.DATABASE_URL, 1);
  cached = { app: buildApp({ config, database, logger }) };
  return cached.app;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown) {
    return appFor(env).fetch(request, env, ctx as never);
  },
};
