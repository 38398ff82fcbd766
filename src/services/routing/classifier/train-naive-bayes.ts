import type { SparseMatrix } from "./sparse-matrix";

/**
 * Multinomial naive Bayes over the (TF-IDF) feature values, as a linear model in the same layout as the
 * SVMs: log P(feature | class) per column and log P(class) as the bias.
 */
export function trainNaiveBayes(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  smoothing: number,
): Float32Array {
  const width = x.cols + 1;
  const mass = new Float64Array(classCount * x.cols);
  const prior = new Float64Array(classCount);
  for (let i = 0; i < x.rows; i++) {
    const offset = labels[i]! * x.cols;
    prior[labels[i]!] = prior[labels[i]!]! + 1;
    for (let k = x.indptr[i]!; k < x.indptr[i + 1]!; k++) {
      mass[offset + x.indices[k]!] = mass[offset + x.indices[k]!]! + x.values[k]!;
    }
  }
  const weights = new Float32Array(classCount * width);
  for (let c = 0; c < classCount; c++) {
    let total = smoothing * x.cols;
    for (let j = 0; j < x.cols; j++) total += mass[c * x.cols + j]!;
    const logTotal = Math.log(total);
    for (let j = 0; j < x.cols; j++) {
      weights[c * width + j] = Math.log(mass[c * x.cols + j]! + smoothing) - logTotal;
    }
    weights[c * width + x.cols] = Math.log(Math.max(prior[c]!, 1) / x.rows);
  }
  return weights;
}
