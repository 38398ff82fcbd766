import { describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors";
import { parseArticleFile } from "./parse-article-file";

const PATH = "knowledge/en/glass-recycling.md";

function file(frontMatter: string, body = "Glass goes in the purple box.\n\n## When\n\nEvery other week.") {
  return `---\n${frontMatter}\n---\n${body}\n`;
}

const GOOD = file(
  [
    "id: glass-recycling",
    "lang: en",
    'title: "Glass recycling: bottles and jars"',
    "category: waste-and-recycling",
    "service: missed-bin",
    "department: waste",
    "url: https://www.riverton.example/waste/glass-recycling",
    "owner: waste-team",
    "reviewed: 2026-10-12",
    "status: in_review",
  ].join("\n"),
);

function rejection(text: string, path = PATH): DomainError {
  try {
    parseArticleFile({ path, text });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid_input");
    expect((error as DomainError).message.startsWith(`${path}: `)).toBe(true);
    return error as DomainError;
  }
  throw new Error("the file was accepted");
}

describe("parseArticleFile", () => {
  it("reads every front matter field and the body", () => {
    expect(parseArticleFile({ path: PATH, text: GOOD })).toEqual({
      articleId: "glass-recycling",
      lang: "en",
      title: "Glass recycling: bottles and jars",
      body: "Glass goes in the purple box.\n\n## When\n\nEvery other week.",
      url: "https://www.riverton.example/waste/glass-recycling",
      category: "waste-and-recycling",
      service: "missed-bin",
      department: "waste",
      owner: "waste-team",
      reviewed: "2026-10-12",
      status: "in_review",
      sourcePath: PATH,
    });
  });

  it("defaults to published, accepts CRLF line ends and a byte order mark, and keeps numeric-looking values as written", () => {
    const text = "\uFEFF---\r\nid: 2024\r\nlang: en\r\ntitle: 0123\r\nowner:\r\n---\r\nBody text.\r\n";
    const article = parseArticleFile({ path: "knowledge/en/2024.md", text });
    expect(article).toMatchObject({
      articleId: "2024",
      title: "0123",
      status: "published",
      body: "Body text.",
    });
    expect(article.owner).toBeUndefined();
  });

  it.each([
    ["no front matter at all", "Just some text.", /must start with a '---' line/],
    ["front matter never closed", "---\nid: glass-recycling\nlang: en\ntitle: Glass\n\nBody", /never closed/],
    [
      "a colon in an unquoted title",
      file("id: glass-recycling\nlang: en\ntitle: Glass: bottles"),
      /not valid YAML on line 4: .*quote values/,
    ],
    [
      "a duplicated field",
      file("id: glass-recycling\nlang: en\nlang: fr\ntitle: Glass"),
      /not valid YAML on line 4: Map keys must be unique/,
    ],
    ["a list instead of a mapping", file("- id\n- lang"), /must be a YAML mapping/],
    [
      "a field holding a list",
      file("id: glass-recycling\nlang: en\ntitle: [a, b]"),
      /'title' must be a single value/,
    ],
    [
      "an unknown field (a typo)",
      file("id: glass-recycling\nlang: en\ntitel: Glass"),
      /unknown front matter field 'titel'/,
    ],
    ["a missing id", file("lang: en\ntitle: Glass"), /'id' is required/],
    ["a missing title", file("id: glass-recycling\nlang: en\ntitle: '  '"), /'title' is required/],
    ["a missing lang", file("id: glass-recycling\ntitle: Glass"), /'lang' is required/],
    [
      "an unknown language",
      file("id: glass-recycling\nlang: xx\ntitle: Glass"),
      /'xx' is not a known two-letter/,
    ],
    ["a language name", file("id: glass-recycling\nlang: english\ntitle: Glass"), /'english' is not a known/],
    [
      "a language that is not the folder's",
      file("id: glass-recycling\nlang: fr\ntitle: Verre"),
      /lang 'fr' does not match the folder 'en\/'/,
    ],
    [
      "an id that is not the file name",
      file("id: glass\nlang: en\ntitle: Glass"),
      /name the file 'glass.md'/,
    ],
    [
      "an id with spaces",
      file("id: glass recycling\nlang: en\ntitle: Glass"),
      /does not match the file name/,
    ],
    ["an empty body", file("id: glass-recycling\nlang: en\ntitle: Glass", "\n  \n\t\n"), /no body/],
    ["an unknown status", file("id: glass-recycling\nlang: en\ntitle: Glass\nstatus: live"), /status 'live'/],
    [
      "a url that is not http",
      file("id: glass-recycling\nlang: en\ntitle: Glass\nurl: www.x.example"),
      /url/,
    ],
    [
      "an impossible review date",
      file("id: glass-recycling\nlang: en\ntitle: Glass\nreviewed: 2026-02-30"),
      /YYYY-MM-DD/,
    ],
  ])("rejects %s", (_label, text, message) => {
    expect(rejection(text).message).toMatch(message);
  });

  it("names the offending field in the error details", () => {
    expect(
      rejection(file("id: glass-recycling\nlang: en\ntitle: Glass\nstatus: live")).details.errors,
    ).toEqual([{ path: "status", message: "unknown status" }]);
  });

  it("rejects a 5 MB article, saying how large it is and what the cap is", () => {
    const huge = file("id: glass-recycling\nlang: en\ntitle: Glass", "word ".repeat(1_000_000));
    expect(rejection(huge).message).toMatch(/the file is 4\.8 MB, more than the 1\.0 MB/);
  });

  it("accepts an article just under the cap", () => {
    const body = "x".repeat(1024 * 1024 - 200);
    expect(
      parseArticleFile({ path: PATH, text: file("id: glass-recycling\nlang: en\ntitle: Glass", body) }).body,
    ).toBe(body);
  });

  it("reads per-language titles and search terms, as a list or a comma-separated text", () => {
    const text = file(
      [
        "id: glass-recycling",
        "lang: en",
        "title: Glass",
        "titles:",
        "  de: Altglas",
        '  fr: "Recyclage du verre : bouteilles"',
        "terms:",
        "  de: [Flaschen, Gläser]",
        '  ro: "sticle,  borcane ,"',
        "  fr: ''",
      ].join("\n"),
    );
    expect(parseArticleFile({ path: PATH, text })).toMatchObject({
      titles: { de: "Altglas", fr: "Recyclage du verre : bouteilles" },
      terms: { de: ["Flaschen", "Gläser"], ro: ["sticle", "borcane"] },
    });
    expect(parseArticleFile({ path: PATH, text: GOOD })).not.toHaveProperty("titles");
  });

  it.each([
    ["an unknown language code", "titles:\n  xx: Glas", /'xx' in 'titles' is not a known/, "titles.xx"],
    [
      "a title in the article's own language",
      "titles:\n  en: Glass",
      /repeats the article's own language/,
      "titles.en",
    ],
    ["a list where a title belongs", "titles:\n  de: [Glas]", /'titles.de' must be a text/, "titles"],
    ["a single text instead of a mapping", "terms: bottles", /must map language codes/, "terms"],
  ])("rejects %s in the per-language fields", (_, extra, message, path) => {
    const error = rejection(file(`id: glass-recycling\nlang: en\ntitle: Glass\n${extra}`));
    expect(error.message).toMatch(message);
    expect(error.details?.errors?.[0]?.path).toBe(path);
  });
});
