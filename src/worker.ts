import { createOpenAiRoutingJudge } from "./adapters/routing-judge-openai";
import { buildApp, caseCreationLimits } from "./app";
import { loadConfig } from "./config";
import {
  configuredChatModel,
  configuredGuardrailJudge,
  configuredModelOptions,
  createEmbedder,
} from "./configured-adapters";
import { createPostgresDatabase } from "./db/postgres";
import { createServiceLogger } from "./service-logger";
import { caseStep } from "./services/cases/case-step";
import { classifierFor } from "./services/catalogue/judged-routing";
import { createRoutingEngine } from "./services/catalogue/routing-engine";
import { loadServiceRouter } from "./services/catalogue/service-router";
import type { KnowledgeContext } from "./services/knowledge/context";

/**
 * Cloudflare Workers entry: HTTP only. The database must be PostgreSQL (e.g. through Hyperdrive),
 * already migrated and loaded by the Node side (`npm start` or `npm run db:migrate` and
 * `npm run kb -- sync`), which also stores the fitted service router and the location rules. Cases
 * opened here get their SLA timers from the Node side's reconciliation sweep, because BullMQ needs TCP
 * and Lua.
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
  const logger = createServiceLogger(config, (line) => console.log(line));
  const database = createPostgresDatabase(config.DATABASE_URL, { maxConnections: 4, maxUses: 1 });
  const knowledge: KnowledgeContext = {
    database,
    embedder: await createEmbedder({ config, database }),
    logger,
  };
  const router = await loadServiceRouter({ database, engine: createRoutingEngine(), logger });
  const modelOptions = configuredModelOptions(config);
  const judge = modelOptions ? createOpenAiRoutingJudge(modelOptions) : undefined;
  const settings = {
    duplicateRadiusMetres: config.CASE_DUPLICATE_RADIUS_METRES,
    duplicateWindowHours: config.CASE_DUPLICATE_WINDOW_HOURS,
    creationLimits: caseCreationLimits(config),
  };
  const chatModel = configuredChatModel(config);
  const guardrailJudge = configuredGuardrailJudge(config);
  return buildApp({
    config,
    database,
    logger,
    knowledge,
    ...(chatModel ? { chatModel } : {}),
    ...(guardrailJudge ? { guardrailJudge } : {}),
    handleCaseTurn: caseStep({
      database,
      classify: classifierFor(router, judge, logger),
      // Not on Workers: a verdict started by one request may be taken by another with the same text,
      // and Workers do not let a request wait on I/O another request started.
      anticipate: false,
      logger,
      settings,
    }),
  });
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
