import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { detectLanguage } from "../services/language/detect-language";
import { toIso1 } from "../services/language/language-codes";

const LangidCase = z.object({ text: z.string(), lang_label: z.string() });

export interface LangidResult {
  n: number;
  accuracy: number;
  /** "expected>detected" → count, wrong answers only. */
  confusions: Record<string, number>;
  supported: string[];
  prior: string;
}

const DEFAULT_FILE = "../shared/data/langid-canada/questions.jsonl";

/**
 * Detects each question's language among the languages present in the file (the city's list for this eval),
 * every question starting a new conversation with the given prior.
 */
export async function runLangidEval(args: readonly string[]): Promise<LangidResult> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: "string", default: DEFAULT_FILE },
      prior: { type: "string", default: "en" },
      supported: { type: "string" },
    },
  });
  const lines = (await readFile(values.cases, "utf8")).split("\n").filter((l) => l.trim() !== "");
  const cases = lines.map((line) => {
    const parsed = LangidCase.parse(JSON.parse(line));
    const lang = toIso1(parsed.lang_label);
    if (!lang) throw new Error(`unknown language label: ${parsed.lang_label}`);
    return { text: parsed.text, lang };
  });
  const supported = values.supported
    ? values.supported.split(",").map((l) => l.trim())
    : [...new Set(cases.map((c) => c.lang))];

  let correct = 0;
  const confusions: Record<string, number> = {};
  for (const c of cases) {
    const guess = detectLanguage(c.text, { supported, prior: values.prior });
    if (guess.lang === c.lang) correct += 1;
    else confusions[`${c.lang}>${guess.lang}`] = (confusions[`${c.lang}>${guess.lang}`] ?? 0) + 1;
  }
  return {
    n: cases.length,
    accuracy: cases.length ? Math.round((correct / cases.length) * 10000) / 10000 : 0,
    confusions,
    supported,
    prior: values.prior,
  };
}
