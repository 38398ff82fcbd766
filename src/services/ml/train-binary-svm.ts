/** Sparse rows in compressed-row form: row i spans indices/values[indptr[i]..indptr[i+1]). */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
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

/**
 * An L2-regularised squared-hinge SVM by dual coordinate descent (Hsieh et al., 2008): each pass visits
 * the examples in random order and solves for one dual variable exactly, which converges in a few dozen
 * passes on text data without a learning rate to tune. Shared by the service router and the guardrails'
 * learned model; each keeps its own settings. `targets` are +1/-1, `costs` the C of each example.
 * Returns cols + 1 weights, the bias last.
 */
export function trainBinarySvm(
  x: SparseRows,
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
