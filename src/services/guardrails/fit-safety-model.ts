import { type SparseRows, trainBinarySvm } from "../ml/train-binary-svm";
import { redactPii } from "./redact-pii";
import { extractSafetyFeatures } from "./safety-features";
import { buildSafetyModel, MODEL_LABELS, type SafetyModel } from "./safety-model";

export interface LabelledCase {
  text: string;
  lang: string;
  expect: string;
}

export interface FittedSafetyModel {
  hashes: Int32Array;
  /** Feature-major int8 weights, MODEL_LABELS.length per feature. */
  weights: Int8Array;
  scales: number[];
  bias: number[];
}

export interface FitSafetyOptions {
  c: number;
  /** Features seen in fewer training texts are dropped (they cannot generalise and cost bytes). */
  minDf: number;
}

export const DEFAULT_FIT_OPTIONS: FitSafetyOptions = { c: 1, minDf: 2 };

/**
 * One-vs-rest linear SVMs over the cases' single labels: a text is a positive for its own label and a
 * negative for every other one (pii and ok cases are negatives for all), so each label scores on its own
 * and several may fire. Weights are rounded to int8 per label, the form that ships.
 */
export function fitSafetyModel(
  cases: readonly LabelledCase[],
  options: FitSafetyOptions = DEFAULT_FIT_OPTIONS,
): FittedSafetyModel {
  const featureRows = cases.map((c) => extractSafetyFeatures(redactPii(c.text).text));
  const df = new Map<number, number>();
  for (const row of featureRows) for (const h of row.keys()) df.set(h, (df.get(h) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= options.minDf).map(([h]) => h);
  kept.sort((a, b) => a - b);
  const columnOf = new Map(kept.map((h, col) => [h, col]));
  const x = toSparseRows(featureRows, columnOf);

  const n = MODEL_LABELS.length;
  const raw = MODEL_LABELS.map((label, l) => {
    const targets = Int8Array.from(cases, (c) => (c.expect === label ? 1 : -1));
    const costs = new Float64Array(cases.length).fill(options.c);
    return trainBinarySvm(x, targets, costs, { maxEpochs: 200, seed: 17 + l });
  });
  const scales = raw.map((w) => {
    let max = 0;
    for (let j = 0; j < kept.length; j++) max = Math.max(max, Math.abs(w[j]!));
    return Math.fround(max / 127 || 1);
  });
  const all = new Int8Array(kept.length * n);
  for (let j = 0; j < kept.length; j++) {
    for (let l = 0; l < n; l++) all[j * n + l] = Math.round(raw[l]![j]! / scales[l]!);
  }
  // Features whose every weight rounds to zero change no score; leaving them out shrinks the module.
  const useful: number[] = [];
  for (let j = 0; j < kept.length; j++) {
    if (all.subarray(j * n, (j + 1) * n).some((v) => v !== 0)) useful.push(j);
  }
  const weights = new Int8Array(useful.length * n);
  useful.forEach((j, k) => {
    weights.set(all.subarray(j * n, (j + 1) * n), k * n);
  });
  return {
    hashes: Int32Array.from(useful, (j) => kept[j]!),
    weights,
    scales,
    bias: raw.map((w) => Math.fround(w[kept.length]!)),
  };
}

export function toSafetyModel(fitted: FittedSafetyModel, thresholds: readonly number[]): SafetyModel {
  return buildSafetyModel(fitted.hashes, fitted.weights, { ...fitted, thresholds });
}

function toSparseRows(rows: Map<number, number>[], columnOf: Map<number, number>): SparseRows {
  const indptr = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    for (const [h, v] of row) {
      const col = columnOf.get(h);
      if (col === undefined) continue;
      indices.push(col);
      values.push(v);
    }
    indptr[i + 1] = indices.length;
  });
  return {
    rows: rows.length,
    cols: columnOf.size,
    indptr,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
}
