import { trainBinarySvm } from "../../ml/train-binary-svm";
import type { SparseMatrix } from "./sparse-matrix";
import type { LinearSvmOptions } from "./train-linear-svm";

/**
 * NB-SVM (Wang and Manning, 2012), one-vs-rest: each class's SVM sees the features scaled by their
 * naive-Bayes log-count ratio for that class, so telling words start with a head start, which helps
 * short texts and small classes. The ratio is folded back into the weights, so prediction is an
 * ordinary linear model over the unscaled features.
 */
export function trainNbSvm(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: LinearSvmOptions & { smoothing: number },
): Float32Array {
  const width = x.cols + 1;
  const weights = new Float32Array(classCount * width);
  const costs = Float64Array.from(labels, (label) => options.c * options.classWeights[label]!);
  const targets = new Int8Array(x.rows);
  const ratio = new Float64Array(x.cols);
  const scaled = new Float32Array(x.values.length);
  for (let cls = 0; cls < classCount; cls++) {
    const inside = new Float64Array(x.cols).fill(options.smoothing);
    const outside = new Float64Array(x.cols).fill(options.smoothing);
    for (let i = 0; i < x.rows; i++) {
      targets[i] = labels[i] === cls ? 1 : -1;
      const counts = labels[i] === cls ? inside : outside;
      for (let k = x.indptr[i]!; k < x.indptr[i + 1]!; k++)
        counts[x.indices[k]!] = counts[x.indices[k]!]! + 1;
    }
    const insideTotal = inside.reduce((s, v) => s + v, 0);
    const outsideTotal = outside.reduce((s, v) => s + v, 0);
    for (let j = 0; j < x.cols; j++) {
      ratio[j] = Math.log(inside[j]! / insideTotal) - Math.log(outside[j]! / outsideTotal);
    }
    for (let k = 0; k < scaled.length; k++) scaled[k] = x.values[k]! * ratio[x.indices[k]!]!;
    const w = trainBinarySvm({ ...x, values: scaled }, targets, costs, options);
    for (let j = 0; j < x.cols; j++) weights[cls * width + j] = w[j]! * ratio[j]!;
    weights[cls * width + x.cols] = w[x.cols]!;
  }
  return weights;
}
