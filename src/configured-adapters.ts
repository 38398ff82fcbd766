import { createOpenAiChatModel, type OpenAiChatModelOptions } from "./adapters/chat-model-openai";
import { createLocalEmbedder } from "./adapters/embedder-local";
import { createOpenAiEmbedder } from "./adapters/embedder-openai";
import { createOpenAiGuardrailJudge } from "./adapters/guardrail-judge-openai";
import type { Config } from "./config";
import type { Database } from "./db/database";
import type { ChatModel } from "./ports/chat-model";
import type { Embedder } from "./ports/embedder";
import type { GuardrailJudge } from "./services/guardrails/assess-input";

/*
 * Adapters made from configuration, for the entries (Node, Workers) and the command-line tools. Services
 * receive what is built here and never read config or import an adapter themselves.
 */

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

/** The configured chat model; undefined leaves the offline answerer in charge. */
export function configuredChatModel(config: Config): ChatModel | undefined {
  const options = configuredModelOptions(config);
  return options ? createOpenAiChatModel(options) : undefined;
}

/** The chat model as a second opinion for the guardrails, when one is configured. */
export function configuredGuardrailJudge(config: Config): GuardrailJudge | undefined {
  const options = configuredModelOptions(config);
  return options ? createOpenAiGuardrailJudge(options) : undefined;
}

/** An OpenAI-compatible endpoint when a key and an embeddings model are configured, else the offline embedder. */
export async function createEmbedder({
  config,
  database,
}: {
  config: Pick<
    Config,
    "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "EMBEDDINGS_MODEL" | "MODEL_MAX_RETRIES" | "MODEL_TIMEOUT_MS"
  >;
  database: Database;
}): Promise<Embedder> {
  if (config.OPENAI_API_KEY && config.EMBEDDINGS_MODEL) {
    return createOpenAiEmbedder({
      apiKey: config.OPENAI_API_KEY,
      baseUrl: config.OPENAI_BASE_URL,
      model: config.EMBEDDINGS_MODEL,
      maxRetries: config.MODEL_MAX_RETRIES,
      timeoutMs: config.MODEL_TIMEOUT_MS,
    });
  }
  return createLocalEmbedder({ database });
}
