import { describe, expect, it } from "vitest";
import { chunkArticle, slugifyHeading } from "./chunk-article";

describe("chunkArticle", () => {
  it("cuts at headings and keeps the heading path and anchor", () => {
    const body = [
      "Intro paragraph.",
      "## Collection days",
      "Bins go out on Monday.",
      "### Glass",
      "Glass every second Friday.",
      "## Collection days",
      "Repeated heading.",
      "```",
      "# not a heading inside a fence",
      "```",
    ].join("\n");
    const chunks = chunkArticle(body);
    expect(chunks.map((c) => c.headingPath)).toEqual([
      [],
      ["Collection days"],
      ["Collection days", "Glass"],
      ["Collection days"],
    ]);
    expect(chunks.map((c) => c.anchor)).toEqual([null, "collection-days", "glass", "collection-days-1"]);
    expect(chunks[3]!.text).toContain("# not a heading inside a fence");
  });

  it("splits long sections into overlapping windows within the size limit", () => {
    const sentences = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} about parking permits.`);
    const chunks = chunkArticle(`## Permits\n${sentences.join(" ")}`, { maxChars: 400, overlapChars: 80 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(400);
      expect(chunk.headingPath).toEqual(["Permits"]);
    }
    // Consecutive windows share text, so nothing is lost at a cut.
    const tail = chunks[0]!.text.slice(-30);
    expect(chunks[1]!.text).toContain(tail.slice(tail.indexOf(" ") + 1));
    expect(chunks.at(-1)!.text).toContain("Sentence number 79");
  });

  it("cuts a text without any spaces at the size limit", () => {
    const chunks = chunkArticle("x".repeat(5000), { maxChars: 1000, overlapChars: 100 });
    expect(chunks.every((c) => c.text.length <= 1000)).toBe(true);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
  });

  it("slugs headings like GitHub, keeping letters with accents", () => {
    expect(slugifyHeading("Congés payés : calcul (2024)")).toBe("congés-payés-calcul-2024");
  });
});
