import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { parseOptions, UsageError } from "../cli/run-cli";
import { loadConfig } from "../config";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import type { ArticleInput } from "../services/knowledge/article-input";
import type { KnowledgeContext } from "../services/knowledge/context";
import { readArticlesJsonl } from "../services/knowledge/read-articles-jsonl";
import { upsertArticles } from "../services/knowledge/upsert-articles";
import { createEmbedder } from "../services/retrieval/create-embedder";
import { searchKnowledge } from "../services/retrieval/search-knowledge";

const RetrievalQuery = z.object({
  id: z.string(),
  query: z.string(),
  lang: z.string(),
  relevant: z.array(z.string()).min(1),
});
type RetrievalQuery = z.infer<typeof RetrievalQuery>;

export interface RetrievalResult {
  n: number;
  recall_at_1: number;
  recall_at_5: number;
  recall_at_10: number;
  mrr: number;
  latency_ms: { p50: number; p95: number };
  index_ms: number;
}

const USAGE = "usage: retrieval --articles FILE --queries FILE [--k 10] [--no-titles] [--verbose]";
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Indexes the articles into a fresh in-memory database and runs every query through the same search
 * the app uses. recall@n counts queries with at least one relevant article in the first n results;
 * MRR uses the first relevant article within --k. Latency is per search, after one warm-up query.
 */
export async function runRetrievalEval(argv: string[]): Promise<RetrievalResult> {
  const options = parseOptions(argv, {
    articles: "string",
    queries: "string",
    k: "string",
    "no-titles": "boolean",
    verbose: "boolean",
  });
  if (typeof options.articles !== "string" || typeof options.queries !== "string")
    throw new UsageError(USAGE);
  const k = options.k === undefined ? 10 : Number(options.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError("--k must be an integer from 1 to 50");
  const queries = await readQueries(options.queries);

  const config = loadConfig(process.env);
  const database = await createDatabase({ dataDir: "memory://" });
  try {
    await migrateDatabase(database);
    const ctx: KnowledgeContext = { database, embedder: await createEmbedder({ config, database }) };
    const started = performance.now();
    const articles: ArticleInput[] = [];
    for await (const article of readArticlesJsonl(options.articles)) articles.push(article);
    const summary = await upsertArticles({
      ctx,
      articles,
      origin: "import",
      indexTitles: !options["no-titles"],
    });
    const indexMs = Math.round(performance.now() - started);
    process.stderr.write(`indexed ${summary.added} articles in ${indexMs} ms with ${ctx.embedder.id}\n`);

    await searchKnowledge({ ctx, query: { q: queries[0]!.query, lang: queries[0]!.lang, k } });
    const latencies: number[] = [];
    let hits1 = 0;
    let hits5 = 0;
    let hits10 = 0;
    let reciprocal = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const hits = await searchKnowledge({ ctx, query: { q: query.query, lang: query.lang, k } });
      latencies.push(performance.now() - t0);
      const relevant = new Set(query.relevant);
      const rank = hits.findIndex((h) => relevant.has(h.articleId));
      if (rank === 0) hits1 += 1;
      if (rank >= 0 && rank < 5) hits5 += 1;
      if (rank >= 0 && rank < 10) hits10 += 1;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
      if (options.verbose && (rank < 0 || rank >= 5)) {
        process.stderr.write(
          `miss ${query.id} ${JSON.stringify(query.query)} -> ${hits.slice(0, 3).map((h) => h.articleId)}\n`,
        );
      }
    }
    latencies.sort((a, b) => a - b);
    const n = queries.length;
    const percentile = (p: number) => round(latencies[Math.min(n - 1, Math.floor((p / 100) * n))]!);
    return {
      n,
      recall_at_1: round(hits1 / n),
      recall_at_5: round(hits5 / n),
      recall_at_10: round(hits10 / n),
      mrr: round(reciprocal / n),
      latency_ms: { p50: percentile(50), p95: percentile(95) },
      index_ms: indexMs,
    };
  } finally {
    await database.close();
  }
}

async function readQueries(path: string): Promise<RetrievalQuery[]> {
  const queries: RetrievalQuery[] = [];
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${lineNumber}: not valid JSON`);
      }
      const parsed = RetrievalQuery.safeParse(json);
      if (!parsed.success)
        throw new Error(`${path}:${lineNumber}: not a retrieval query (id, query, lang, relevant)`);
      queries.push(parsed.data);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code)
      throw new Error(`cannot read queries ${path}: ${(error as Error).message}`);
    throw error;
  }
  if (queries.length === 0) throw new Error(`${path}: no queries`);
  return queries;
}
