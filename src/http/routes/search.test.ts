import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { loadConfig } from "../../config";
import { createEmbedder } from "../../configured-adapters";
import { syncKnowledgeDir } from "../../services/knowledge/sync-knowledge-dir";
import type { AppEnv } from "../context";
import { respondToError } from "../problem";
import { searchRoutes } from "./search";

const FIXTURE: Record<string, string> = {
  "en/glass-bottles.md": `---
id: glass-bottles
lang: en
title: Glass bottles and jars
url: https://www.riverton.example/waste/glass
---
Put glass bottles and jars in the purple glass box.

## When glass is collected

The purple glass box is emptied every other Tuesday, with the blue recycling bin.

## What cannot go in the glass box

Window glass, mirrors, drinking glasses and light bulbs go to the recycling centre.
`,
  "fr/glass-bottles.md": `---
id: glass-bottles
lang: fr
title: Bouteilles et bocaux en verre
url: https://www.riverton.example/waste/glass
---
Déposez les bouteilles et les bocaux en verre dans la caisse violette.

## Quand le verre est collecté

La caisse violette est vidée un mardi sur deux, avec le bac bleu de recyclage.
`,
  "en/resident-parking.md": `---
id: resident-parking
lang: en
title: Resident parking permits
url: https://www.riverton.example/parking/residents
---
A resident parking permit lets you park in your zone without paying at the meter.

## How to apply

Apply online with your vehicle registration and a proof of address. A permit costs £60 a year.
`,
  "en/glass-charges-draft.md": `---
id: glass-charges-draft
lang: en
title: Glass box charges (proposal)
status: draft
---
Proposed charge for a replacement glass box: £12.
`,
};

forEachDatabase("GET /v1/search", (use) => {
  const dir = mkdtempSync(join(tmpdir(), "civicdesk-search-"));
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    for (const [path, text] of Object.entries(FIXTURE)) {
      mkdirSync(join(dir, path.split("/")[0]!), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const database = use();
    const knowledge = {
      database,
      embedder: await createEmbedder({ config: loadConfig({ LOG_LEVEL: "silent" }), database }),
    };
    const { problems } = await syncKnowledgeDir({ ctx: knowledge, dir });
    expect(problems).toEqual([]);
    app = new Hono<AppEnv>();
    app.use(requestId({ headerName: "x-request-id" }));
    app.route("/", searchRoutes({ knowledge, languages: ["en", "fr", "ro"] }));
    app.onError((error, c) => respondToError(c, error, () => {}));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const search = async (query: string) => {
    const res = await app.request(`/v1/search?${query}`);
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it("returns published articles, best first, in the contract's shape", async () => {
    const { res, body } = await search("q=glass%20bottles%20collection&lang=en");
    expect(res.status).toBe(200);
    const results = body.results as Record<string, unknown>[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toMatchObject({ articleId: "glass-bottles", title: "Glass bottles and jars" });
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(["articleId", "score", "snippet", "title", "url"]);
      expect(typeof result.score).toBe("number");
      expect(typeof result.snippet).toBe("string");
      expect(result.articleId).not.toBe("glass-charges-draft");
    }
    expect(results[0]!.url).toMatch(/^https:\/\/www\.riverton\.example\/waste\/glass(#[\w-]+)?$/);
    const scores = results.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("answers in the asked language when a translation exists", async () => {
    const { body } = await search(`q=${encodeURIComponent("verre collecté")}&lang=fr`);
    expect((body.results as { title: string }[])[0]?.title).toBe("Bouteilles et bocaux en verre");
  });

  it("returns at most k results", async () => {
    const { body } = await search("q=glass%20parking%20permit%20box&lang=en&k=1");
    expect((body.results as unknown[]).length).toBe(1);
  });

  describe("refuses a bad query with problem+json naming the parameter", () => {
    it.each([
      ["no q", "lang=en", "q"],
      ["a blank q", "q=%20%20", "q"],
      ["a q over 500 characters", `q=${"a".repeat(501)}`, "q"],
      ["k = 0", "q=glass&k=0", "k"],
      ["k = 51", "q=glass&k=51", "k"],
      ["k not a number", "q=glass&k=ten", "k"],
      ["k not whole", "q=glass&k=2.5", "k"],
      ["lang not a code", "q=glass&lang=english", "lang"],
      ["a language the city does not serve", "q=glass&lang=de", "lang"],
    ])("%s", async (_label, query, param) => {
      const res = await app.request(`/v1/search?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await res.json()) as { status: number; requestId: string; errors: { path: string }[] };
      expect(problem).toMatchObject({ type: "https://civicdesk.dev/problems/invalid-input", status: 400 });
      expect(problem.requestId).toBe(res.headers.get("x-request-id"));
      expect(problem.errors.map((e) => e.path)).toEqual([param]);
    });
  });

  it("accepts a q of exactly 500 characters", async () => {
    const { res } = await search(`q=${"glass ".repeat(84).slice(0, 500)}`);
    expect(res.status).toBe(200);
  });
});
