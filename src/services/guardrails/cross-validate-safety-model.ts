import {
  assessInput,
  GUARDRAIL_PRECEDENCE,
  type GuardrailAssessment,
  selectModelLabels,
} from "./assess-input";
import { type FitSafetyOptions, fitSafetyModel, type LabelledCase, toSafetyModel } from "./fit-safety-model";
import { MODEL_LABELS, scoreSafetyModel } from "./safety-model";

export interface CaseFile {
  name: string;
  cases: LabelledCase[];
}

interface Score {
  precision: number | null;
  recall: number | null;
  support: number;
}

export interface FoldReport {
  file: string;
  n: number;
  /** Rules alone, and rules plus the model at the chosen thresholds, per label of the eval. */
  rules: Record<string, Score>;
  combined: Record<string, Score>;
  /** Labels the model added on this file, and how many of them were right. */
  modelAdded: number;
  modelAddedCorrect: number;
}

export interface CrossValidation {
  /** Per MODEL_LABELS; null when no threshold kept the target precision (the label is never raised). */
  thresholds: (number | null)[];
  folds: FoldReport[];
}

const EVAL_LABELS = ["emergency", "crisis", "injection", "abuse", "handoff", "pii", "ok"];
const GRID = Array.from({ length: 41 }, (_, i) => Math.round((-0.5 + i * 0.05) * 100) / 100);

interface Scored {
  c: LabelledCase;
  base: GuardrailAssessment;
  scores: Float32Array;
}

/** The eval's single label: the first guardrail that applies, in the contract's order. */
function evalLabel(base: GuardrailAssessment, added: readonly string[]): string {
  const labels = new Set<string>([...base.labels, ...added]);
  return GUARDRAIL_PRECEDENCE.find((l) => l !== "unclear" && labels.has(l)) ?? "ok";
}

function scoreFold(rows: Scored[], pick: (row: Scored) => string[]): Record<string, Score> {
  const out: Record<string, Score> = {};
  for (const label of EVAL_LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const row of rows) {
      const got = evalLabel(row.base, pick(row));
      if (got === label && row.c.expect === label) tp += 1;
      else if (got === label) fp += 1;
      else if (row.c.expect === label) fn += 1;
    }
    out[label] = {
      precision: tp + fp ? tp / (tp + fp) : null,
      recall: tp + fn ? tp / (tp + fn) : null,
      support: tp + fn,
    };
  }
  return out;
}

/**
 * Leave one file out: fit on every other file, score the one left out. For each label, the threshold is the
 * lowest margin on a grid at which the combined system's precision for that label, averaged over the files
 * where it predicts that label, stays at or above `targetPrecision`, and the labels the model itself added,
 * pooled over all files, are right at least `addedPrecision` of the time (other labels off while choosing).
 */
export function crossValidateSafetyModel(
  files: readonly CaseFile[],
  options: {
    fit?: FitSafetyOptions;
    targetPrecision: number;
    addedPrecision: number;
    /** Lowest margin allowed per label, whatever the labelled files would accept. */
    floors?: Partial<Record<(typeof MODEL_LABELS)[number], number>>;
    /** Cases every fold trains on but none is scored on (ordinary reports, too many to weigh as one file). */
    alwaysTrain?: readonly LabelledCase[];
  },
): CrossValidation {
  const perFile: Scored[][] = files.map((file, f) => {
    const training = [
      ...files.flatMap((other, g) => (g === f ? [] : other.cases)),
      ...(options.alwaysTrain ?? []),
    ];
    const model = toSafetyModel(
      fitSafetyModel(training, options.fit),
      MODEL_LABELS.map(() => 0),
    );
    return file.cases.map((c) => {
      const base = assessInput(c.text, { lang: c.lang, model: null });
      return { c, base, scores: scoreSafetyModel(model, base.redacted.text) };
    });
  });

  const off = MODEL_LABELS.map(() => Number.POSITIVE_INFINITY);
  const thresholds = MODEL_LABELS.map((label, l) => {
    const floor = options.floors?.[label] ?? Number.NEGATIVE_INFINITY;
    const chosen = GRID.find((t) => {
      if (t < floor) return false;
      const only = off.map((x, k) => (k === l ? t : x));
      const precisions: number[] = [];
      let added = 0;
      let addedRight = 0;
      for (const rows of perFile) {
        const picked = new Map(rows.map((r) => [r, selectModelLabels(r.c.text, r.base, r.scores, only)]));
        const p = scoreFold(rows, (r) => picked.get(r)!)[label]!.precision;
        if (p !== null) precisions.push(p);
        for (const [r, labels] of picked) {
          if (labels.length === 0) continue;
          added += 1;
          if (r.c.expect === label) addedRight += 1;
        }
      }
      const mean = precisions.reduce((a, b) => a + b, 0) / (precisions.length || 1);
      // The average includes the rules' own hits, which files the rules were tuned on make easy; the
      // model's additions must be right on their own too.
      const addedPrecision = added ? addedRight / added : 1;
      return (
        precisions.length > 0 && mean >= options.targetPrecision && addedPrecision >= options.addedPrecision
      );
    });
    return chosen ?? null;
  });

  const active = thresholds.map((t) => t ?? Number.POSITIVE_INFINITY);
  const folds = perFile.map((rows, f) => {
    const added = new Map(rows.map((r) => [r, selectModelLabels(r.c.text, r.base, r.scores, active)]));
    let modelAdded = 0;
    let modelAddedCorrect = 0;
    for (const [r, labels] of added) {
      if (labels.length === 0) continue;
      modelAdded += 1;
      if (evalLabel(r.base, labels) === r.c.expect) modelAddedCorrect += 1;
    }
    return {
      file: files[f]!.name,
      n: rows.length,
      rules: scoreFold(rows, () => []),
      combined: scoreFold(rows, (r) => added.get(r)!),
      modelAdded,
      modelAddedCorrect,
    };
  });
  return { thresholds, folds };
}
