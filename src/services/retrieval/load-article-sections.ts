import { and, eq, or } from "drizzle-orm";
import { kbArticles } from "../../db/schema";
import { chunkArticle } from "../knowledge/chunk-article";
import type { KnowledgeContext } from "../knowledge/context";

export interface ArticleSection {
  headingPath: string[];
  anchor: string | null;
  /** The whole section under its heading, never a window cut mid-sentence. */
  text: string;
}

/**
 * Every section of the given published articles, in article order, keyed `articleId:lang`. Search
 * indexes long sections as overlapping windows; an answer is built from whole sections.
 */
export async function loadArticleSections(
  ctx: KnowledgeContext,
  articles: { articleId: string; lang: string }[],
): Promise<Map<string, ArticleSection[]>> {
  const out = new Map<string, ArticleSection[]>();
  if (articles.length === 0) return out;
  const rows = await ctx.database.db
    .select({ articleId: kbArticles.articleId, lang: kbArticles.lang, body: kbArticles.body })
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.status, "published"),
        or(...articles.map((a) => and(eq(kbArticles.articleId, a.articleId), eq(kbArticles.lang, a.lang)))),
      ),
    );
  for (const row of rows) {
    const sections = chunkArticle(row.body, { maxChars: Number.MAX_SAFE_INTEGER });
    out.set(
      `${row.articleId}:${row.lang}`,
      sections.map(({ headingPath, anchor, text }) => ({ headingPath, anchor, text })),
    );
  }
  return out;
}
