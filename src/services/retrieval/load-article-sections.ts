import { and, eq, or } from "drizzle-orm";
import type { Database } from "../../db/database";
import { kbArticles, kbArticleVersions } from "../../db/schema";
import { chunkArticle } from "../knowledge/chunk-article";
import type { KnowledgeContext } from "../knowledge/context";
import { readIndexVersion } from "./search-snapshot";

export interface ArticleSection {
  headingPath: string[];
  anchor: string | null;
  /** The whole section under its heading, never a window cut mid-sentence. */
  text: string;
}

export interface ArticleSections {
  sections: ArticleSection[];
  /** The editors' titles and search terms per language (front matter `titles` and `terms`), as text. */
  aliases: Record<string, string>;
}

/** Parsed sections per database, valid for one index version (any knowledge change moves it). */
const cached = new WeakMap<Database, { version: number; articles: Map<string, ArticleSections> }>();
const MAX_CACHED_ARTICLES = 2000;

/**
 * Every section of the given published articles, in article order, keyed `articleId:lang`. Search
 * indexes long sections as overlapping windows; an answer is built from whole sections.
 */
export async function loadArticleSections(
  ctx: KnowledgeContext,
  articles: { articleId: string; lang: string }[],
): Promise<Map<string, ArticleSections>> {
  const out = new Map<string, ArticleSections>();
  if (articles.length === 0) return out;
  // A turn read these from the database and re-parsed them every time; they only change with the index.
  const version = await readIndexVersion(ctx.database);
  let cache = cached.get(ctx.database);
  if (!cache || cache.version !== version) {
    cache = { version, articles: new Map() };
    cached.set(ctx.database, cache);
  }
  const missing: { articleId: string; lang: string }[] = [];
  for (const article of articles) {
    const key = `${article.articleId}:${article.lang}`;
    const hit = cache.articles.get(key);
    if (hit) out.set(key, hit);
    else missing.push(article);
  }
  if (missing.length === 0) return out;
  const rows = await ctx.database.db
    .select({
      articleId: kbArticles.articleId,
      lang: kbArticles.lang,
      body: kbArticles.body,
      meta: kbArticleVersions.meta,
    })
    .from(kbArticles)
    .leftJoin(
      kbArticleVersions,
      and(
        eq(kbArticleVersions.articleId, kbArticles.articleId),
        eq(kbArticleVersions.lang, kbArticles.lang),
        eq(kbArticleVersions.version, kbArticles.version),
      ),
    )
    .where(
      and(
        eq(kbArticles.status, "published"),
        or(...missing.map((a) => and(eq(kbArticles.articleId, a.articleId), eq(kbArticles.lang, a.lang)))),
      ),
    );
  for (const row of rows) {
    const sections = chunkArticle(row.body, { maxChars: Number.MAX_SAFE_INTEGER });
    const loaded = {
      sections: sections.map(({ headingPath, anchor, text }) => ({ headingPath, anchor, text })),
      aliases: aliasesOf(row.meta ?? {}),
    };
    const key = `${row.articleId}:${row.lang}`;
    out.set(key, loaded);
    if (cache.articles.size >= MAX_CACHED_ARTICLES)
      cache.articles.delete(cache.articles.keys().next().value!);
    cache.articles.set(key, loaded);
  }
  return out;
}

function aliasesOf(meta: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ["titles", "terms"] as const) {
    const raw = meta[field];
    if (!raw) continue;
    try {
      const parsed = JSON.parse(raw) as Record<string, string | string[]>;
      for (const [lang, value] of Object.entries(parsed)) {
        const text = Array.isArray(value) ? value.join(", ") : value;
        out[lang] = out[lang] ? `${out[lang]}, ${text}` : text;
      }
    } catch {
      // Metadata written by an older version carries no aliases.
    }
  }
  return out;
}
