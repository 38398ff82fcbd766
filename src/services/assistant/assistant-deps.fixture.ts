import { createOfflineChatModel } from "../../adapters/chat-model-offline";
import type { Database } from "../../db/client";
import { createLogger } from "../../logger";
import { createConversation } from "../conversations/create-conversation";
import { createMemoryRateLimiter } from "../conversations/rate-limiter";
import type { AssistantDeps, KnowledgePassage } from "./assistant-deps";

/** The languages test conversations are opened in. */
export const TEST_LANGUAGES = { supported: ["en", "fr", "ro"], fallback: "en" };

/** The sample city's bin collection passage, as retrieval would return it. */
export const BIN_COLLECTION_PASSAGE: KnowledgePassage = {
  articleId: "bin-collection-days",
  title: "Bin collection days",
  url: "https://www.riverton.example/waste/bin-collection-days#find-your-collection-day",
  headingPath: ["Bin collection days", "Find your collection day"],
  text: "Every home has its bins collected on the same weekday every week. Check your day in the collection day finder at https://www.riverton.example/waste/find-my-day.",
  score: 0.9,
  lang: "en",
};

/**
 * Assistant dependencies for service tests: the offline model, no knowledge, every input judged safe,
 * translations shown as `[lang] key`, a memory rate limiter and a silent logger. `overrides` replaces
 * any of them.
 */
export function testAssistantDeps(database: Database, overrides: Partial<AssistantDeps> = {}): AssistantDeps {
  const offline = createOfflineChatModel();
  return {
    database,
    chatModel: offline,
    offlineModel: offline,
    searchKnowledge: async () => [],
    assessInput: () => "ok",
    translate: (lang, key) => `[${lang}] ${key}`,
    languages: TEST_LANGUAGES,
    settings: {
      cityName: "Riverton",
      emergencyNumber: "112",
      crisisHelpline: "116 123",
      passagesPerQuestion: 5,
      historyMessages: 6,
      contactRateLimit: { limit: 100, windowSeconds: 60 },
    },
    rateLimiter: createMemoryRateLimiter(),
    logger: createLogger({ level: "silent", redact: (t) => t }),
    ...overrides,
  };
}

/** A new web conversation, and the citizen's bearer-token actor for it. */
export async function openWebConversation(database: Database, lang = "en") {
  const created = await createConversation({
    ctx: { database, languages: TEST_LANGUAGES },
    input: { channel: "web", lang },
  });
  return { id: created.id, actor: { kind: "conversation_token" as const, token: created.token } };
}

/** A conversation as `openWebConversation` returns it. */
export type OpenedConversation = Awaited<ReturnType<typeof openWebConversation>>;
