import { Hono } from "hono";
import pg from "pg";
import { buildApp } from "../src/app";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { openBenchDatabase } from "./bench-server";
import { loadSampleKnowledge } from "./load-sample-knowledge";
import { positive } from "./turn";

/*
 * What one web turn (POST /v1/conversations/{id}/messages, offline answerer) costs the Node process:
 * CPU milliseconds and SQL statements per turn, one turn at a time, beside the CPU of a bare Hono
 * route in the same run. Statements are counted on PostgreSQL only (node-postgres' Client.query).
 * The figure to watch is the ratio, turn CPU over bare-route CPU: it moves with the code, not with
 * how busy the shared cores are.
 */

const QUESTIONS = [
  "When is my bin collected?",
  "How do I get a resident parking permit?",
  "What are the library opening hours?",
  "Quand sont collectées les poubelles ?",
  "How do I pay my council tax?",
  "and for glass?",
];

export async function runTurnCostBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, { turns: "string", database: "string" });
  const turns = positive(options.turns, 300, "--turns");
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const kind = (options.database as string | undefined) ?? (serverUrl ? "postgres" : "pglite");
  if (!["pglite", "postgres"].includes(kind)) throw new UsageError("--database is pglite or postgres");
  if (kind === "postgres" && !serverUrl)
    throw new UsageError("PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL");

  let statements = 0;
  const clientQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;

  const bench = await openBenchDatabase(kind === "postgres" ? serverUrl : undefined);
  try {
    const knowledge = await loadSampleKnowledge(bench.database);
    const unlimited = { limit: 1_000_000_000, windowSeconds: 60 };
    const app = buildApp({
      config: loadConfig({ LOG_LEVEL: "silent" }),
      database: bench.database,
      knowledge,
      logger: createLogger({ level: "silent", redact: (t) => t }),
      rateLimits: { contact: unlimited, ipConversations: unlimited, ipMessages: unlimited },
    });
    const created = await app.request("/v1/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    if (created.status !== 201) throw new Error(`creating a conversation failed: ${created.status}`);
    const conversation = (await created.json()) as { id: string; token: string };
    let sequence = 0;
    const turn = async (i: number) => {
      const res = await app.request(`/v1/conversations/${conversation.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${conversation.token}` },
        body: JSON.stringify({
          text: QUESTIONS[i % QUESTIONS.length],
          clientMessageId: `cost-${sequence++}`,
        }),
      });
      if (res.status !== 200) throw new Error(`turn failed with ${res.status}`);
      await res.json();
    };
    const bare = new Hono();
    bare.post("/bare", async (c) =>
      c.json({ message: { text: (await c.req.json<{ text: string }>()).text } }),
    );
    const bareRequest = async (i: number) => {
      const res = await bare.request("/bare", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length] }),
      });
      await res.json();
    };

    for (let i = 0; i < Math.min(60, turns); i++) await turn(i);
    const turnCost = await cpuPer(turns, turn, () => statements);
    const bareCost = await cpuPer(turns * 20, bareRequest, () => statements);
    return {
      bench: "turn-cost",
      database: kind,
      turns,
      turn_cpu_ms: round(turnCost.cpuMs),
      turn_wall_ms: round(turnCost.wallMs),
      statements_per_turn: kind === "postgres" ? round(turnCost.statements) : null,
      bare_cpu_ms: round(bareCost.cpuMs),
      ratio_turn_to_bare_cpu: Math.round(turnCost.cpuMs / bareCost.cpuMs),
    };
  } finally {
    pg.Client.prototype.query = clientQuery;
    await bench.close();
  }
}

/** Node CPU and wall time per call, and statements per call, over `count` calls one at a time. */
async function cpuPer(count: number, call: (i: number) => Promise<void>, counted: () => number) {
  const before = counted();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call(i);
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: (used.user + used.system) / 1000 / count,
    wallMs: (performance.now() - started) / count,
    statements: (counted() - before) / count,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
