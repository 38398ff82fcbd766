import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createLocalEmbedder } from "../../adapters/embedder-local";
import type { ArticleInput } from "../knowledge/article-input";
import type { KnowledgeContext } from "../knowledge/context";
import { upsertArticles } from "../knowledge/upsert-articles";
import { searchKnowledge } from "./search-knowledge";

const article = (articleId: string, category: string, title: string, body: string): ArticleInput => ({
  articleId,
  lang: "en",
  title,
  body,
  category,
  status: "published",
});

// Two articles with the same words, in different categories; the other hits for the question are all
// about work. The housing one is stored first, so on a tie of text alone it would rank first.
const ARTICLES = [
  article("housing-saturday", "Housing", "Saturday rules", "The rules for Saturday shifts and hours."),
  article("work-saturday", "Work", "Saturday rules", "The rules for Saturday shifts and hours."),
  article(
    "work-sunday",
    "Work",
    "Sunday shifts",
    "Shifts on Sunday are paid at a higher rate; hours are limited.",
  ),
  article("work-night", "Work", "Night shifts", "Night shifts need a health check; the hours are limited."),
  article(
    "work-overtime",
    "Work",
    "Overtime hours",
    "Hours above the contract are overtime and shifts may be refused.",
  ),
  article("bins", "Waste", "Bin collection", "Bins are collected every week on the same day."),
];

forEachDatabase("category support", (use) => {
  let ctx: KnowledgeContext;
  beforeAll(async () => {
    ctx = { database: use(), embedder: createLocalEmbedder({ database: use() }) };
    await upsertArticles({ ctx, articles: ARTICLES, origin: "import" });
  });

  it("lifts an article in the category most of the best hits share above an equal one elsewhere", async () => {
    const hits = await searchKnowledge({
      ctx,
      query: { q: "rules for saturday shifts hours", lang: "en", k: 5 },
    });
    const ids = hits.map((h) => h.articleId);
    expect(ids.indexOf("work-saturday")).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf("work-saturday")).toBeLessThan(ids.indexOf("housing-saturday"));
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
  });
});
