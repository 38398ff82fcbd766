import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createOpenAiGuardrailJudge } from "../adapters/guardrail-judge-openai";
import { loadConfig } from "../config";
import { configuredModelOptions } from "../configured-adapters";
import { assessInput, type GuardrailJudge } from "../services/guardrails/assess-input";

const SAFETY_LABELS = ["emergency", "crisis", "injection", "abuse", "handoff", "pii", "ok"] as const;
type SafetyLabel = (typeof SAFETY_LABELS)[number];

/** `--cases FILE` (JSONL of {text, lang, expect}); `--verbose` lists the wrong answers on stderr. */
const SafetyCase = z.object({ text: z.string(), lang: z.string(), expect: z.enum(SAFETY_LABELS) });

interface Score {
  precision: number;
  recall: number;
  support: number;
}

export interface SafetyResult {
  n: number;
  accuracy: number;
  per_label: Partial<Record<SafetyLabel, Score>>;
  per_lang: Record<string, number>;
  /** Precision and recall per language and label, to check the per-language targets. */
  per_lang_label: Record<string, Partial<Record<SafetyLabel, Score>>>;
  /** Share of emergency cases with the rules' label or the softer hint (the turn then adds the number). */
  emergency_net_recall: number;
  /** Share of ok cases that got the softer hint. */
  ok_hint_rate: number;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** The configured chat model as the guardrails' judge, or none when no provider is set (offline). */
function configuredJudge(): GuardrailJudge | undefined {
  const options = configuredModelOptions(loadConfig(process.env));
  return options ? createOpenAiGuardrailJudge(options) : undefined;
}

/**
 * Labels each case with the first guardrail that applies, in the contract's order of precedence;
 * with a chat model configured (or a judge passed in), the model's opinion is added as in the service.
 */
export async function runSafetyEval(
  args: readonly string[],
  judge: GuardrailJudge | undefined = configuredJudge(),
): Promise<SafetyResult> {
  const { values } = parseArgs({
    args: [...args],
    options: { cases: { type: "string" }, verbose: { type: "boolean", default: false } },
  });
  if (!values.cases) throw new Error("--cases FILE is required");
  const lines = (await readFile(values.cases, "utf8")).split("\n").filter((l) => l.trim() !== "");
  const cases = lines.map((line, i) => {
    const parsed = SafetyCase.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${values.cases}:${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });

  const counts = newCounts();
  const countsByLang = new Map<string, ReturnType<typeof newCounts>>();
  const byLang = new Map<string, { n: number; correct: number }>();
  let correct = 0;
  let netCaught = 0;
  let okHinted = 0;
  for (const c of cases) {
    const assessment = judge
      ? await assessInput(c.text, { lang: c.lang, judge })
      : assessInput(c.text, { lang: c.lang });
    const got: SafetyLabel = SAFETY_LABELS.find((l) => l !== "ok" && assessment.labels.has(l)) ?? "ok";
    if (c.expect === "emergency" && assessment.possibleEmergency) netCaught += 1;
    if (c.expect === "ok" && assessment.possibleEmergency) okHinted += 1;
    const lang = byLang.get(c.lang) ?? { n: 0, correct: 0 };
    const langCounts = countsByLang.get(c.lang) ?? newCounts();
    lang.n += 1;
    for (const table of [counts, langCounts]) {
      table[c.expect].support += 1;
      if (got === c.expect) table[got].tp += 1;
      else {
        table[got].fp += 1;
        table[c.expect].fn += 1;
      }
    }
    if (got === c.expect) {
      correct += 1;
      lang.correct += 1;
    } else {
      // Wrong answers go to stderr for reading; stdout's last line stays the contract's JSON object.
      if (values.verbose) {
        process.stderr.write(
          `${c.lang} ${c.expect}->${got} ${JSON.stringify(c.text)} ${assessment.matched.join(",")}\n`,
        );
      }
    }
    byLang.set(c.lang, lang);
    countsByLang.set(c.lang, langCounts);
  }

  const langs = [...byLang.keys()].sort();
  const perLangLabel = Object.fromEntries(langs.map((l) => [l, scoreCounts(countsByLang.get(l)!)]));
  // Human-readable breakdown first; the contract's JSON object stays the last line (printed by the CLI).
  process.stdout.write(formatLanguageTable(perLangLabel, Object.fromEntries(byLang)));
  return {
    n: cases.length,
    accuracy: round(cases.length ? correct / cases.length : 0),
    per_label: scoreCounts(counts),
    per_lang: Object.fromEntries(langs.map((l) => [l, round(byLang.get(l)!.correct / byLang.get(l)!.n)])),
    per_lang_label: perLangLabel,
    emergency_net_recall: round(counts.emergency.support ? netCaught / counts.emergency.support : 0),
    ok_hint_rate: round(counts.ok.support ? okHinted / counts.ok.support : 0),
  };
}

/** One line per language: n, accuracy, then precision/recall (support) for each label present. */
function formatLanguageTable(
  perLangLabel: Record<string, Partial<Record<SafetyLabel, Score>>>,
  byLang: Record<string, { n: number; correct: number }>,
): string {
  const lines = Object.entries(perLangLabel).map(([lang, scores]) => {
    const { n, correct } = byLang[lang]!;
    const cells = SAFETY_LABELS.filter((l) => scores[l]).map((l) => {
      const { precision, recall, support } = scores[l]!;
      return `${l} ${precision.toFixed(2)}/${recall.toFixed(2)} (${support})`;
    });
    return `${lang.padEnd(3)} n=${String(n).padStart(3)} acc=${(correct / n).toFixed(2)}  ${cells.join("  ")}`;
  });
  return `per language (precision/recall (cases)):\n${lines.join("\n")}\n`;
}

function newCounts(): Record<SafetyLabel, { tp: number; fp: number; fn: number; support: number }> {
  return Object.fromEntries(SAFETY_LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0, support: 0 }])) as Record<
    SafetyLabel,
    { tp: number; fp: number; fn: number; support: number }
  >;
}

// Labels with no cases and no predictions in a slice are left out rather than reported as a perfect 1.
function scoreCounts(counts: ReturnType<typeof newCounts>): Partial<Record<SafetyLabel, Score>> {
  const out: Partial<Record<SafetyLabel, Score>> = {};
  for (const l of SAFETY_LABELS) {
    const { tp, fp, fn, support } = counts[l];
    if (tp + fp + fn === 0) continue;
    out[l] = {
      precision: round(tp + fp ? tp / (tp + fp) : 0),
      recall: round(tp + fn ? tp / (tp + fn) : 0),
      support,
    };
  }
  return out;
}
