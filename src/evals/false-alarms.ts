import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { assessInput } from "../services/guardrails/assess-input";

/** Labels that stop an ordinary message from being answered: each one on an ordinary report is a false alarm. */
const ALARM_LABELS = ["emergency", "crisis", "injection", "abuse"] as const;
type AlarmLabel = (typeof ALARM_LABELS)[number];

export interface FalseAlarmResult {
  n: number;
  flagged: number;
  rate: number;
  per_label: Record<AlarmLabel, number>;
  /** Of the flagged texts, how many the rules raised and how many the learned model alone. */
  by_source: { rules: number; model: number };
}

/**
 * Reads JSONL files of ordinary messages (`{"text"}`; lines with an `expect` other than "ok" are skipped, so
 * the safety files' ordinary cases count too) and reports the share the offline guardrails would block.
 * `--texts FILE[,FILE]`; `--verbose` lists each flagged text on stderr, to read whether it is truly an alarm.
 */
export async function runFalseAlarmEval(args: readonly string[]): Promise<FalseAlarmResult> {
  const { values } = parseArgs({
    args: [...args],
    options: { texts: { type: "string" }, verbose: { type: "boolean", default: false } },
  });
  if (!values.texts) throw new Error("--texts FILE[,FILE] is required");
  const texts: { text: string; lang: string }[] = [];
  for (const file of values.texts.split(",").filter((f) => f !== "")) {
    const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim() !== "");
    lines.forEach((line, i) => {
      const row = JSON.parse(line) as { text?: unknown; lang?: unknown; expect?: unknown };
      if (typeof row.text !== "string") throw new Error(`${file}:${i + 1}: no "text" string`);
      if (row.expect !== undefined && row.expect !== "ok") return;
      texts.push({ text: row.text, lang: typeof row.lang === "string" ? row.lang : "en" });
    });
  }

  const perLabel = Object.fromEntries(ALARM_LABELS.map((l) => [l, 0])) as Record<AlarmLabel, number>;
  const bySource = { rules: 0, model: 0 };
  let flagged = 0;
  for (const { text, lang } of texts) {
    const assessment = assessInput(text, { lang });
    const label = ALARM_LABELS.find((l) => assessment.labels.has(l));
    if (!label) continue;
    flagged += 1;
    perLabel[label] += 1;
    const byModel = assessment.matched.every((id) => id.startsWith("model.") || id.startsWith("pii."));
    bySource[byModel ? "model" : "rules"] += 1;
    if (values.verbose) {
      process.stderr.write(`${label} ${assessment.matched.join(",")} ${JSON.stringify(text)}\n`);
    }
  }
  const n = texts.length;
  return {
    n,
    flagged,
    rate: n ? Math.round((flagged / n) * 100000) / 100000 : 0,
    per_label: perLabel,
    by_source: bySource,
  };
}
