import { createOfflineChatModel } from "../../adapters/chat-model-offline";
import { createOpenAiChatModel, type OpenAiChatModelOptions } from "../../adapters/chat-model-openai";
import { createOpenAiGuardrailJudge } from "../../adapters/guardrail-judge-openai";
import type { Config } from "../../config";
import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { ChatModel } from "../../ports/chat-model";
import type { Translate } from "../conversations/context";
import {
  createMemoryRateLimiter,
  createPostgresRateLimiter,
  type RateLimiter,
  type RateLimitRule,
} from "../conversations/rate-limiter";
import {
  assessInput,
  consultJudge,
  GUARDRAIL_PRECEDENCE,
  type GuardrailAssessment,
  type GuardrailJudge,
  type GuardrailLabel,
} from "../guardrails/assess-input";
import {
  type AssessInput,
  type AssistantDeps,
  DEFAULT_ASSISTANT_SETTINGS,
  type HandleCaseTurn,
  type SafetyLabel,
  type SearchKnowledge,
} from "./assistant-deps";

export interface RateLimits {
  /** Messages per contact, across all its conversations. */
  contact: RateLimitRule;
  /** New conversations per client IP. */
  ipConversations: RateLimitRule;
  /** Messages per client IP. */
  ipMessages: RateLimitRule;
}

const DEFAULT_RATE_LIMITS: RateLimits = {
  contact: DEFAULT_ASSISTANT_SETTINGS.contactRateLimit,
  ipConversations: { limit: 30, windowSeconds: 60 },
  ipMessages: { limit: 120, windowSeconds: 60 },
};

export interface AssistantWiring {
  config: Config;
  database: Database;
  logger: Logger;
  searchKnowledge: SearchKnowledge;
  translate: Translate;
  chatModel?: ChatModel | undefined;
  /** Replaces the judge made from config (tests); with neither, the rules and the learned model decide. */
  guardrailJudge?: GuardrailJudge | undefined;
  handleCaseTurn?: HandleCaseTurn | undefined;
  rateLimiter?: RateLimiter | undefined;
  rateLimits?: Partial<RateLimits> | undefined;
}

/**
 * The assistant's dependencies from config and adapters. Counters live in memory only for the
 * embedded single-process database; with PostgreSQL every process shares them.
 */
export function createAssistantDeps(wiring: AssistantWiring): {
  assistant: AssistantDeps;
  rateLimits: RateLimits;
} {
  const { config, database } = wiring;
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...wiring.rateLimits };
  const offlineModel = createOfflineChatModel();
  const modelOptions = configuredModelOptions(config);
  const guardrailJudge =
    wiring.guardrailJudge ?? (modelOptions ? createOpenAiGuardrailJudge(modelOptions) : undefined);
  const assistant: AssistantDeps = {
    database,
    chatModel: wiring.chatModel ?? configuredChatModel(config) ?? offlineModel,
    offlineModel,
    searchKnowledge: wiring.searchKnowledge,
    assessInput: createGuardrailAssessor(guardrailJudge),
    ...(wiring.handleCaseTurn ? { handleCaseTurn: wiring.handleCaseTurn } : {}),
    translate: wiring.translate,
    languages: { supported: config.SUPPORTED_LANGUAGES, fallback: config.DEFAULT_LANGUAGE },
    settings: {
      ...DEFAULT_ASSISTANT_SETTINGS,
      cityName: config.CITY_NAME,
      emergencyNumber: config.EMERGENCY_NUMBER,
      crisisHelpline: config.CRISIS_HELPLINE,
      contactRateLimit: rateLimits.contact,
    },
    rateLimiter:
      wiring.rateLimiter ??
      (database.kind === "postgres" ? createPostgresRateLimiter(database) : createMemoryRateLimiter()),
    logger: wiring.logger,
  };
  return { assistant, rateLimits };
}

/** Settings for an OpenAI-compatible model when a key or an endpoint is configured (a local server needs no key). */
export function configuredModelOptions(config: Config): OpenAiChatModelOptions | undefined {
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return undefined;
  return {
    baseUrl: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
    model: config.CHAT_MODEL,
    temperature: config.CHAT_TEMPERATURE,
    timeoutMs: config.MODEL_TIMEOUT_MS,
    maxRetries: config.MODEL_MAX_RETRIES,
    cityName: config.CITY_NAME,
  };
}

function configuredChatModel(config: Config): ChatModel | undefined {
  const options = configuredModelOptions(config);
  return options ? createOpenAiChatModel(options) : undefined;
}

// Labels that already decide the turn: asking a model about them would only add a call.
const SETTLED: ReadonlySet<GuardrailLabel> = new Set(["emergency", "crisis", "injection", "abuse"]);

/**
 * The guardrails' verdict as the turn uses it; personal data was already redacted when the message
 * was stored. With a judge, the chat model is asked whenever the rules and the learned model did not
 * already settle the turn, and may add what they missed (see assessInput).
 */
export function createGuardrailAssessor(judge?: GuardrailJudge): AssessInput {
  if (!judge) return (text, lang) => primaryLabel(assessInput(text, { lang }));
  return async (text, lang) => {
    const local = assessInput(text, { lang });
    if ([...local.labels].some((label) => SETTLED.has(label))) return primaryLabel(local);
    return primaryLabel(await consultJudge(local, judge, lang));
  };
}

function primaryLabel(assessment: GuardrailAssessment): SafetyLabel {
  const label = GUARDRAIL_PRECEDENCE.find(
    (l): l is Exclude<GuardrailLabel, "pii"> => l !== "pii" && assessment.labels.has(l),
  );
  return label ?? "ok";
}
