import { trainBinarySvm } from "../../ml/train-binary-svm";
import type { SparseMatrix } from "./sparse-matrix";

export interface LinearSvmOptions {
  /** Inverse regularisation strength. */
  c: number;
  /** Cost of each class's examples relative to the others (balances rare services). */
  classWeights: Float64Array;
  maxEpochs: number;
  seed: number;
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
