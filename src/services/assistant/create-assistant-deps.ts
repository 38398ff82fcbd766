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
  type SafetyVerdict,
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

/** The settings the assistant reads, as the entries parse them from the environment. */
export interface AssistantConfig {
  SUPPORTED_LANGUAGES: string[];
  DEFAULT_LANGUAGE: string;
  CITY_NAME: string;
  EMERGENCY_NUMBER: string;
  CRISIS_HELPLINE: string;
}

export interface AssistantWiring {
  config: AssistantConfig;
  database: Database;
  logger: Logger;
  searchKnowledge: SearchKnowledge;
  translate: Translate;
  /** The configured model; the offline answerer when none. */
  chatModel?: ChatModel | undefined;
  /** The offline answerer: the fallback when the configured model fails. */
  offlineModel: ChatModel;
  /** The chat model's second opinion on the guardrails; without it the rules and the learned model decide. */
  guardrailJudge?: GuardrailJudge | undefined;
  handleCaseTurn?: HandleCaseTurn | undefined;
  rateLimiter?: RateLimiter | undefined;
  rateLimits?: Partial<RateLimits> | undefined;
}

/**
 * The assistant's dependencies from settings and the adapters the entry built. Counters live in memory only for the
 * embedded single-process database; with PostgreSQL every process shares them.
 */
export function createAssistantDeps(wiring: AssistantWiring): {
  assistant: AssistantDeps;
  rateLimits: RateLimits;
} {
  const { config, database } = wiring;
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...wiring.rateLimits };
  const { offlineModel, guardrailJudge } = wiring;
  const assistant: AssistantDeps = {
    database,
    chatModel: wiring.chatModel ?? offlineModel,
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

// Labels that already decide the turn: asking a model about them would only add a call.
const SETTLED: ReadonlySet<GuardrailLabel> = new Set(["emergency", "crisis", "injection", "abuse"]);

/**
 * The guardrails' verdict as the turn uses it; personal data was already redacted when the message
 * was stored. With a judge, the chat model is asked whenever the rules and the learned model did not
 * already settle the turn, and may add what they missed (see assessInput).
 */
export function createGuardrailAssessor(judge?: GuardrailJudge): AssessInput {
  if (!judge) return (text, lang) => verdictOf(assessInput(text, { lang }));
  return async (text, lang) => {
    const local = assessInput(text, { lang });
    if ([...local.labels].some((label) => SETTLED.has(label))) return verdictOf(local);
    return verdictOf(await consultJudge(local, judge, lang));
  };
}

function verdictOf(assessment: GuardrailAssessment): SafetyVerdict {
  return { label: primaryLabel(assessment), possibleEmergency: assessment.possibleEmergency };
}

function primaryLabel(assessment: GuardrailAssessment): SafetyLabel {
  const label = GUARDRAIL_PRECEDENCE.find(
    (l): l is Exclude<GuardrailLabel, "pii"> => l !== "pii" && assessment.labels.has(l),
  );
  return label ?? "ok";
}
