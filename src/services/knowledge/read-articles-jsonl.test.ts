import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readArticlesJsonl } from "./read-articles-jsonl";

const dir = mkdtempSync(join(tmpdir(), "civicdesk-jsonl-"));
const line = (o: object) => JSON.stringify(o);
const good = {
  id: "F1",
  title: "Titre",
  body: "Corps de l'article.",
  lang: "fr",
  url: null,
  category: "Travail",
};

async function readAll(path: string) {
  const out = [];
  for await (const a of readArticlesJsonl(path)) out.push(a);
  return out;
}

describe("readArticlesJsonl", () => {
  it("reads the shared format, plain or gzipped", async () => {
    const text = `${line(good)}\n\n${line({ ...good, id: "F2", url: "https://x.example/F2" })}\n`;
    writeFileSync(join(dir, "a.jsonl"), text);
    writeFileSync(join(dir, "a.jsonl.gz"), gzipSync(text));
    for (const file of ["a.jsonl", "a.jsonl.gz"]) {
      const articles = await readAll(join(dir, file));
      expect(articles.map((a) => a.articleId)).toEqual(["F1", "F2"]);
      expect(articles[0]).toMatchObject({ lang: "fr", category: "Travail", status: "published" });
      expect(articles[0]!.url).toBeUndefined();
      expect(articles[1]!.url).toBe("https://x.example/F2");
    }
  });

  it("names the file and line of bad input", async () => {
    writeFileSync(join(dir, "bad.jsonl"), `${line(good)}\n{not json\n`);
    await expect(readAll(join(dir, "bad.jsonl"))).rejects.toThrow(/bad\.jsonl:2: not valid JSON/);
    writeFileSync(
      join(dir, "empty.jsonl"),
      `${line(good)}\n${line(good)}\n${line({ ...good, body: " " })}\n`,
    );
    await expect(readAll(join(dir, "empty.jsonl"))).rejects.toThrow(
      /empty\.jsonl:3: body: the article body is empty/,
    );
    writeFileSync(join(dir, "lang.jsonl"), line({ ...good, lang: "français" }));
    await expect(readAll(join(dir, "lang.jsonl"))).rejects.toThrow(/lang\.jsonl:1: lang/);
  });
});
