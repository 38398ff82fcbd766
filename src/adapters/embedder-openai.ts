import { OpenAIEmbeddings } from "@langchain/openai";
import type { Embedder } from "../ports/embedder";

export interface OpenAiEmbedderOptions {
  /** Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI's v1 route, Ollama, vLLM… */
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  model: string;
  /** Asked of models that can shorten their vectors; otherwise learned from one probe request. */
  dimensions?: number | undefined;
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
}

/** LangChain's OpenAIEmbeddings behind the Embedder port; the id names the endpoint's model and dimension. */
export async function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Promise<Embedder> {
  const client = new OpenAIEmbeddings({
    model: options.model,
    ...(options.dimensions ? { dimensions: options.dimensions } : {}),
    batchSize: options.batchSize ?? 96,
    maxRetries: options.maxRetries ?? 3,
    timeout: options.timeoutMs ?? 30_000,
    encodingFormat: "float",
    // Local servers (Ollama, vLLM) accept any key, but the client insists on one.
    apiKey: options.apiKey ?? "not-needed",
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
  });
  const dimensions = options.dimensions ?? (await client.embedQuery("dimension probe")).length;
  if (!dimensions) throw new Error(`embeddings model ${options.model} returned an empty vector`);
  const check = (vector: number[]) => {
    if (vector.length !== dimensions)
      throw new Error(
        `embeddings model ${options.model} returned ${vector.length} dimensions, expected ${dimensions}`,
      );
    return vector;
  };
  return {
    id: `openai:${options.model}:${dimensions}`,
    dimensions,
    maxInputChars: 8_000,
    async embedDocuments(texts) {
      return (await client.embedDocuments(texts)).map(check);
    },
    async embedQuery(text) {
      return check(await client.embedQuery(text));
    },
  };
}
