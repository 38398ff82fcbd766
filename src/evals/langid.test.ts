import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLangidEval } from "./langid";

describe("runLangidEval", () => {
  it("maps labels to ISO 639-1, restricts to the file's languages and counts confusions", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "langid-")), "q.jsonl");
    const rows = [
      { text: "Where can I renew my parking permit?", lang_label: "en" },
      { text: "Comment puis-je renouveler mon permis de stationnement ?", lang_label: "fra" },
      { text: "Wie kann ich meinen Parkausweis verlängern?", lang_label: "German" },
      // A German question filed under English, as happens in real exports.
      { text: "Wo ist das Bürgeramt?", lang_label: "en" },
    ];
    await writeFile(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    const result = await runLangidEval(["--cases", file]);
    expect(result.supported.sort()).toEqual(["de", "en", "fr"]);
    expect(result.n).toBe(4);
    expect(result.accuracy).toBe(0.75);
    expect(result.confusions).toEqual({ "en>de": 1 });
  });
});
