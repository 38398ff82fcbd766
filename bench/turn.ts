import { Hono } from "hono";
import { buildApp } from "../src/app";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { loadConfig } from "../src/config";
import type { Database } from "../src/db/client";
import { createLogger } from "../src/logger";
import { openBenchDatabase } from "./bench-server";
import { loadSampleKnowledge } from "./load-sample-knowledge";

/*
 * Server overhead of one assistant turn without a model (the offline answerer), next to a bare
 * Hono route in the same run and process. Requests go through `app.request`, so HTTP parsing, the
 * same for both, is left out; what remains is the app: routing, auth, rate limits, storage,
 * guardrails, retrieval and the answer.
 */

const QUESTIONS: { text: string; followUp?: string }[] = [
  { text: "When is my bin collected?", followUp: "and for glass?" },
  { text: "Quand sont collectées les poubelles ?", followUp: "et pour le verre ?" },
  { text: "Când se colectează gunoiul?", followUp: "și pentru sticlă?" },
  { text: "How do I get a resident parking permit?" },
  { text: "What are the library opening hours?" },
  { text: "How do I pay my council tax?" },
];

const EMERGENCIES = [
  "my neighbour is unconscious and not breathing",
  "mon voisin ne respire plus, il est inconscient",
  "vecinul meu este inconștient și nu respiră",
  "there is a fire in the flat next door",
];

interface Latencies {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  requests_per_second: number;
}

type Send = (i: number) => Promise<Response>;

export async function runTurnBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, {
    requests: "string",
    concurrency: "string",
    warmup: "string",
    database: "string",
  });
  const requests = positive(options.requests, 2000, "--requests");
  const concurrency = positive(options.concurrency, 8, "--concurrency");
  const warmup = positive(options.warmup, 300, "--warmup");
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const wanted = (options.database as string | undefined) ?? (serverUrl ? "both" : "pglite");
  if (!["pglite", "postgres", "both"].includes(wanted))
    throw new UsageError("--database is pglite, postgres or both");
  if (wanted !== "pglite" && !serverUrl)
    throw new UsageError("PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL");

  const results: Record<string, unknown> = {};
  for (const kind of wanted === "both" ? ["pglite", "postgres"] : [wanted]) {
    const database = await openBenchDatabase(kind === "pglite" ? undefined : serverUrl);
    try {
      results[kind] = await benchOn(database.database, { requests, concurrency, warmup });
    } finally {
      await database.close();
    }
    process.stderr.write(`${kind}: ${JSON.stringify(results[kind])}\n`);
  }
  return { bench: "turn", model: "offline", requests, concurrency, results };
}

async function benchOn(
  database: Database,
  options: { requests: number; concurrency: number; warmup: number },
): Promise<unknown> {
  const knowledge = await loadSampleKnowledge(database);
  const unlimited = { limit: 1_000_000_000, windowSeconds: 60 };
  const app = buildApp({
    config: loadConfig({ LOG_LEVEL: "silent" }),
    database,
    knowledge,
    logger: createLogger({ level: "silent", redact: (t) => t }),
    rateLimits: { contact: unlimited, ipConversations: unlimited, ipMessages: unlimited },
  });

  const conversations: { id: string; token: string }[] = [];
  for (let i = 0; i < 64; i++) {
    const lang = ["en", "fr", "ro"][i % 3];
    const res = await app.request("/v1/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang }),
    });
    if (res.status !== 201) throw new Error(`creating a conversation failed: ${res.status}`);
    conversations.push((await res.json()) as { id: string; token: string });
  }

  let sequence = 0;
  /** Posts one citizen message to the i-th conversation and counts the reply's status. */
  const postMessage = async (i: number, text: string, statuses: Map<string, number>) => {
    const conversation = conversations[i % conversations.length]!;
    const res = await app.request(`/v1/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${conversation.token}` },
      body: JSON.stringify({ text, clientMessageId: `bench-${sequence++}` }),
    });
    const body = (await res.json()) as { message?: { status: string } };
    const status = res.status === 200 ? (body.message?.status ?? "?") : `http_${res.status}`;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    return res;
  };

  const statuses = new Map<string, number>();
  const turn: Send = (i) => {
    const question = QUESTIONS[Math.floor(i / conversations.length) % QUESTIONS.length]!;
    // Every other visit to a conversation asks the follow-up, so condensing and history are exercised.
    const text =
      question.followUp && Math.floor(i / conversations.length) % 2 === 1 ? question.followUp : question.text;
    return postMessage(i, text, statuses);
  };

  const bare = new Hono();
  bare.post("/bare", async (c) => {
    const body = await c.req.json<{ text: string }>();
    return c.json({ message: { text: body.text, status: "answered", citations: [] } });
  });
  const bareRoute: Send = (i) =>
    Promise.resolve(
      bare.request("/bare", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer x" },
        body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length]!.text, clientMessageId: `bare-${i}` }),
      }),
    );

  await measure(bareRoute, options.warmup, options.concurrency);
  await measure(turn, options.warmup, options.concurrency);
  statuses.clear();
  const bareResult = await measure(bareRoute, options.requests, options.concurrency);
  const turnResult = await measure(turn, options.requests, options.concurrency);
  const sequential = await measure(turn, Math.min(options.requests, 500), 1);
  // The emergency reply must come at once (under 100 ms): one citizen at a time, as they would.
  const emergencyStatuses = new Map<string, number>();
  const emergency = await measure(
    (i) => postMessage(i, EMERGENCIES[i % EMERGENCIES.length]!, emergencyStatuses),
    Math.min(options.requests, 300),
    1,
  );

  return {
    turn: turnResult,
    turn_sequential: sequential,
    bare: bareResult,
    overhead_ms: {
      p50: round(turnResult.p50 - bareResult.p50),
      p95: round(turnResult.p95 - bareResult.p95),
      p99: round(turnResult.p99 - bareResult.p99),
    },
    ratio_p95: round(turnResult.p95 / bareResult.p95),
    statuses: Object.fromEntries(statuses),
    emergency: { ...emergency, statuses: Object.fromEntries(emergencyStatuses) },
  };
}

async function measure(send: Send, count: number, concurrency: number): Promise<Latencies> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const res = await send(i);
      latencies.push(performance.now() - t0);
      if (res.status >= 500) throw new Error(`request failed with ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    n: latencies.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    requests_per_second: Math.round(latencies.length / elapsed),
  };
}

export function positive(value: string | boolean | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer`);
  return n;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
