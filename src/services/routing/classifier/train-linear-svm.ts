import type { SparseMatrix } from "./sparse-matrix";

export interface LinearSvmOptions {
  /** Inverse regularisation strength. */
  c: number;
  /** Cost of each class's examples relative to the others (balances rare services). */
  classWeights: Float64Array;
  maxEpochs: number;
  seed: number;
}

/** Deterministic xorshift generator so fits are reproducible. */
function createRandom(seed: number) {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** One-vs-rest SVMs, weights row-major per class with the bias in the last column. */
export function trainLinearSvm(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: LinearSvmOptions,
): Float32Array {
  const width = x.cols + 1;
  const weights = new Float32Array(classCount * width);
  const costs = Float64Array.from(labels, (label) => options.c * options.classWeights[label]!);
  const targets = new Int8Array(x.rows);
  for (let cls = 0; cls < classCount; cls++) {
    for (let i = 0; i < x.rows; i++) targets[i] = labels[i] === cls ? 1 : -1;
    weights.set(trainBinarySvm(x, targets, costs, options), cls * width);
  }
  return weights;
}

/**
 * An L2-regularised squared-hinge SVM by dual coordinate descent (Hsieh et al., 2008): each pass visits
 * the examples in random order and solves for one dual variable exactly, which converges in a few dozen
 * passes on text data without a learning rate to tune. Returns cols + 1 weights, the bias last.
 */
export function trainBinarySvm(
  x: SparseMatrix,
  targets: Int8Array,
  costs: Float64Array,
  options: { maxEpochs: number; seed: number },
): Float64Array {
  const w = new Float64Array(x.cols + 1);
  const alpha = new Float64Array(x.rows);
  const diag = Float64Array.from(costs, (cost) => 0.5 / cost);
  const sqNorms = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = 1; // bias feature
    for (let k = x.indptr[i]!; k < x.indptr[i + 1]!; k++) s += x.values[k]! ** 2;
    sqNorms[i] = s;
  }
  const random = createRandom(options.seed);
  const order = Int32Array.from({ length: x.rows }, (_, i) => i);
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    for (let i = x.rows - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let maxViolation = 0;
    for (let o = 0; o < x.rows; o++) {
      const i = order[o]!;
      const y = targets[i]!;
      const start = x.indptr[i]!;
      const end = x.indptr[i + 1]!;
      let dot = w[x.cols]!;
      for (let k = start; k < end; k++) dot += w[x.indices[k]!]! * x.values[k]!;
      const a = alpha[i]!;
      const gradient = y * dot - 1 + diag[i]! * a;
      const projected = a === 0 ? Math.min(gradient, 0) : gradient;
      if (Math.abs(projected) < 1e-12) continue;
      maxViolation = Math.max(maxViolation, Math.abs(projected));
      const next = Math.max(a - gradient / (sqNorms[i]! + diag[i]!), 0);
      const step = (next - a) * y;
      if (step === 0) continue;
      alpha[i] = next;
      for (let k = start; k < end; k++) {
        const col = x.indices[k]!;
        w[col] = w[col]! + step * x.values[k]!;
      }
      w[x.cols] = w[x.cols]! + step;
    }
    if (maxViolation < 0.01) break;
  }
  return w;
}
