import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { parseOptions, UsageError } from "../cli/run-cli";
import { loadConfig } from "../config";
import { createEmbedder } from "../configured-adapters";
import { createDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import type { ArticleInput } from "../services/knowledge/article-input";
import type { KnowledgeContext } from "../services/knowledge/context";
import { readArticlesJsonl } from "../services/knowledge/read-articles-jsonl";
import { syncKnowledgeDir } from "../services/knowledge/sync-knowledge-dir";
import { upsertArticles } from "../services/knowledge/upsert-articles";
import { searchKnowledge } from "../services/retrieval/search-knowledge";

const RetrievalQuery = z.object({
  id: z.string(),
  query: z.string(),
  lang: z.string(),
  /** Empty: a question the knowledge base cannot answer, where search should find nothing. */
  relevant: z.array(z.string()),
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
  /** Queries with an expected article, per language. */
  per_lang: Record<string, { n: number; recall_at_1: number; recall_at_5: number; mrr: number }>;
  /**
   * Out-of-scope queries (no relevant article): how many found nothing, and of all queries that found
   * nothing, the share that were out of scope (the precision of "nothing relevant").
   */
  no_answer?: { out_of_scope: number; declined: number; found_nothing: number; precision: number };
}

const USAGE =
  "usage: retrieval (--articles FILE | --kb-dir DIR) --queries FILE [--k 10] [--no-titles] [--half A|B] [--verbose]";
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Indexes the articles into a fresh in-memory database and runs every query through the same search
 * the app uses. recall@n counts queries with at least one relevant article in the first n results;
 * MRR uses the first relevant article within --k. Latency is per search, after one warm-up query.
 * --kb-dir reads a knowledge folder (`<lang>/<id>.md`) as the app does; --half keeps the queries of one
 * half of the expected articles (split by a hash of the article id), to check a setting chosen on the other.
 */
export async function runRetrievalEval(argv: string[]): Promise<RetrievalResult> {
  const options = parseOptions(argv, {
    articles: "string",
    queries: "string",
    k: "string",
    "kb-dir": "string",
    "no-titles": "boolean",
    half: "string",
    verbose: "boolean",
  });
  const articlesFile = typeof options.articles === "string" ? options.articles : undefined;
  const kbDir = typeof options["kb-dir"] === "string" ? options["kb-dir"] : undefined;
  if ((articlesFile === undefined) === (kbDir === undefined) || typeof options.queries !== "string")
    throw new UsageError(USAGE);
  const half = options.half;
  if (half !== undefined && half !== "A" && half !== "B") throw new UsageError("--half must be A or B");
  const k = options.k === undefined ? 10 : Number(options.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError("--k must be an integer from 1 to 50");
  const queries = (await readQueries(options.queries)).filter(
    (query) => half === undefined || halfOf(query.relevant[0] ?? query.id) === half,
  );
  if (queries.length === 0) throw new UsageError("no queries in that half");

  const config = loadConfig(process.env);
  const database = await createDatabase({ dataDir: "memory://" });
  try {
    await migrateDatabase(database);
    const ctx: KnowledgeContext = { database, embedder: await createEmbedder({ config, database }) };
    const started = performance.now();
    let added: number;
    if (kbDir !== undefined) {
      const { summary, problems } = await syncKnowledgeDir({ ctx, dir: kbDir });
      for (const problem of problems) process.stderr.write(`skipped ${problem.message}\n`);
      added = summary.added;
    } else {
      const articles: ArticleInput[] = [];
      for await (const article of readArticlesJsonl(articlesFile!)) articles.push(article);
      const summary = await upsertArticles({
        ctx,
        articles,
        origin: "import",
        indexTitles: !options["no-titles"],
      });
      added = summary.added;
    }
    const indexMs = Math.round(performance.now() - started);
    process.stderr.write(`indexed ${added} articles in ${indexMs} ms with ${ctx.embedder.id}\n`);

    await searchKnowledge({ ctx, query: { q: queries[0]!.query, lang: queries[0]!.lang, k } });
    const latencies: number[] = [];
    let hits1 = 0;
    let hits5 = 0;
    let hits10 = 0;
    let reciprocal = 0;
    const perLang = new Map<string, { n: number; hits1: number; hits5: number; reciprocal: number }>();
    let outOfScope = 0;
    let declined = 0;
    let foundNothing = 0;
    for (const query of queries) {
      const t0 = performance.now();
      const hits = await searchKnowledge({ ctx, query: { q: query.query, lang: query.lang, k } });
      latencies.push(performance.now() - t0);
      if (hits.length === 0) foundNothing += 1;
      if (query.relevant.length === 0) {
        outOfScope += 1;
        if (hits.length === 0) declined += 1;
        else if (options.verbose)
          process.stderr.write(`stray ${query.id} ${JSON.stringify(query.query)} -> ${hits[0]!.articleId}\n`);
        continue;
      }
      const relevant = new Set(query.relevant);
      const rank = hits.findIndex((h) => relevant.has(h.articleId));
      if (rank === 0) hits1 += 1;
      if (rank >= 0 && rank < 5) hits5 += 1;
      if (rank >= 0 && rank < 10) hits10 += 1;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
      let lang = perLang.get(query.lang);
      if (!lang) {
        lang = { n: 0, hits1: 0, hits5: 0, reciprocal: 0 };
        perLang.set(query.lang, lang);
      }
      lang.n += 1;
      if (rank === 0) lang.hits1 += 1;
      if (rank >= 0 && rank < 5) lang.hits5 += 1;
      if (rank >= 0) lang.reciprocal += 1 / (rank + 1);
      if (options.verbose && rank !== 0) {
        process.stderr.write(
          `${rank < 0 ? "miss" : `rank${rank + 1}`} ${query.id} ${JSON.stringify(query.query)} -> ${hits.slice(0, 3).map((h) => h.articleId)}\n`,
        );
      }
    }
    latencies.sort((a, b) => a - b);
    const n = queries.length - outOfScope;
    const total = latencies.length;
    const percentile = (p: number) => round(latencies[Math.min(total - 1, Math.floor((p / 100) * total))]!);
    const share = (x: number) => round(n > 0 ? x / n : 0);
    return {
      n,
      recall_at_1: share(hits1),
      recall_at_5: share(hits5),
      recall_at_10: share(hits10),
      mrr: share(reciprocal),
      latency_ms: { p50: percentile(50), p95: percentile(95) },
      index_ms: indexMs,
      per_lang: Object.fromEntries(
        [...perLang].map(([lang, s]) => [
          lang,
          {
            n: s.n,
            recall_at_1: round(s.hits1 / s.n),
            recall_at_5: round(s.hits5 / s.n),
            mrr: round(s.reciprocal / s.n),
          },
        ]),
      ),
      ...(outOfScope > 0
        ? {
            no_answer: {
              out_of_scope: outOfScope,
              declined,
              found_nothing: foundNothing,
              precision: round(foundNothing > 0 ? declined / foundNothing : 1),
            },
          }
        : {}),
    };
  } finally {
    await database.close();
  }
}

/** A stable split of the articles into two halves: the low bit of a small hash of the id. */
function halfOf(key: string): "A" | "B" {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? "A" : "B";
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
