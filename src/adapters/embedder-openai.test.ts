import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiEmbedder } from "./embedder-openai";

/** A stand-in for an OpenAI-compatible /embeddings endpoint; its vectors only exercise the adapter. */
describe("createOpenAiEmbedder against a stand-in server", () => {
  let server: Server;
  let baseUrl: string;
  const requests: { input: string[]; model: string; dimensions?: number }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      const body = JSON.parse(Buffer.concat(parts).toString("utf8"));
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      requests.push({ input, model: body.model, dimensions: body.dimensions });
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "busy" } }));
        return;
      }
      const dims = body.dimensions ?? 3;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "list",
          model: body.model,
          data: input.map((text, index) => ({
            object: "embedding",
            index,
            embedding: Array.from({ length: dims }, (_, d) => (text.length + d) / 100),
          })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("learns the dimension from a probe and names itself after model and dimension", async () => {
    const embedder = await createOpenAiEmbedder({ baseUrl, apiKey: "k", model: "stand-in-small" });
    expect(embedder.id).toBe("openai:stand-in-small:3");
    expect(await embedder.embedQuery("hello", "en")).toHaveLength(3);
  });

  it("sends documents in batches with the configured model and dimensions", async () => {
    requests.length = 0;
    const embedder = await createOpenAiEmbedder({
      baseUrl,
      apiKey: "k",
      model: "stand-in-large",
      dimensions: 8,
      batchSize: 2,
    });
    const texts = ["a", "bb", "ccc", "dddd", "eeeee"];
    const vectors = await embedder.embedDocuments(texts, "en");
    expect(vectors).toHaveLength(5);
    expect(vectors.every((v) => v.length === 8)).toBe(true);
    expect(vectors[2]![0]).toBeCloseTo(0.03);
    expect(requests.map((r) => r.input.length)).toEqual([2, 2, 1]);
    expect(requests.every((r) => r.model === "stand-in-large" && r.dimensions === 8)).toBe(true);
  });

  it("retries when the endpoint is briefly unavailable", async () => {
    const embedder = await createOpenAiEmbedder({
      baseUrl,
      apiKey: "k",
      model: "m",
      dimensions: 3,
      maxRetries: 2,
    });
    requests.length = 0;
    failNext = 1;
    expect(await embedder.embedQuery("retry me", "en")).toHaveLength(3);
    expect(requests.length).toBe(2);
  });
});
