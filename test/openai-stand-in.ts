import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/**
 * A stand-in for an OpenAI-compatible chat completions server, started by tests on port 0. It
 * answers whatever the test scripts; its answers exercise the adapter and are never a quality signal.
 */
export type StandInReply =
  | { kind: "json"; content: string; delayMs?: number }
  | { kind: "stream"; chunks: string[]; delayMs?: number; stallAfter?: number }
  | { kind: "error"; status: number; message?: string }
  | { kind: "hang" };

export interface StandInRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface OpenAiStandIn {
  baseUrl: string;
  requests: StandInRequest[];
  close(): Promise<void>;
}

export async function startOpenAiStandIn(
  reply: (request: StandInRequest, index: number) => StandInReply,
): Promise<OpenAiStandIn> {
  const requests: StandInRequest[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const request = { path: req.url ?? "", body: await readJson(req) };
    requests.push(request);
    await respond(res, reply(request, requests.length - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function respond(res: ServerResponse, reply: StandInReply): Promise<void> {
  const base = { id: "chatcmpl-stand-in", created: 1_700_000_000, model: "stand-in" };
  switch (reply.kind) {
    case "hang":
      return;
    case "error":
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { message: reply.message ?? "stand-in failure", type: "server_error" } }),
      );
      return;
    case "json":
      if (reply.delayMs) await sleep(reply.delayMs);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [
            { index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    case "stream": {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const send = (delta: Record<string, unknown>, finish: string | null) =>
        res.write(
          `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
        );
      for (const [i, chunk] of reply.chunks.entries()) {
        if (reply.stallAfter !== undefined && i === reply.stallAfter) return;
        send(i === 0 ? { role: "assistant", content: chunk } : { content: chunk }, null);
        if (reply.delayMs) await sleep(reply.delayMs);
      }
      send({}, "stop");
      res.write("data: [DONE]\n\n");
      res.end();
      return;
    }
  }
}

/** Adapter settings pointing at a stand-in: no retries and a short timeout, so failures show at once. */
export function standInModelOptions(standIn: OpenAiStandIn, overrides: { timeoutMs?: number } = {}) {
  return {
    baseUrl: standIn.baseUrl,
    apiKey: "test-key",
    model: "stand-in-model",
    temperature: 0.7,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    maxRetries: 0,
    cityName: "Riverton",
  };
}

/** A completion whose content is the JSON of `value`, as structured output arrives. */
export const jsonReply = (value: unknown): StandInReply => ({ kind: "json", content: JSON.stringify(value) });

/**
 * For a test file whose tests each start one stand-in answering with a fixed reply: starts it on
 * demand (closing the previous one) and closes it after each test.
 */
export function useOpenAiStandIn() {
  let current: OpenAiStandIn | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(reply: StandInReply): Promise<OpenAiStandIn> {
      await current?.close();
      current = await startOpenAiStandIn(() => reply);
      return current;
    },
    /** The stand-in the running test started last. */
    get requests(): StandInRequest[] {
      if (!current) throw new Error("no stand-in was started in this test");
      return current.requests;
    },
  };
}
