import { extractSafetyFeatures } from "./safety-features";

/** What the learned model may raise; personal data stays with the rules (a checksum beats a guess). */
export const MODEL_LABELS = ["emergency", "crisis", "injection", "abuse", "handoff"] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

/** The stored form: int8 weights (feature-major, one per label) with a scale per label, as base64. */
export interface EncodedSafetyModel {
  labels: readonly string[];
  /** Margin a label's score must reach before the model may raise it; chosen by leave-one-file-out. */
  thresholds: readonly number[];
  bias: readonly number[];
  scales: readonly number[];
  /** Int32 little-endian feature hashes. */
  hashes: string;
  /** Int8, hashes.length x labels.length. */
  weights: string;
}

export interface SafetyModel {
  columnOf: Map<number, number>;
  weights: Int8Array;
  scales: Float32Array;
  bias: Float32Array;
  thresholds: Float32Array;
}

export function buildSafetyModel(
  hashes: Int32Array,
  weights: Int8Array,
  parts: { scales: ArrayLike<number>; bias: ArrayLike<number>; thresholds: ArrayLike<number> },
): SafetyModel {
  const columnOf = new Map<number, number>();
  hashes.forEach((hash, col) => {
    columnOf.set(hash, col);
  });
  return {
    columnOf,
    weights,
    scales: Float32Array.from(parts.scales),
    bias: Float32Array.from(parts.bias),
    thresholds: Float32Array.from(parts.thresholds),
  };
}

function decodeBase64(text: string): Uint8Array {
  // atob exists in Node 20 and in Workers; Buffer does not exist in Workers.
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function decodeSafetyModel(encoded: EncodedSafetyModel): SafetyModel {
  if (encoded.labels.join() !== MODEL_LABELS.join()) throw new Error("safety model labels do not match");
  const hashBytes = decodeBase64(encoded.hashes);
  const view = new DataView(hashBytes.buffer);
  const hashes = Int32Array.from({ length: hashBytes.length / 4 }, (_, i) => view.getInt32(i * 4, true));
  const raw = decodeBase64(encoded.weights);
  return buildSafetyModel(hashes, new Int8Array(raw.buffer, raw.byteOffset, raw.length), encoded);
}

/** The SVM margin of each label, in MODEL_LABELS order, for a text whose personal data is already redacted. */
export function scoreSafetyModel(model: SafetyModel, redactedText: string): Float32Array {
  const n = MODEL_LABELS.length;
  const sums = new Float32Array(n);
  for (const [hash, value] of extractSafetyFeatures(redactedText)) {
    const col = model.columnOf.get(hash);
    if (col === undefined) continue;
    for (let l = 0; l < n; l++) sums[l] = sums[l]! + model.weights[col * n + l]! * value;
  }
  for (let l = 0; l < n; l++) sums[l] = sums[l]! * model.scales[l]! + model.bias[l]!;
  return sums;
}
