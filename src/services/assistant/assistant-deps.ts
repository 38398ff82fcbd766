import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { ChatModel } from "../../ports/chat-model";
import type { Translate } from "../conversations/context";
import type { LanguageSettings } from "../conversations/create-conversation";
import type { RateLimiter, RateLimitRule } from "../conversations/rate-limiter";
import type { HandoffSettings } from "../handoff/context";

/** A passage found in the knowledge base, as retrieval returns it. */
export interface KnowledgePassage {
  articleId: string;
  title: string;
  /** Article URL, with the section's #anchor when there is one. */
  url: string;
  headingPath: string[];
  text: string;
  score: number;
  lang: string;
  /** Every section of the article, when retrieval loaded them: the answer is built from the best one. */
  sections?: KnowledgeSection[];
  /** The editors' titles and search terms per language, so a question in another language can match. */
  aliases?: Record<string, string>;
}

export interface KnowledgeSection {
  headingPath: string[];
  /** Article URL with the section's #anchor. */
  url: string;
  text: string;
  /** The section search ranked best for the question. */
  best: boolean;
}

export type SearchKnowledge = (query: {
  text: string;
  lang: string;
  k: number;
}) => Promise<KnowledgePassage[]>;

/** The input guardrails' verdict on one (redacted) citizen message, first matching label wins. */
export type SafetyLabel = "emergency" | "crisis" | "injection" | "abuse" | "handoff" | "unclear" | "ok";

/**
 * The guardrails' verdict for a turn: its label, and whether the message names a hazard (gas, fire,
 * a live wire) without reading as an emergency, in which case an ordinary reply also gives the
 * emergency number. A bare label means no hazard.
 */
export interface SafetyVerdict {
  label: SafetyLabel;
  possibleEmergency: boolean;
}

export type AssessInput = (
  text: string,
  lang: string,
) => Promise<SafetyLabel | SafetyVerdict> | SafetyLabel | SafetyVerdict;

export interface CaseTurnInput {
  conversationId: string;
  contactId: string;
  channel: string;
  lang: string;
  /** Redacted text of the citizen's message. */
  text: string;
  now: Date;
  /** Only continue an intake already under way; never start one (for very short messages). */
  continueOnly?: boolean;
}

/** A case intake in progress, as the message view shows it. */
export interface IntakeView {
  service: string;
  name: string;
  awaiting: string;
}

export type CaseTurnResult =
  | { handled: false; paused?: { intake: IntakeView; reminder: string } }
  | {
      handled: true;
      status: "clarification" | "case_opened" | "case_linked" | "case_status";
      reply: string;
      case?: { reference: string; status: string };
      intake?: IntakeView;
      options?: { service: string; name: string }[];
    };

/**
 * Case intake: a service request or a question about an existing case ends the turn there. When it
 * asks a chat model to route requests, `anticipate` starts that on a message at the turn's start, so
 * the routing judgement runs alongside the guardrails rather than after them.
 */
export type HandleCaseTurn = ((input: CaseTurnInput) => Promise<CaseTurnResult>) & {
  anticipate?: (input: CaseTurnInput) => void;
};

export interface AssistantSettings {
  cityName: string;
  emergencyNumber: string;
  crisisHelpline: string;
  /** Passages asked of retrieval per question. */
  passagesPerQuestion: number;
  /** Earlier messages shown to the condenser and the answerer. */
  historyMessages: number;
  contactRateLimit: RateLimitRule;
}

export const DEFAULT_ASSISTANT_SETTINGS: Omit<
  AssistantSettings,
  "cityName" | "emergencyNumber" | "crisisHelpline"
> = {
  passagesPerQuestion: 5,
  historyMessages: 6,
  contactRateLimit: { limit: 20, windowSeconds: 60 },
};

/** Everything a turn needs, wired once by the app. */
export interface AssistantDeps {
  database: Database;
  /** The configured model; the offline answerer itself when none is configured. */
  chatModel: ChatModel;
  /** Takes over when the configured model fails or times out. */
  offlineModel: ChatModel;
  searchKnowledge: SearchKnowledge;
  assessInput: AssessInput;
  handleCaseTurn?: HandleCaseTurn;
  translate: Translate;
  languages: LanguageSettings;
  settings: AssistantSettings;
  rateLimiter: RateLimiter;
  logger: Logger;
  /** Queue settings for requests for a person (pick-up check, business hours, sensitive topics). */
  handoff?: HandoffSettings | undefined;
}
