import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { loadConfig } from "../../config";
import { createEmbedder } from "../../configured-adapters";
import { kbArticles } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { KnowledgeContext } from "./context";
import { syncKnowledgeDir } from "./sync-knowledge-dir";

const SAMPLE_DIR = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const sampleFiles = ["en", "fr", "ro"].flatMap((lang) =>
  readdirSync(join(SAMPLE_DIR, lang)).filter((name) => name.endsWith(".md")),
);

function article(
  id: string,
  lang: string,
  title: string,
  body = `${title} explained.\n\n## Details\n\nMore.`,
) {
  return `---\nid: ${id}\nlang: ${lang}\ntitle: ${title}\n---\n${body}\n`;
}

forEachDatabase("syncKnowledgeDir", (use) => {
  let ctx: KnowledgeContext;
  const scratch = mkdtempSync(join(tmpdir(), "civicdesk-kb-"));
  beforeAll(async () => {
    const database = use();
    ctx = {
      database,
      embedder: await createEmbedder({ config: loadConfig({ LOG_LEVEL: "silent" }), database }),
    };
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const stored = (articleId: string, lang: string) =>
    use()
      .db.select()
      .from(kbArticles)
      .where(and(eq(kbArticles.articleId, articleId), eq(kbArticles.lang, lang)))
      .then((rows) => rows[0]);

  it("loads the sample knowledge base: every file, at least 40 English articles, translations sharing ids", async () => {
    const { summary, problems } = await syncKnowledgeDir({ ctx, dir: SAMPLE_DIR });
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ files: sampleFiles.length, added: sampleFiles.length, updated: 0 });

    const rows = await use()
      .db.select({ articleId: kbArticles.articleId, lang: kbArticles.lang, status: kbArticles.status })
      .from(kbArticles);
    expect(rows.filter((r) => r.lang === "en").length).toBeGreaterThanOrEqual(40);
    const langsOf = (id: string) =>
      rows
        .filter((r) => r.articleId === id)
        .map((r) => r.lang)
        .sort();
    expect(langsOf("glass-recycling")).toEqual(["en", "fr", "ro"]);
    expect(rows.filter((r) => r.lang === "fr").length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.lang === "ro").length).toBeGreaterThanOrEqual(15);
    expect(rows.find((r) => r.articleId === "garden-waste-charges-2027")?.status).toBe("draft");
    expect((await stored("glass-recycling", "fr"))?.title).toBe("Recyclage du verre");
  });

  it("changes nothing when run again on the same files", async () => {
    const { summary, problems } = await syncKnowledgeDir({ ctx, dir: SAMPLE_DIR });
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: sampleFiles.length });
  });

  it("skips and reports bad files, loads the good ones, and keeps what was stored for a file that broke", async () => {
    mkdirSync(join(scratch, "en"));
    mkdirSync(join(scratch, "fr"));
    writeFileSync(join(scratch, "README.md"), "not an article");
    writeFileSync(join(scratch, "en", "kb-test-first.md"), article("kb-test-first", "en", "First article"));
    let result = await syncKnowledgeDir({ ctx, dir: scratch });
    expect(result).toEqual({
      summary: { files: 1, added: 1, updated: 0, unchanged: 0, keptAppEdits: 0 },
      problems: [],
    });

    // The first article's front matter breaks; a new good file and several bad ones appear.
    writeFileSync(
      join(scratch, "en", "kb-test-first.md"),
      "---\nid: kb-test-first\ntitle: Broken: colon\n---\nBody",
    );
    writeFileSync(
      join(scratch, "en", "kb-test-second.md"),
      article("kb-test-second", "en", "Second article"),
    );
    writeFileSync(join(scratch, "en", "kb-test-empty.md"), article("kb-test-empty", "en", "Empty", " \n"));
    writeFileSync(
      join(scratch, "fr", "kb-test-wrong-folder.md"),
      article("kb-test-wrong-folder", "en", "Wrong"),
    );
    writeFileSync(
      join(scratch, "en", "kb-test-huge.md"),
      article("kb-test-huge", "en", "Huge", "All work and no play. ".repeat(240_000)),
    );
    result = await syncKnowledgeDir({ ctx, dir: scratch });

    expect(result.summary).toMatchObject({ files: 5, added: 1, updated: 0 });
    const problems = Object.fromEntries(
      result.problems.map((p) => [p.path.slice(scratch.length + 1), p.message]),
    );
    expect(Object.keys(problems).sort()).toEqual([
      "en/kb-test-empty.md",
      "en/kb-test-first.md",
      "en/kb-test-huge.md",
      "fr/kb-test-wrong-folder.md",
    ]);
    expect(problems["en/kb-test-first.md"]).toMatch(/kb-test-first\.md: the front matter is not valid YAML/);
    expect(problems["en/kb-test-empty.md"]).toMatch(/no body/);
    expect(problems["en/kb-test-huge.md"]).toMatch(/5\.\d MB, more than the 1\.0 MB/);
    expect(problems["fr/kb-test-wrong-folder.md"]).toMatch(/lang 'en' does not match the folder 'fr\/'/);

    expect((await stored("kb-test-first", "en"))?.title).toBe("First article");
    expect((await stored("kb-test-second", "en"))?.title).toBe("Second article");
    expect(await stored("kb-test-huge", "en")).toBeUndefined();
    expect((await stored("glass-recycling", "en"))?.title).toBe("Glass recycling");
  });

  it("refuses a folder that does not exist", async () => {
    await expect(syncKnowledgeDir({ ctx, dir: join(scratch, "missing") })).rejects.toThrow(
      new DomainError("invalid_input", `knowledge folder '${join(scratch, "missing")}' does not exist`),
    );
  });
});
