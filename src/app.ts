import { type Context, Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createSmsRenderer } from "../channels/sms/presenter";
import { smsRoutes } from "../channels/sms/routes";
import { createTeamsBot } from "../channels/teams/bot";
import { teamsRoutes } from "../channels/teams/routes";
import { voiceRoutes } from "../channels/voice/routes";
import { widgetCors } from "../channels/web/cors";
import { webChatRoutes } from "../channels/web/routes";
import { createOfflineChatModel } from "./adapters/chat-model-offline";
import { createWebNotifier } from "./adapters/notifier-web";
import { createOidcStaffSso } from "./adapters/staff-sso-oidc";
import { type Config, oidcSettings, twilioSettings } from "./config";
import type { Database } from "./db/client";
import { DomainError } from "./domain/errors";
import { limitBody, rejectMalformedUrl } from "./http/body";
import { clientIpMiddleware } from "./http/client-ip";
import type { AppEnv } from "./http/context";
import { unavailableProblemFor } from "./http/database-unavailable";
import { allowedMethods, canonicalOrigin, contentSecurityPolicy, limitAuthFailures } from "./http/guards";
import { describeError, problemFor, problemResponse, respondToError } from "./http/problem";
import { casesRoutes } from "./http/routes/cases";
import { conversationRoutes } from "./http/routes/conversations";
import { healthRoutes } from "./http/routes/health";
import { open311FormatOf, open311Routes, respondWithOpen311Error } from "./http/routes/open311";
import { privacyPageRoutes } from "./http/routes/privacy-page";
import { searchRoutes } from "./http/routes/search";
import { staffAccountRoutes } from "./http/routes/staff-account";
import { staffCasesRoutes } from "./http/routes/staff-cases";
import { staffConsoleRoutes } from "./http/routes/staff-console";
import { staffConversationsRoutes } from "./http/routes/staff-conversations";
import { staffPrivacyRoutes } from "./http/routes/staff-privacy";
import { staffSignInRoutes } from "./http/routes/staff-sign-in";
import { staffSsoRoutes } from "./http/routes/staff-sso";
import { parseStaffTokens, provideStaffAuthenticator } from "./http/staff-auth";
import type { MessageKey } from "./i18n/messages/en";
import { t, widgetStrings } from "./i18n/translate";
import { createSmsTurnEnqueuer, registerSmsHandlers } from "./jobs/register-sms-handlers";
import { createVoiceTurnEnqueuer, voiceTurnJob } from "./jobs/voice-jobs";
import type { Logger } from "./logger";
import type { ChatModel } from "./ports/chat-model";
import type { JobQueue } from "./ports/job-queue";
import type { Notifier } from "./ports/notifier";
import type { TeamsChannel } from "./ports/teams-channel";
import type { HandleCaseTurn, SearchKnowledge } from "./services/assistant/assistant-deps";
import { createAssistantDeps, type RateLimits } from "./services/assistant/create-assistant-deps";
import type { CaseCreationLimits } from "./services/cases/context";
import { enforceRateLimit, type RateLimiter } from "./services/conversations/rate-limiter";
import type { EnqueueDelivery } from "./services/deliveries/context";
import { recordDeliveryStatus } from "./services/deliveries/record-delivery-status";
import type { GuardrailJudge } from "./services/guardrails/assess-input";
import type { HandoffSettings } from "./services/handoff/context";
import { parseSensitiveTopics } from "./services/handoff/sensitive-topics";
import {
  createSummaryCache,
  type SummaryCache,
  type SummaryDeps,
} from "./services/handoff/summarize-conversation";
import type { KnowledgeContext } from "./services/knowledge/context";
import type { RetentionPolicy } from "./services/privacy/context";
import { createPassageSearch } from "./services/retrieval/search-passages";
import { answerSmsMessage } from "./services/sms/answer-sms-message";
import type { SmsContext } from "./services/sms/context";
import { receiveSmsMessage } from "./services/sms/receive-sms-message";
import { authenticateStaffApiToken } from "./services/staff/authenticate-staff-api-token";
import { authenticateStaffSession } from "./services/staff/authenticate-staff-session";
import type { StaffAuthContext } from "./services/staff/context";
import { signInStaff } from "./services/staff/sign-in-staff";
import { signInWithSso } from "./services/staff/sign-in-with-sso";
import { signOutStaff } from "./services/staff/sign-out-staff";
import { answerVoiceTurn } from "./services/voice/answer-voice-turn";
import type { VoiceContext } from "./services/voice/context";
import { recordCallStatus } from "./services/voice/record-call-status";

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** Extra readiness probes (the job queue when one is configured). */
  readinessChecks?: Record<string, () => Promise<void>>;
  /** Tells citizens about their cases; defaults to posting into the web conversation. */
  notifier?: Notifier;
  /** Where case changes queue their SLA timers; without it only the periodic sweep does. */
  jobQueue?: JobQueue;
  /** The assistant's model (the entry builds it from config); the offline answerer when absent. */
  chatModel?: ChatModel;
  /** The chat model's second opinion on the guardrails (built by the entry from config). */
  guardrailJudge?: GuardrailJudge;
  /** The case step of the assistant's turn (service requests, case status); skipped when absent. */
  handleCaseTurn?: HandleCaseTurn;
  /** The knowledge base (database and embedder) behind GET /v1/search; the route is absent without it. */
  knowledge?: KnowledgeContext;
  /** Knowledge search for the assistant; by default over `knowledge`, else no passages at all. */
  searchKnowledge?: SearchKnowledge;
  /** Request counters; in memory on PGlite, in PostgreSQL otherwise. */
  rateLimiter?: RateLimiter;
  rateLimits?: Partial<RateLimits>;
  /** Queues outbound SMS (the voice line texts links and references through it). */
  enqueueDelivery?: EnqueueDelivery;
  /** The clock the voice line reads (business hours); tests move it. */
  clock?: () => Date;
  /** Microsoft Teams for staff; without it POST /channels/teams/messages is a 404. */
  teams?: TeamsChannel;
  /** Aborted when the process begins to shut down: long-lived streams (the staff queue) end, so draining is quick. */
  shutdownSignal?: AbortSignal;
  /** Generated conversation summaries, shared with the Teams sync; the app makes its own when absent. */
  summaryCache?: SummaryCache;
}

/** Conversation summaries for staff, written by the chat model when the configured one can write them. */
export function summaryDeps(
  deps: Pick<AppDeps, "chatModel" | "config" | "logger" | "summaryCache">,
): SummaryDeps | undefined {
  if (!deps.chatModel?.summarizeTranscript) return undefined;
  return {
    chatModel: deps.chatModel,
    cache: deps.summaryCache ?? createSummaryCache(),
    timeoutMs: deps.config.STAFF_SUMMARY_TIMEOUT_MS,
    logger: deps.logger,
  };
}

/** How requests for a person are queued, from config; the pick-up check needs the job queue. */
export function handoffSettings(config: Config, jobQueue?: JobQueue): HandoffSettings {
  return {
    pickupTimeoutMinutes: config.HANDOFF_PICKUP_TIMEOUT_MINUTES,
    businessHours: config.HANDOFF_BUSINESS_HOURS,
    sensitiveTopics: parseSensitiveTopics(config.HANDOFF_SENSITIVE_TOPICS),
    ...(jobQueue ? { jobQueue } : {}),
  };
}

/** The cap on any request body; a 4000-character report with its attributes fits many times over. */
const MAX_BODY_BYTES = 64 * 1024;
/** Where a client presents credentials (staff tokens, Open311 keys, conversation tokens). */
const CREDENTIAL_PATHS = /^\/(v1\/staff|v1\/cases|v1\/conversations\/|open311\/|staff\/sign-)/;

/** The one Hono app; Node and Workers entries only wire adapters and call this. */
export function buildApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { config } = deps;
  const summaries = summaryDeps(deps);
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(secureHeaders({ crossOriginResourcePolicy: false }));
  app.use(contentSecurityPolicy());
  app.use(clientIpMiddleware(config.TRUSTED_PROXIES));
  app.use(canonicalOrigin({ publicBaseUrl: config.PUBLIC_BASE_URL, port: config.PORT }));
  app.use(rejectMalformedUrl());
  // Every body is capped while it streams; routes with smaller bodies cap them lower.
  app.use(limitBody(MAX_BODY_BYTES));
  app.use(widgetCors(deps.config.WIDGET_ORIGINS));
  const staffAuthContext = (requestId?: string): StaffAuthContext => ({
    database: deps.database,
    settings: {
      sessionHours: config.STAFF_SESSION_HOURS,
      maxFailedSignIns: config.STAFF_MAX_FAILED_SIGN_INS,
      lockoutMinutes: config.STAFF_LOCKOUT_MINUTES,
    },
    ...(requestId ? { requestId } : {}),
    ...(deps.clock ? { now: deps.clock() } : {}),
  });
  // Every staffAuth in the app then takes session cookies and API tokens as well as STAFF_TOKENS.
  app.use(
    provideStaffAuthenticator({
      fromApiToken: (token) => authenticateStaffApiToken({ ctx: staffAuthContext(), token }),
      fromSession: (sessionToken) => authenticateStaffSession({ ctx: staffAuthContext(), sessionToken }),
    }),
  );

  app.route(
    "/",
    healthRoutes({
      readinessChecks: {
        database: () => deps.database.ping(),
        ...deps.readinessChecks,
      },
    }),
  );

  const { assistant: baseAssistant, rateLimits } = createAssistantDeps({
    ...deps,
    offlineModel: createOfflineChatModel(),
    searchKnowledge:
      deps.searchKnowledge ?? (deps.knowledge ? createPassageSearch(deps.knowledge) : async () => []),
    translate: (lang, key, params) => t(lang, key as MessageKey, params),
  });
  const assistant = { ...baseAssistant, handoff: handoffSettings(config, deps.jobQueue) };
  const limiter = assistant.rateLimiter;
  app.use(
    limitAuthFailures(limiter, { limit: config.AUTH_FAILURE_LIMIT_PER_IP, windowSeconds: 15 * 60 }, (path) =>
      CREDENTIAL_PATHS.test(path),
    ),
  );
  const limitLookups = async (c: Context<AppEnv>) => {
    if (config.CASE_LOOKUP_LIMIT_PER_IP <= 0) return;
    await enforceRateLimit(
      limiter,
      `lookups:${c.var.clientIp}`,
      { limit: config.CASE_LOOKUP_LIMIT_PER_IP, windowSeconds: 60 },
      new Date(),
      "Too many case lookups from this address; please wait a moment.",
    );
  };
  const caseLimitPerIp = { limit: config.CASE_LIMIT_PER_IP, windowSeconds: 3600 };
  app.route(
    "/",
    conversationRoutes({
      assistant,
      ipRateLimits: {
        conversations: rateLimits.ipConversations,
        messages: rateLimits.ipMessages,
        cases: caseLimitPerIp,
      },
      resolveClientIp: (c) => c.var.clientIp,
    }),
  );

  const languages = deps.config.SUPPORTED_LANGUAGES;
  if (deps.knowledge) app.route("/", searchRoutes({ knowledge: deps.knowledge, languages }));
  app.route(
    "/",
    webChatRoutes({
      cityName: deps.config.CITY_NAME,
      languages: languages.map((code) => ({ code, name: languageName(code) })),
      stringsFor: widgetStrings,
    }),
  );

  const notifier = deps.notifier ?? createWebNotifier(deps.database, deps.logger);
  app.route("/", casesRoutes({ database: deps.database, limitLookups }));
  app.route(
    "/",
    open311Routes({
      config: deps.config,
      database: deps.database,
      notifier,
      logger: deps.logger,
      limitLookups,
      limitSubmissions: async (c) => {
        if (caseLimitPerIp.limit <= 0) return;
        await enforceRateLimit(
          limiter,
          `cases:${c.var.clientIp}`,
          caseLimitPerIp,
          new Date(),
          "Too many reports from this address; please wait before sending more.",
        );
      },
      ...(deps.jobQueue ? { jobQueue: deps.jobQueue } : {}),
    }),
  );
  app.route(
    "/",
    staffCasesRoutes({
      database: deps.database,
      notifier,
      logger: deps.logger,
      staffTokens: parseStaffTokens(deps.config.STAFF_TOKENS),
      ...(deps.jobQueue ? { jobQueue: deps.jobQueue } : {}),
      settings: {
        duplicateRadiusMetres: deps.config.CASE_DUPLICATE_RADIUS_METRES,
        duplicateWindowHours: deps.config.CASE_DUPLICATE_WINDOW_HOURS,
        creationLimits: caseCreationLimits(config),
      },
    }),
  );

  app.route(
    "/",
    staffPrivacyRoutes({
      database: deps.database,
      staffTokens: parseStaffTokens(deps.config.STAFF_TOKENS),
      summaryCache: summaries?.cache,
    }),
  );
  app.route(
    "/",
    staffConversationsRoutes({
      database: deps.database,
      staffTokens: parseStaffTokens(deps.config.STAFF_TOKENS),
      enqueueDelivery: deps.enqueueDelivery,
      knowledge: deps.knowledge,
      shutdownSignal: deps.shutdownSignal,
      summaries,
    }),
  );
  app.route(
    "/",
    staffConsoleRoutes({
      database: deps.database,
      staffTokens: parseStaffTokens(deps.config.STAFF_TOKENS),
      cityName: config.CITY_NAME,
      summaries,
    }),
  );
  app.route(
    "/",
    staffAccountRoutes({ database: deps.database, staffTokens: parseStaffTokens(deps.config.STAFF_TOKENS) }),
  );
  const oidc = oidcSettings(config);
  app.route(
    "/",
    staffSsoRoutes({
      sso: oidc ? createOidcStaffSso(oidc) : undefined,
      signIn: (identity, requestId) =>
        signInWithSso({ ctx: staffAuthContext(requestId), identity, roleGroups: oidc?.roleGroups ?? {} }),
    }),
  );
  app.route(
    "/",
    staffSignInRoutes({
      cityName: config.CITY_NAME,
      ssoEnabled: Boolean(oidc),
      signIn: (input, requestId) => signInStaff({ ctx: staffAuthContext(requestId), input }),
      signOut: (sessionToken, everywhere, requestId) =>
        signOutStaff({ ctx: staffAuthContext(requestId), sessionToken, everywhere }),
      sessionCsrf: async (sessionToken) =>
        (await authenticateStaffSession({ ctx: staffAuthContext(), sessionToken }))?.csrfToken,
    }),
  );
  app.route(
    "/",
    privacyPageRoutes({
      cityName: config.CITY_NAME,
      languages,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      retention: retentionPolicy(config),
    }),
  );

  const twilio = twilioSettings(config);
  const voiceContext = (): VoiceContext => ({
    assistant,
    logger: deps.logger,
    enqueueDelivery: deps.enqueueDelivery,
    jobQueue: deps.jobQueue,
    cityName: config.CITY_NAME,
    ...(deps.clock ? { now: deps.clock() } : {}),
  });
  const queue = twilio ? deps.jobQueue : undefined;
  // The turn runs in a job where there is a queue, so a slow model never holds Twilio's webhook.
  queue?.registerHandler(voiceTurnJob, (payload) => answerVoiceTurn({ ctx: voiceContext(), ...payload }));
  const enqueueVoiceTurn = queue ? createVoiceTurnEnqueuer(queue) : undefined;
  // Turns this process answers itself (no queue, or Redis out of reach), so that the poll asking for
  // one again does not start a second run beside the first.
  const answeringHere = new Set<string>();
  app.route(
    "/",
    voiceRoutes({
      authToken: twilio?.authToken,
      publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`,
      voice: voiceContext,
      languages,
      defaultLang: config.DEFAULT_LANGUAGE,
      cityName: config.CITY_NAME,
      emergencyNumber: config.EMERGENCY_NUMBER,
      transferNumber: config.VOICE_TRANSFER_NUMBER,
      voices: config.VOICE_VOICES,
      answerTurn: async (request) => {
        const key = `voice:${request.callSid}:${request.turn}`;
        if (answeringHere.has(key)) return;
        if (enqueueVoiceTurn) {
          try {
            await enqueueVoiceTurn(request);
            return;
          } catch (error) {
            // Redis out of reach: the caller is on the line now, so this process answers the turn itself.
            deps.logger.warn("voice turn not queued; answering it in this process", {
              error: error instanceof Error ? error.message : String(error),
            });
          }
        }
        answeringHere.add(key);
        void answerVoiceTurn({ ctx: voiceContext(), ...request })
          .catch((error: unknown) =>
            deps.logger.error("voice turn failed", {
              error: error instanceof Error ? error.message : String(error),
            }),
          )
          .finally(() => answeringHere.delete(key));
      },
      recordCallStatus: (input) => recordCallStatus({ ctx: voiceContext(), input }),
    }),
  );

  if (twilio && deps.enqueueDelivery) {
    const enqueueDelivery = deps.enqueueDelivery;
    const smsQueue = deps.jobQueue;
    const smsContext = (): SmsContext => ({
      assistant,
      enqueueDelivery,
      enqueueTurn: smsQueue
        ? createSmsTurnEnqueuer(smsQueue)
        : async (messageId) => {
            void answerSmsMessage({ ctx: smsContext(), messageId }).catch((error: unknown) =>
              deps.logger.error("sms turn failed", {
                error: error instanceof Error ? error.message : String(error),
              }),
            );
          },
      render: createSmsRenderer({ segmentBudget: config.SMS_SEGMENT_BUDGET }),
      idleWindowHours: config.CONVERSATION_IDLE_HOURS,
      optOutReplies: config.TWILIO_OPT_OUT_REPLIES,
      ...(deps.clock ? { now: deps.clock() } : {}),
    });
    if (smsQueue) registerSmsHandlers(smsQueue, smsContext);
    const deliveryContext = { database: deps.database, senders: {}, logger: deps.logger };
    app.route(
      "/",
      smsRoutes({
        authToken: twilio.authToken,
        publicBaseUrl: twilio.publicBaseUrl,
        receive: (input) => receiveSmsMessage({ ctx: smsContext(), input }),
        recordStatus: async (input) => {
          const result = await recordDeliveryStatus({ ctx: deliveryContext, input });
          if (result.outcome === "retry") await enqueueDelivery(result.kind, result.target, result.sends);
          return result;
        },
      }),
    );
  }

  if (deps.teams) {
    const teams = deps.teams;
    app.route(
      "/",
      teamsRoutes({
        teams,
        onTurn: createTeamsBot(() => ({
          database: deps.database,
          teams,
          logger: deps.logger,
          consoleBaseUrl: config.PUBLIC_BASE_URL,
          enqueueDelivery: deps.enqueueDelivery,
          knowledge: deps.knowledge,
          summaries,
        })),
      }),
    );
  }

  const methodsFor = allowedMethods(app);
  app.notFound((c) => {
    const allow = methodsFor(c.req.path);
    if (allow.length > 0) {
      const problem = {
        ...problemFor(
          "invalid_input",
          `${c.req.method} is not allowed here; use ${allow.join(", ")}.`,
          c.var.requestId,
        ),
        type: "https://civicdesk.dev/problems/method-not-allowed",
        title: "Method not allowed",
        status: 405,
      };
      return problemResponse(c, problem, { allow: allow.join(", ") });
    }
    return respondToError(c, new DomainError("not_found", "No such resource."), deps.logger);
  });
  app.onError((thrown, c) => {
    // A database out of reach is a 503 the client may retry, not a failure of ours to log with a stack.
    const unavailable = c.req.raw.signal?.aborted ? undefined : unavailableProblemFor(thrown);
    if (unavailable) {
      const { error, code } = describeError(thrown);
      deps.logger.warn("database unreachable; answered 503", {
        requestId: c.var.requestId,
        path: c.req.path,
        error,
        ...(code ? { code } : {}),
      });
    }
    const error = unavailable ?? thrown;
    return c.req.path.startsWith("/open311/")
      ? respondWithOpen311Error(c, open311FormatOf(c.req.path), error, deps.logger)
      : respondToError(c, error, deps.logger);
  });
  return app;
}

/** The per-contact and overall caps on new cases, from config. */
export function caseCreationLimits(
  config: Pick<Config, "CASE_LIMIT_PER_CONTACT" | "CASE_LIMIT_PER_MINUTE">,
): CaseCreationLimits {
  return { perContactPerHour: config.CASE_LIMIT_PER_CONTACT, perMinute: config.CASE_LIMIT_PER_MINUTE };
}

/** How long each kind of personal data is kept, from config. */
export function retentionPolicy(config: Config): RetentionPolicy {
  return {
    rawTextDays: config.RETENTION_RAW_TEXT_DAYS,
    messagesDays: config.RETENTION_MESSAGES_DAYS,
    recordingsDays: config.RETENTION_RECORDINGS_DAYS,
    casesDays: config.RETENTION_CASES_DAYS,
    auditDays: config.RETENTION_AUDIT_DAYS,
    rateLimitHours: config.RETENTION_RATE_LIMIT_HOURS,
  };
}

/** A language's own name for itself ("français"), for the language picker. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}
