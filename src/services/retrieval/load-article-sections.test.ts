import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import type { KnowledgeContext } from "../knowledge/context";
import { createHashingEmbedder, FIXTURE_ARTICLES } from "../knowledge/knowledge.fixture";
import { upsertArticles } from "../knowledge/upsert-articles";
import { loadArticleSections } from "./load-article-sections";

forEachDatabase("loadArticleSections", (use) => {
  const bins = { articleId: "bin-collection", lang: "en" };
  const glassOf = async (ctx: KnowledgeContext) =>
    (await loadArticleSections(ctx, [bins]))
      .get("bin-collection:en")
      ?.sections.find((s) => s.anchor === "glass")?.text;

  it("reuses parsed sections while the index version stands, and shows an edit made here at once", async () => {
    const ctx: KnowledgeContext = { database: use(), embedder: createHashingEmbedder() };
    await upsertArticles({ ctx, articles: FIXTURE_ARTICLES, origin: "file" });
    expect(await glassOf(ctx)).toContain("every second Friday");

    // A body changed behind the index's back (no version bump) is not read again: the turn's round trip is saved.
    await use().query(
      sql`update kb_articles set body = replace(body, 'every second Friday', 'on Mondays') where article_id = 'bin-collection' and lang = 'en'`,
    );
    expect(await glassOf(ctx)).toContain("every second Friday");

    // An edit through ingestion moves the version, and the next load has the new text.
    const edited = FIXTURE_ARTICLES.map((a) =>
      a.articleId === bins.articleId && a.lang === "en"
        ? { ...a, body: a.body.replace("every second Friday", "every Tuesday") }
        : a,
    );
    await upsertArticles({ ctx, articles: edited, origin: "file" });
    expect(await glassOf(ctx)).toContain("every Tuesday");
  });
});
