import { createLocalEmbedder } from "../../adapters/embedder-local";
import { createOpenAiEmbedder } from "../../adapters/embedder-openai";
import type { Config } from "../../config";
import type { Database } from "../../db/database";
import type { Embedder } from "../../ports/embedder";

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
