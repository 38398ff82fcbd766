import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createLocalEmbedder } from "../../adapters/embedder-local";
import type { KnowledgeContext } from "../knowledge/context";
import { FIXTURE_ARTICLES } from "../knowledge/knowledge.fixture";
import { upsertArticles } from "../knowledge/upsert-articles";
import { searchKnowledge } from "./search-knowledge";

forEachDatabase("searchKnowledge", (use) => {
  let ctx: KnowledgeContext;
  beforeAll(async () => {
    ctx = { database: use(), embedder: createLocalEmbedder({ database: use() }) };
    await upsertArticles({ ctx, articles: FIXTURE_ARTICLES, origin: "file" });
  });
  const search = (q: string, lang?: string, k?: number) => searchKnowledge({ ctx, query: { q, lang, k } });

  it("ranks the matching article first in English and in French, with the matching section", async () => {
    const en = await search("when are glass bottles collected?", "en");
    expect(en[0]).toMatchObject({
      articleId: "bin-collection",
      lang: "en",
      url: "https://city.example/bins",
    });
    expect(en[0]!.passage).toMatchObject({ headingPath: ["Glass"], anchor: "glass" });
    expect(en[0]!.snippet).toMatch(/Glass bottles/);
    const fr = await search("Où mettre les bouteilles en plastique ?", "fr");
    expect(fr[0]).toMatchObject({ articleId: "bin-collection", lang: "fr" });
    expect(fr[0]!.passage.headingPath).toEqual(["Recyclage"]);
    const permit = await search("how much is a residents parking permit", "en");
    expect(permit[0]!.articleId).toBe("parking-permit");
    expect(permit[0]!.score).toBeGreaterThan(permit[1]?.score ?? 0);
  });

  it("gives snippets as plain text, whatever Markdown the article is written in", async () => {
    await upsertArticles({
      ctx,
      origin: "file",
      articles: [
        {
          articleId: "collection-days",
          lang: "en",
          title: "Collection days",
          body: "## Your day\n\nYour day depends on where you live:\n\n- **Monday**: Hillcrest and Northgate\n- **Tuesday**: Eastfield\n\nUse the [day finder](https://city.example/finder) or `postcode` search.",
          status: "published",
        },
      ],
    });
    const [hit] = await search("which day for Hillcrest", "en");
    expect(hit?.articleId).toBe("collection-days");
    expect(hit!.snippet).toContain("Monday: Hillcrest and Northgate");
    expect(hit!.snippet).not.toMatch(/\*\*|^- |\]\(|`/m);
  });

  it("matches across accents, typos and word forms", async () => {
    expect((await search("stationement resident", "fr"))[0]?.articleId).toBe("parking-permit");
    expect((await search("libary opening", "en"))[0]?.articleId).toBe("library-hours");
  });

  it("prefers the asker's translation and falls back to other languages", async () => {
    const fr = await search("parking permit price", "fr");
    expect(fr[0]).toMatchObject({ articleId: "parking-permit", lang: "fr" });
    const fallback = await search("library opening hours", "fr");
    expect(fallback[0]).toMatchObject({ articleId: "library-hours", lang: "en" });
    const noise = await search("bruit des voisins la nuit", "en");
    expect(noise[0]).toMatchObject({ articleId: "noise-nuisance", lang: "fr" });
  });

  it("returns one result per article and respects k", async () => {
    const hits = await search("recycling bins collection", undefined, 10);
    const ids = hits.map((h) => h.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await search("bins", "en", 1)).toHaveLength(1);
  });

  it("returns nothing for unrelated or gibberish questions", async () => {
    expect(await search("qwzxv plorfk", "en")).toEqual([]);
    expect(await search("who won the football world cup final", "en")).toEqual([]);
    expect(await search("   ", "en")).toEqual([]);
  });

  it("never returns drafts", async () => {
    expect(await search("swimming pool timetable lessons", "en")).toEqual([]);
  });

  it("sees changes made by another process through the index version", async () => {
    const other: KnowledgeContext = { database: use(), embedder: createLocalEmbedder({ database: use() }) };
    await upsertArticles({
      ctx: other,
      articles: [
        {
          articleId: "swimming-pool",
          lang: "en",
          title: "Swimming pool timetable",
          body: "The new swimming pool is open. Lane swimming every morning, lessons on Saturdays.",
          status: "published",
        },
      ],
      origin: "file",
    });
    expect((await search("swimming pool timetable", "en"))[0]?.articleId).toBe("swimming-pool");
  });

  it("finds an article with no translation from the titles and terms its editors gave in the asker's language", async () => {
    const death = {
      articleId: "register-death",
      lang: "en",
      title: "Register a death",
      body: "A death must be registered within five days at the Register Office.\n\n## What to bring\nThe medical certificate of cause of death.",
      status: "published" as const,
    };
    await upsertArticles({ ctx, articles: [death], origin: "file" });
    const question = "Mein Vater ist gestorben, wo melde ich den Todesfall?";
    expect((await search(question, "de"))[0]?.articleId).not.toBe("register-death");
    await upsertArticles({
      ctx,
      articles: [
        {
          ...death,
          titles: { de: "Sterbefall beim Standesamt anmelden", ro: "Înregistrarea unui deces" },
          terms: { de: ["gestorben", "Todesfall", "Sterbeurkunde"] },
        },
      ],
      origin: "file",
    });
    expect((await search(question, "de"))[0]).toMatchObject({ articleId: "register-death", lang: "en" });
    expect((await search("a murit tatăl meu, înregistrarea decesului", "ro"))[0]?.articleId).toBe(
      "register-death",
    );
    // The German words meet German questions only, never an English one that happens to share them.
    expect(await search("standesamt", "en")).toEqual([]);
  });
});
