import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createLocalEmbedder } from "../../adapters/embedder-local";
import { searchKnowledge } from "../retrieval/search-knowledge";
import { ArticleInput } from "./article-input";
import type { KnowledgeContext } from "./context";
import { vectorIndexName } from "./embed-pending-chunks";
import { createHashingEmbedder, FIXTURE_ARTICLES } from "./knowledge.fixture";
import { MAX_INDEXED_BODY_CHARS, upsertArticles } from "./upsert-articles";

forEachDatabase("upsertArticles", (use) => {
  const context = (): KnowledgeContext => ({
    database: use(),
    embedder: createLocalEmbedder({ database: use() }),
  });
  const count = async (statement: ReturnType<typeof sql>) =>
    Number((await use().query<{ n: number }>(statement))[0]!.n);

  it("adds articles, then changes nothing when the same input comes again", async () => {
    const ctx = context();
    const first = await upsertArticles({ ctx, articles: FIXTURE_ARTICLES, origin: "file" });
    expect(first).toEqual({ added: FIXTURE_ARTICLES.length, updated: 0, unchanged: 0, keptAppEdits: 0 });
    const chunksBefore = await use().query(
      sql`select doc_key, ord, text, embedder_id from kb_chunks order by 1, 2`,
    );
    const again = await upsertArticles({ ctx, articles: FIXTURE_ARTICLES, origin: "file" });
    expect(again).toEqual({ added: 0, updated: 0, unchanged: FIXTURE_ARTICLES.length, keptAppEdits: 0 });
    expect(
      await use().query(sql`select doc_key, ord, text, embedder_id from kb_chunks order by 1, 2`),
    ).toEqual(chunksBefore);
    expect(await count(sql`select count(*)::int as n from kb_article_versions`)).toBe(
      FIXTURE_ARTICLES.length,
    );
  });

  it("re-indexes only the edited article and keeps its earlier version", async () => {
    const ctx = context();
    const before = await use().query<{ doc_key: number; ord: number; text: string }>(
      sql`select doc_key, ord, text from kb_chunks where article_id <> 'library-hours' order by 1, 2`,
    );
    const edited = FIXTURE_ARTICLES.map((a) =>
      a.articleId === "library-hours"
        ? { ...a, body: `${a.body}\n\n## Sundays\nOpen on Sundays from 10am to 4pm.` }
        : a,
    );
    const summary = await upsertArticles({ ctx, articles: edited, origin: "file" });
    expect(summary).toEqual({
      added: 0,
      updated: 1,
      unchanged: FIXTURE_ARTICLES.length - 1,
      keptAppEdits: 0,
    });
    const versions = await use().query<{ version: number }>(
      sql`select version from kb_article_versions where article_id = 'library-hours' order by version`,
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const after = await use().query(
      sql`select doc_key, ord, text from kb_chunks where article_id <> 'library-hours' order by 1, 2`,
    );
    expect(after).toEqual(before);
    const hits = await searchKnowledge({ ctx, query: { q: "library open on Sundays", lang: "en" } });
    expect(hits[0]?.articleId).toBe("library-hours");
    expect(hits[0]?.passage.headingPath).toEqual(["Sundays"]);
  });

  it("keeps an article edited in the app when the file changes", async () => {
    const ctx = context();
    await use().query(
      sql`update kb_articles set origin = 'app', body = 'Edited by the editor.', content_hash = 'app-edit' where article_id = 'council-tax'`,
    );
    const edited = FIXTURE_ARTICLES.map((a) =>
      a.articleId === "council-tax" ? { ...a, title: "Council tax" } : a,
    );
    const summary = await upsertArticles({ ctx, articles: edited, origin: "file" });
    expect(summary.keptAppEdits).toBe(1);
    const [row] = await use().query<{ body: string; title: string }>(
      sql`select body, title from kb_articles where article_id = 'council-tax'`,
    );
    expect(row).toEqual({ body: "Edited by the editor.", title: "Pay your council tax" });
  });

  it("re-embeds every passage when the embedder changes, without losing articles", async () => {
    const articlesBefore = await count(sql`select count(*)::int as n from kb_articles`);
    const chunks = await count(sql`select count(*)::int as n from kb_chunks`);
    const embedder = createHashingEmbedder();
    const summary = await upsertArticles({
      ctx: { database: use(), embedder },
      articles: [],
      origin: "file",
    });
    expect(summary.added + summary.updated).toBe(0);
    expect(await count(sql`select count(*)::int as n from kb_articles`)).toBe(articlesBefore);
    expect(
      await count(sql`select count(*)::int as n from kb_chunks where embedder_id = ${embedder.id}`),
    ).toBe(chunks);
    const indexes = await use().query<{ indexname: string }>(
      sql`select indexname from pg_indexes where tablename = 'kb_chunks' and indexname like 'kb_chunks_hnsw_%'`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual([vectorIndexName(embedder.id)]);
    const hits = await searchKnowledge({
      ctx: { database: use(), embedder },
      query: { q: "glass bottles", lang: "en" },
    });
    expect(hits[0]?.articleId).toBe("bin-collection");
  });

  it("rejects bad input with a message naming the article", async () => {
    const ctx = context();
    const base = FIXTURE_ARTICLES[0]!;
    expect(ArticleInput.safeParse({ ...base, lang: "french" }).success).toBe(false);
    expect(ArticleInput.safeParse({ ...base, lang: "EN" }).success).toBe(false);
    await expect(
      upsertArticles({ ctx, articles: [{ ...base, articleId: "empty", body: "   " }], origin: "file" }),
    ).rejects.toThrow(/empty.*body: the article body is empty/);
    await expect(
      upsertArticles({ ctx, articles: [{ ...base, lang: "english" }], origin: "file" }),
    ).rejects.toThrow(/lang/);
    await expect(upsertArticles({ ctx, articles: [base, base], origin: "file" })).rejects.toThrow(
      /appears twice/,
    );
  });

  it("stores a 5 MB article whole and indexes its first part", async () => {
    const ctx = context();
    const paragraph = "Planning applications for loft conversions need drawings and a site plan. ";
    const huge = `${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}\n\nThe end mentions a zeppelin.`;
    const summary = await upsertArticles({
      ctx,
      articles: [{ ...FIXTURE_ARTICLES[0]!, articleId: "planning-huge", title: "Planning", body: huge }],
      origin: "import",
    });
    expect(summary.added).toBe(1);
    const [row] = await use().query<{ length: number; indexed_chars: number }>(
      sql`select length(body) as length, indexed_chars from kb_articles where article_id = 'planning-huge'`,
    );
    expect(Number(row!.length)).toBe(huge.length);
    expect(row!.indexed_chars).toBe(MAX_INDEXED_BODY_CHARS);
    const hits = await searchKnowledge({ ctx, query: { q: "loft conversion drawings", lang: "en" } });
    expect(hits[0]?.articleId).toBe("planning-huge");
    expect(hits[0]!.passage.text.length).toBeLessThanOrEqual(1500);
  }, 120_000);
});
