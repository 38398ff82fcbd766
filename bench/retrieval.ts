import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import pg from "pg";
import { z } from "zod";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { loadConfig } from "../src/config";
import { createEmbedder } from "../src/configured-adapters";
import { createDatabase, type Database } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import type { ArticleInput } from "../src/services/knowledge/article-input";
import type { KnowledgeContext } from "../src/services/knowledge/context";
import { readArticlesJsonl } from "../src/services/knowledge/read-articles-jsonl";
import { upsertArticles } from "../src/services/knowledge/upsert-articles";
import { analyzeText } from "../src/services/retrieval/analyzer";
import { searchKnowledge } from "../src/services/retrieval/search-knowledge";

/*
 * Retrieval quality, latency, indexing time and memory of CivicDesk (PGlite, and PostgreSQL when
 * DATABASE_URL is set) beside a well-configured in-process BM25 library, on the same data in one run.
 * Each system runs in its own child process so that its peak RSS is its own.
 */

const DATA_DIR = fileURLToPath(new URL("../../shared/data/kb-fr-service-public/", import.meta.url));
const RUN_SCRIPT = fileURLToPath(new URL("./run.ts", import.meta.url));
/** Ranks looked at: recall@5, and MRR over the first 10. */
const DEPTH = 10;
const WARMUP_QUERIES = 100;

const SYSTEMS = ["civicdesk-pglite", "civicdesk-postgres", "minisearch-bm25"] as const;
type System = (typeof SYSTEMS)[number];

const Query = z.object({
  id: z.string(),
  query: z.string().min(1),
  lang: z.string(),
  relevant: z.array(z.string()).min(1),
});
type Query = z.infer<typeof Query>;

interface Figures {
  system: System;
  articles: number;
  queries: number;
  /** Share of queries with a relevant article among the first five. */
  recall_at_5: number;
  /** Mean reciprocal rank of the first relevant article within the first ten (0 when none). */
  mrr: number;
  latency_ms: { p50: number; p95: number; mean: number };
  index_ms: number;
  /** Peak resident memory of the process that ran this system (the PostgreSQL server not counted). */
  peak_rss_mb: number;
}

interface Searcher {
  index(articles: ArticleInput[], indexTitles: boolean): Promise<void>;
  search(query: Query): Promise<string[]>;
  close(): Promise<void>;
}

export async function runRetrievalBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, {
    articles: "string",
    queries: "string",
    "no-titles": "boolean",
    system: "string",
  });
  const articlesPath = (options.articles as string | undefined) ?? `${DATA_DIR}articles.jsonl.gz`;
  const queriesPath = (options.queries as string | undefined) ?? `${DATA_DIR}queries-dev.jsonl`;
  const indexTitles = options["no-titles"] !== true;
  const serverUrl = process.env.DATABASE_URL;

  const only = options.system as string | undefined;
  if (only !== undefined) {
    if (!(SYSTEMS as readonly string[]).includes(only))
      throw new UsageError(`--system is one of ${SYSTEMS.join(", ")}`);
    return measureSystem(only as System, { articlesPath, queriesPath, indexTitles, serverUrl });
  }

  const systems = SYSTEMS.filter((s) => s !== "civicdesk-postgres" || serverUrl);
  if (!serverUrl) process.stderr.write("DATABASE_URL is not set: PostgreSQL is left out of this run\n");
  const figures: Figures[] = [];
  for (const system of systems) {
    const childArgs = ["--system", system, "--articles", articlesPath, "--queries", queriesPath];
    if (!indexTitles) childArgs.push("--no-titles");
    figures.push((await runChild(childArgs)) as Figures);
  }

  const baseline = figures.find((f) => f.system === "minisearch-bm25")!;
  const ratios = Object.fromEntries(
    figures
      .filter((f) => f !== baseline)
      .map((f) => [
        f.system,
        {
          recall_at_5: ratio(f.recall_at_5, baseline.recall_at_5),
          mrr: ratio(f.mrr, baseline.mrr),
          latency_p95: ratio(f.latency_ms.p95, baseline.latency_ms.p95),
          index_time: ratio(f.index_ms, baseline.index_ms),
          peak_rss: ratio(f.peak_rss_mb, baseline.peak_rss_mb),
        },
      ]),
  );
  printTable(figures, ratios);
  return {
    bench: "retrieval",
    articles: articlesPath,
    queries: queriesPath,
    titles_indexed: indexTitles,
    results: Object.fromEntries(figures.map(({ system, ...rest }) => [system, rest])),
    vs_baseline: ratios,
  };
}

async function measureSystem(
  system: System,
  options: { articlesPath: string; queriesPath: string; indexTitles: boolean; serverUrl: string | undefined },
): Promise<Figures> {
  const log = (line: string) => process.stderr.write(`${system}: ${line}\n`);
  const articles: ArticleInput[] = [];
  for await (const article of readArticlesJsonl(options.articlesPath)) articles.push(article);
  const queries = await readQueries(options.queriesPath);

  const searcher = await openSearcher(system, options.serverUrl);
  try {
    log(`indexing ${articles.length} articles`);
    const started = performance.now();
    await searcher.index(articles, options.indexTitles);
    const indexMs = performance.now() - started;
    log(`indexed in ${(indexMs / 1000).toFixed(1)} s; ${queries.length} queries`);

    for (const query of queries.slice(0, WARMUP_QUERIES)) await searcher.search(query);
    const latencies: number[] = [];
    let found5 = 0;
    let reciprocalRanks = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const ids = await searcher.search(query);
      latencies.push(performance.now() - t0);
      const relevant = new Set(query.relevant);
      const rank = ids.slice(0, DEPTH).findIndex((id) => relevant.has(id));
      if (rank >= 0 && rank < 5) found5++;
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return {
      system,
      articles: articles.length,
      queries: queries.length,
      recall_at_5: round(found5 / queries.length, 4),
      mrr: round(reciprocalRanks / queries.length, 4),
      latency_ms: {
        p50: round(at(0.5), 2),
        p95: round(at(0.95), 2),
        mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length, 2),
      },
      index_ms: Math.round(indexMs),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await searcher.close();
  }
}

async function openSearcher(system: System, serverUrl: string | undefined): Promise<Searcher> {
  if (system === "minisearch-bm25") return createBaselineSearcher();
  if (system === "civicdesk-pglite") {
    const database = await createDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    return createCivicDeskSearcher(database, () => database.close());
  }
  if (!serverUrl) throw new UsageError("civicdesk-postgres needs DATABASE_URL");
  const scratch = await createScratchDatabase(serverUrl);
  const database = await createDatabase({ databaseUrl: scratch.url, maxConnections: 4 });
  await migrateDatabase(database, scratch.url);
  return createCivicDeskSearcher(database, async () => {
    await database.close();
    await scratch.drop();
  });
}

async function createCivicDeskSearcher(database: Database, close: () => Promise<void>): Promise<Searcher> {
  // An empty environment: the embedded defaults, offline, whatever the shell configures.
  const config = loadConfig({ LOG_LEVEL: "silent" });
  const ctx: KnowledgeContext = { database, embedder: await createEmbedder({ config, database }) };
  return {
    async index(articles, indexTitles) {
      await upsertArticles({ ctx, articles, origin: "import", indexTitles });
    },
    async search(query) {
      const hits = await searchKnowledge({ ctx, query: { q: query.query, lang: query.lang, k: DEPTH } });
      return [...new Set(hits.map((hit) => hit.articleId))];
    },
    close,
  };
}

/**
 * MiniSearch's BM25 with the analyzer CivicDesk itself uses (accent folding, stop words, Snowball
 * stemming for each text's language), title boost 3, no fuzzy or prefix matching (both lower
 * quality on this set). Texts are analyzed before MiniSearch sees them, so each keeps its language.
 */
function createBaselineSearcher(): Searcher {
  const analyzed = (text: string, lang: string) => analyzeText(text, lang).join(" ");
  // Numeric ids: translations share an article id, MiniSearch needs unique ones.
  const articleIds: string[] = [];
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ["title", "body"],
    tokenize: (text) => text.split(" ").filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3 }, fuzzy: false, prefix: false, combineWith: "OR" },
  });
  return {
    async index(articles, indexTitles) {
      index.addAll(
        articles.map((a) => ({
          id: articleIds.push(a.articleId) - 1,
          title: indexTitles ? analyzed(a.title, a.lang) : "",
          body: analyzed(a.body, a.lang),
        })),
      );
    },
    async search(query) {
      const ids = index.search(analyzed(query.query, query.lang)).map((r) => articleIds[r.id as number]!);
      return [...new Set(ids)].slice(0, DEPTH);
    },
    async close() {},
  };
}

async function readQueries(path: string): Promise<Query[]> {
  const queries: Query[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const parsed = Query.safeParse(JSON.parse(text));
    if (!parsed.success) throw new UsageError(`${path} line ${line}: not a retrieval query`);
    queries.push(parsed.data);
  }
  if (queries.length === 0) throw new UsageError(`${path} holds no queries`);
  return queries;
}

/** A new database on the server for this run only, dropped by `drop()`. */
async function createScratchDatabase(serverUrl: string) {
  const name = `civicdesk_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs this bench for one system in a fresh Node process (same loader flags) and returns its JSON. */
function runChild(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, RUN_SCRIPT, "retrieval", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`the ${args[1]} run failed (exit ${code})`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`the ${args[1]} run printed no result`));
      }
    });
  });
}

function printTable(figures: Figures[], ratios: Record<string, Record<string, number>>) {
  const header = ["system", "recall@5", "MRR", "p50 ms", "p95 ms", "index s", "peak RSS MB"];
  const rows = figures.map((f) => [
    f.system,
    f.recall_at_5.toFixed(3),
    f.mrr.toFixed(3),
    f.latency_ms.p50.toFixed(2),
    f.latency_ms.p95.toFixed(2),
    (f.index_ms / 1000).toFixed(1),
    String(f.peak_rss_mb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const f0 = figures[0]!;
  const out = [
    `retrieval bench: ${f0.articles} articles, ${f0.queries} queries`,
    line(header),
    ...rows.map(line),
    ...Object.entries(ratios).map(
      ([system, r]) =>
        `${system} vs minisearch-bm25: recall@5 ×${r.recall_at_5}, MRR ×${r.mrr}, p95 latency ×${r.latency_p95}, indexing time ×${r.index_time}, peak RSS ×${r.peak_rss}`,
    ),
    "(peak RSS is the measuring process; PostgreSQL's own server memory is not included)",
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : round(a / b, 2);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
