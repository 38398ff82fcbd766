import { fitRouter, type RouterExample } from "./fit-router";

export interface RouterCrossValidation {
  folds: number;
  /** Examples scored, each once, by a router that never saw it. */
  n: number;
  accuracy: number;
  /** Accuracy of each fold, in fold order. */
  foldAccuracy: number[];
}

/**
 * Stratified fold numbers without randomness: each code's examples, in their given order, are dealt
 * round-robin, and each code starts where the previous one stopped, so every fold gets its share of every
 * service and the folds differ in size by at most one.
 */
export function assignFolds(codes: readonly string[], folds: number): Int32Array {
  const byCode = new Map<string, number[]>();
  codes.forEach((code, i) => {
    const members = byCode.get(code) ?? [];
    members.push(i);
    byCode.set(code, members);
  });
  const fold = new Int32Array(codes.length);
  let next = 0;
  for (const code of [...byCode.keys()].sort()) {
    for (const i of byCode.get(code)!) {
      fold[i] = next;
      next = (next + 1) % folds;
    }
  }
  return fold;
}

/**
 * K-fold cross-validation of the embedded router on a city's examples, for a city that has no separate test
 * set and for comparing settings without touching one. `alwaysTrain` (the catalogue's service names) is in
 * every fold's training data and never scored, as in the service.
 */
export function crossValidateRouter(input: {
  examples: readonly RouterExample[];
  alwaysTrain?: readonly RouterExample[];
  folds: number;
}): RouterCrossValidation {
  const { examples, alwaysTrain = [], folds } = input;
  if (!Number.isInteger(folds) || folds < 2) throw new Error("cross-validation needs at least 2 folds");
  if (examples.length < folds)
    throw new Error(`cross-validation with ${folds} folds needs at least ${folds} examples`);
  const foldOf = assignFolds(
    examples.map((e) => e.code),
    folds,
  );
  let correct = 0;
  const foldAccuracy: number[] = [];
  for (let f = 0; f < folds; f++) {
    const training = examples.filter((_, i) => foldOf[i] !== f);
    const held = examples.filter((_, i) => foldOf[i] === f);
    const router = fitRouter({ examples: [...alwaysTrain, ...training] });
    let foldCorrect = 0;
    for (const example of held) {
      if (router.predict(example.text).ranked[0]!.code === example.code) foldCorrect += 1;
    }
    correct += foldCorrect;
    foldAccuracy.push(foldCorrect / held.length);
  }
  return { folds, n: examples.length, accuracy: correct / examples.length, foldAccuracy };
}
