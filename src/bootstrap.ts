import { setMaxListeners } from "node:events";
import { SMS_STATUS_PATH } from "../channels/sms/routes";
import { createBullmqJobQueue } from "./adapters/job-queue-bullmq";
import { createInProcessJobQueue } from "./adapters/job-queue-in-process";
import { createNotifierDispatcher } from "./adapters/notifier-dispatcher";
import { createSmsNotifier } from "./adapters/notifier-sms";
import { createWebNotifier } from "./adapters/notifier-web";
import { createOpenAiRoutingJudge } from "./adapters/routing-judge-openai";
import { createTwilioSmsSender } from "./adapters/sms-sender-twilio";
import { createTeamsStaffNotifier } from "./adapters/staff-notifier-teams";
import { createAgentsSdkTeamsChannel } from "./adapters/teams-agents-sdk";
import { type AppDeps, buildApp, caseCreationLimits, retentionPolicy, summaryDeps } from "./app";
import { type Config, teamsSettings, twilioSettings } from "./config";
import {
  configuredChatModel,
  configuredGuardrailJudge,
  configuredModelOptions,
  createEmbedder,
} from "./configured-adapters";
import { createDatabase, type Database } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { parseStaffTokens } from "./http/staff-auth";
import type { MessageKey } from "./i18n/messages/en";
import { t } from "./i18n/translate";
import { createDeliveryEnqueuer, registerDeliveryHandlers } from "./jobs/register-delivery-handlers";
import { createSmsTurnEnqueuer } from "./jobs/register-sms-handlers";
import { startHandoffPickupChecks } from "./jobs/start-handoff-pickup-checks";
import { startPrivacyPurge } from "./jobs/start-privacy-purge";
import { startSlaTimers } from "./jobs/start-sla-timers";
import { startSmsSweep } from "./jobs/start-sms-sweep";
import { startTeamsSync, type TeamsSync } from "./jobs/start-teams-sync";
import { createVoiceTurnEnqueuer } from "./jobs/voice-jobs";
import type { Logger } from "./logger";
import type { ChatModel } from "./ports/chat-model";
import type { JobQueue } from "./ports/job-queue";
import type { RoutingJudge } from "./ports/routing-judge";
import { createServiceLogger } from "./service-logger";
import { prepareCaseIntake } from "./services/cases/prepare-case-intake";
import { registerStaffUsers } from "./services/cases/register-staff-users";
import { createRoutingEngine } from "./services/catalogue/routing-engine";
import { createSummaryCache } from "./services/handoff/summarize-conversation";
import type { KnowledgeContext } from "./services/knowledge/context";
import { syncKnowledgeDir } from "./services/knowledge/sync-knowledge-dir";

export interface ServiceOverrides {
  /** An already migrated database (tests); otherwise one is made from config. */
  database?: Database;
  logger?: Logger;
  chatModel?: ChatModel;
  /** Replaces the judge made from config (tests); the fitted router alone when neither is set. */
  routingJudge?: RoutingJudge;
  /** The clock the voice line reads for business hours (tests move it). */
  clock?: () => Date;
  /**
   * The job queue instead of the one config names (tests: a queue that loses jobs stands for a Redis
   * that came back empty). The service starts and stops it like its own.
   */
  jobQueue?: JobQueue;
  /** Per-IP and per-contact message limits (benchmarks lift them); the defaults otherwise. */
  rateLimits?: AppDeps["rateLimits"];
}

export interface Service {
  app: ReturnType<typeof buildApp>;
  config: Config;
  database: Database;
  logger: Logger;
  queue: JobQueue;
  knowledge: KnowledgeContext;
  /** Carries escalations to Teams when the bot is configured (tests run a pass at will). */
  teamsSync?: TeamsSync;
  /** Ends the long-lived streams (the staff console's live queue) so that draining requests is quick. */
  beginShutdown(): void;
  close(): Promise<void>;
}

/**
 * Everything the Node entry (and the end-to-end tests) run: database and migrations, the knowledge
 * base (loaded from `knowledge/` on start unless KB_AUTOLOAD=false), the service catalogue and
 * router, the job queue with SLA timers, and the HTTP app.
 */
export async function startService(config: Config, overrides: ServiceOverrides = {}): Promise<Service> {
  const logger = overrides.logger ?? createServiceLogger(config);
  const ownDatabase = !overrides.database;
  const database =
    overrides.database ??
    (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const closers: (() => Promise<void>)[] = [];
  try {
    if (ownDatabase) {
      closers.push(() => database.close());
      await migrateDatabase(database, config.DATABASE_URL);
    }

    const embedder = await createEmbedder({ config, database });
    const knowledge: KnowledgeContext = { database, embedder, logger };
    if (config.KB_AUTOLOAD) {
      const synced = await syncKnowledgeDir({ ctx: knowledge, dir: config.KNOWLEDGE_DIR });
      logger.info("knowledge base synced", { dir: config.KNOWLEDGE_DIR, ...synced.summary });
      for (const problem of synced.problems) logger.warn("knowledge file skipped", { ...problem });
    }

    await registerStaffUsers(database, parseStaffTokens(config.STAFF_TOKENS));
    const queue =
      overrides.jobQueue ??
      (config.REDIS_URL
        ? createBullmqJobQueue({ redisUrl: config.REDIS_URL, logger })
        : createInProcessJobQueue({ logger }));
    closers.unshift(() => queue.stop());
    const modelOptions = configuredModelOptions(config);
    const routingJudge =
      overrides.routingJudge ?? (modelOptions ? createOpenAiRoutingJudge(modelOptions) : undefined);
    const handleCaseTurn = await prepareCaseIntake({
      database,
      knowledgeDir: config.KNOWLEDGE_DIR,
      engine: createRoutingEngine(),
      logger,
      jobQueue: queue,
      routingJudge,
      settings: {
        duplicateRadiusMetres: config.CASE_DUPLICATE_RADIUS_METRES,
        duplicateWindowHours: config.CASE_DUPLICATE_WINDOW_HOURS,
        creationLimits: caseCreationLimits(config),
      },
    });
    // Staff alerts reach Teams when the bot is configured; every firing is logged either way.
    const teamsConfig = teamsSettings(config);
    const teams = teamsConfig ? createAgentsSdkTeamsChannel(teamsConfig, logger) : undefined;
    const sla = await startSlaTimers({
      database,
      queue,
      logger,
      sweepIntervalMs: config.SLA_SWEEP_SECONDS * 1000,
      ...(teams ? { notifier: createTeamsStaffNotifier({ database, teams, logger }) } : {}),
    });
    closers.unshift(() => sla.stop());
    await startPrivacyPurge({
      database,
      queue,
      logger,
      retention: retentionPolicy(config),
      intervalMs: config.PRIVACY_PURGE_MINUTES * 60_000,
    });

    // SMS (and the voice line's texts) go out through the delivery jobs when Twilio is configured.
    const twilio = twilioSettings(config);
    const enqueueDelivery = twilio ? createDeliveryEnqueuer(queue) : undefined;
    if (twilio) {
      const sender = createTwilioSmsSender({
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        fromNumber: twilio.fromNumber,
        messagingServiceSid: twilio.messagingServiceSid,
        apiBaseUrl: twilio.apiBaseUrl,
      });
      registerDeliveryHandlers(queue, {
        database,
        senders: { sms: sender },
        statusCallbackUrls: { sms: `${twilio.publicBaseUrl.replace(/\/+$/, "")}${SMS_STATUS_PATH}` },
        logger,
        staleClaimMs: config.DELIVERY_STALE_CLAIM_SECONDS * 1000,
      });
    }
    // A request for a person nobody picks up in time is answered honestly (the check survives restarts).
    const pickupChecks = await startHandoffPickupChecks({
      database,
      queue,
      logger,
      translate: (lang, key, params) => t(lang, key as MessageKey, params),
      pickupTimeoutMinutes: config.HANDOFF_PICKUP_TIMEOUT_MINUTES,
      enqueueDelivery,
    });
    closers.unshift(async () => pickupChecks.stop());
    const notifier = createNotifierDispatcher(
      {
        web: createWebNotifier(database, logger),
        ...(enqueueDelivery ? { sms: createSmsNotifier({ database, enqueueDelivery, logger }) } : {}),
      },
      logger,
    );

    // One cache of generated summaries for the console and the Teams cards of this process.
    const models = chatModelOf(config, overrides);
    const summaryCache = createSummaryCache();
    const summaries = summaryDeps({ chatModel: models.chatModel, config, logger, summaryCache });
    const teamsSync =
      teams && teamsConfig
        ? startTeamsSync({
            intervalMs: teamsConfig.syncIntervalMs,
            logger,
            ctx: () => ({
              database,
              teams,
              logger,
              consoleBaseUrl: config.PUBLIC_BASE_URL,
              enqueueDelivery,
              knowledge,
              summaries,
            }),
          })
        : undefined;
    if (teamsSync) closers.unshift(() => teamsSync.stop());

    // Aborted at the start of shutdown: the staff console's live queue streams end instead of holding the drain.
    const streamsClosing = new AbortController();
    // One listener per open console: more than Node's default of 10 is expected.
    setMaxListeners(0, streamsClosing.signal);
    const app = buildApp({
      shutdownSignal: streamsClosing.signal,
      config,
      database,
      logger,
      notifier,
      ...(enqueueDelivery ? { enqueueDelivery } : {}),
      jobQueue: queue,
      knowledge,
      handleCaseTurn,
      ...models,
      summaryCache,
      ...(overrides.clock ? { clock: overrides.clock } : {}),
      ...(teams ? { teams } : {}),
      ...(overrides.rateLimits ? { rateLimits: overrides.rateLimits } : {}),
      // With Redis, /readyz also asks the queue, and gives up quickly instead of waiting on a dead connection.
      ...(config.REDIS_URL ? { readinessChecks: { queue: () => withinMs(queue.pending(), 2000) } } : {}),
    });
    // Inbound texts and replies stored while their jobs could not be queued are queued again here.
    if (enqueueDelivery && config.SMS_SWEEP_SECONDS > 0) {
      const smsSweep = startSmsSweep({
        database,
        logger,
        enqueueTurn: createSmsTurnEnqueuer(queue),
        enqueueDelivery,
        // Spoken turns whose job was lost: answered after the call, what the reply owes sent by text.
        enqueueVoiceTurn: createVoiceTurnEnqueuer(queue, { afterCall: true }),
        voiceMinAgeMs: 30_000,
        intervalMs: config.SMS_SWEEP_SECONDS * 1000,
        // Work younger than one sweep period may still be on its way through the queue.
        minAgeMs: Math.min(20_000, config.SMS_SWEEP_SECONDS * 1000),
        staleClaimMs: config.DELIVERY_STALE_CLAIM_SECONDS * 1000,
      });
      closers.unshift(() => smsSweep.stop());
    }
    return {
      app,
      config,
      database,
      logger,
      queue,
      knowledge,
      ...(teamsSync ? { teamsSync } : {}),
      beginShutdown() {
        streamsClosing.abort();
      },
      async close() {
        streamsClosing.abort();
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}

/** The chat model and guardrail judge from config; a test's own model replaces the configured one. */
function chatModelOf(config: Config, overrides: ServiceOverrides) {
  const chatModel = overrides.chatModel ?? configuredChatModel(config);
  const guardrailJudge = configuredGuardrailJudge(config);
  return { ...(chatModel ? { chatModel } : {}), ...(guardrailJudge ? { guardrailJudge } : {}) };
}

/** Resolves when `work` does within `ms`, rejects otherwise. */
async function withinMs(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
