import { describe, expect, it } from "vitest";
import type { KnowledgePassage } from "./assistant-deps";
import { cleanAnswerText, createTokenSanitizer, groundPassages, resolveCitations } from "./ground-answer";

const PASSAGES: KnowledgePassage[] = [
  {
    articleId: "glass-recycling",
    title: "Glass recycling",
    url: "https://city.example/glass#when",
    headingPath: ["Glass recycling", "When"],
    text: "Glass goes every two weeks. Finder: https://city.example/find-my-day.",
    score: 0.9,
    lang: "en",
  },
  {
    articleId: "glass-recycling",
    title: "Glass recycling",
    url: "https://city.example/glass#when",
    headingPath: ["Glass recycling", "When"],
    text: "Same section, second chunk.",
    score: 0.8,
    lang: "en",
  },
  {
    articleId: "bins",
    title: "Bin collection days",
    url: "https://city.example/bins",
    headingPath: [],
    text: "Bins weekly.",
    score: 0.5,
    lang: "fr",
  },
];

describe("grounding", () => {
  const grounding = groundPassages(PASSAGES);

  it("shows the model opaque ids and no URLs", () => {
    expect(grounding.passages.map((p) => p.id)).toEqual(["P1", "P2", "P3"]);
    expect(JSON.stringify(grounding.passages)).not.toContain("city.example/glass#");
  });

  it("resolves cited ids to article links once each and drops ids it never gave out", () => {
    expect(resolveCitations(["P2", "P9", "P1", "P3", "X"], grounding)).toEqual([
      { articleId: "glass-recycling", title: "Glass recycling", url: "https://city.example/glass#when" },
      { articleId: "bins", title: "Bin collection days", url: "https://city.example/bins" },
    ]);
  });

  it("strips markers and links that are not in the knowledge base", () => {
    const text =
      "Glass goes fortnightly [P1]. Check https://city.example/find-my-day or [this form](https://evil.example/x) [P1, P3]. Also https://evil.example/y.";
    expect(cleanAnswerText(text, grounding.allowedUrls)).toBe(
      "Glass goes fortnightly. Check https://city.example/find-my-day or this form. Also.",
    );
  });

  it("sanitises a token stream the same way, whatever the chunking", () => {
    const text =
      "Glass goes fortnightly [P1]. See https://evil.example/a-long-path and https://city.example/find-my-day [P2].";
    for (const size of [1, 2, 3, 7, 50]) {
      const out: string[] = [];
      const sanitizer = createTokenSanitizer(grounding.allowedUrls, (t) => out.push(t));
      for (let i = 0; i < text.length; i += size) sanitizer.push(text.slice(i, i + size));
      sanitizer.flush();
      const streamed = out.join("");
      expect(streamed).not.toMatch(/\[P|evil/);
      expect(streamed.replace(/\s+/g, " ")).toBe(cleanAnswerText(text, grounding.allowedUrls));
    }
  });
});
