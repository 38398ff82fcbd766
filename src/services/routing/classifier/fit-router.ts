import { dequantizeWeights, quantizeWeights } from "./quantize-weights";
import { buildSparseMatrix } from "./sparse-matrix";
import { trainLinearSvm } from "./train-linear-svm";
import { trainNaiveBayes } from "./train-naive-bayes";
import { trainNbSvm } from "./train-nb-svm";
import {
  type FeatureOptions,
  fitVectorizer,
  knownWordShare,
  type Vectorizer,
  vectorizeText,
} from "./vectorizer";

export interface RouterExample {
  text: string;
  code: string;
}

/** One model of the ensemble: a linear scorer over its own feature space. */
export interface RouterMember {
  kind: MemberKind;
  vectorizer: Vectorizer;
  /** classCount rows of (columns + 1) weights, the bias last. */
  weights: Float32Array;
  /** Scales the scores before the softmax so each member's probabilities are calibrated. */
  temperature: number;
  /** Weight of this member's probabilities in the ensemble's weighted average. */
  share: number;
}

export interface RoutePrediction {
  /** Every known code, most likely first; scores are probabilities summing to 1. */
  ranked: { code: string; score: number }[];
  /** Probability of the first code. */
  confidence: number;
  /**
   * How much of the text the deciding models understood: the IDF-weighted share of its words the
   * router saw in training (see knownWordShare), or 1 when a chat model judged it.
   */
  coverage: number;
}

export interface Router {
  codes: string[];
  members: RouterMember[];
  predict(text: string): RoutePrediction;
}

export const MEMBER_KINDS = ["svm", "nb-svm", "naive-bayes"] as const;
type MemberKind = (typeof MEMBER_KINDS)[number];

type MemberPlan =
  | { kind: "svm"; features: FeatureOptions; c: number; temperature: number; share: number }
  | {
      kind: "nb-svm";
      features: FeatureOptions;
      c: number;
      smoothing: number;
      temperature: number;
      share: number;
    }
  | { kind: "naive-bayes"; features: FeatureOptions; smoothing: number; temperature: number; share: number };

const WORD_BOUNDED: FeatureOptions = {
  charMin: 2,
  charMax: 5,
  charSpan: "word",
  wordNgrams: 2,
  wordShare: 0.5,
  termFrequency: "binary",
  minDf: 1,
};
const SPANNING: FeatureOptions = {
  ...WORD_BOUNDED,
  charMin: 1,
  charMax: 6,
  charSpan: "text",
  wordShare: 0.3,
};

// One plan for every city and language: the SVM settings came from cross-validation on three cities'
// train sets (C = 1 won for both feature spaces in each city, also against 0.3 and 3); the NB-SVM member
// adds the naive-Bayes ratios' head start for small classes.
const DEFAULT_PLAN: MemberPlan[] = [
  { kind: "svm", features: WORD_BOUNDED, c: 1, temperature: 6, share: 1 },
  { kind: "svm", features: SPANNING, c: 1, temperature: 6, share: 1 },
  { kind: "naive-bayes", features: WORD_BOUNDED, smoothing: 0.01, temperature: 0.4, share: 1 },
  { kind: "nb-svm", features: WORD_BOUNDED, c: 1, smoothing: 1, temperature: 6, share: 1 },
];

export interface FitRouterInput {
  examples: readonly RouterExample[];
  seed?: number;
}

/** Fits the ensemble on a city's examples: catalogue names, keywords, example requests and past reports. */
export function fitRouter({ examples, seed = 1 }: FitRouterInput): Router {
  const codes = [...new Set(examples.map((e) => e.code))].sort();
  if (codes.length < 2) throw new Error("routing needs examples of at least two codes");
  const labels = Int32Array.from(examples, (e) => codes.indexOf(e.code));
  const texts = examples.map((e) => e.text);
  const counts = new Float64Array(codes.length);
  for (const label of labels) counts[label] = counts[label]! + 1;
  // Rare services get proportionally more weight so they are not drowned by the frequent ones.
  const classWeights = counts.map((n) => examples.length / (codes.length * n));

  const matrices = new Map<
    FeatureOptions,
    { vectorizer: Vectorizer; x: ReturnType<typeof buildSparseMatrix> }
  >();
  const members = DEFAULT_PLAN.map((plan): RouterMember => {
    let prepared = matrices.get(plan.features);
    if (!prepared) {
      const vectorizer = fitVectorizer(texts, plan.features);
      const rows = texts.map((text) => vectorizeText(vectorizer, text));
      prepared = { vectorizer, x: buildSparseMatrix(rows, vectorizer.hashes.length) };
      matrices.set(plan.features, prepared);
    }
    const svmOptions = { classWeights, maxEpochs: 50, seed };
    const weights =
      plan.kind === "svm"
        ? trainLinearSvm(prepared.x, labels, codes.length, { ...svmOptions, c: plan.c })
        : plan.kind === "nb-svm"
          ? trainNbSvm(prepared.x, labels, codes.length, {
              ...svmOptions,
              c: plan.c,
              smoothing: plan.smoothing,
            })
          : trainNaiveBayes(prepared.x, labels, codes.length, plan.smoothing);
    const { scales, quantized } = quantizeWeights(weights, codes.length);
    return {
      kind: plan.kind,
      vectorizer: prepared.vectorizer,
      weights: dequantizeWeights(quantized, scales),
      temperature: plan.temperature,
      share: plan.share,
    };
  });
  return createRouter(codes, members);
}

export function createRouter(codes: string[], members: RouterMember[]): Router {
  const totalShare = members.reduce((sum, m) => sum + m.share, 0);
  return {
    codes,
    members,
    predict(text) {
      // A weighted average of the members' probabilities: in cross-validation on three cities it beat the
      // geometric mean, where one overconfident member could veto the others' answer.
      const combined = new Float64Array(codes.length);
      const scores = new Float64Array(codes.length);
      for (const member of members) {
        const cols = member.vectorizer.hashes.length;
        const width = cols + 1;
        const { indices, values } = vectorizeText(member.vectorizer, text);
        for (let c = 0; c < codes.length; c++) {
          let s = member.weights[c * width + cols]!;
          for (let k = 0; k < indices.length; k++) s += member.weights[c * width + indices[k]!]! * values[k]!;
          scores[c] = s * member.temperature;
        }
        const logZ = logSumExp(scores);
        for (let c = 0; c < codes.length; c++) {
          combined[c] = combined[c]! + (member.share / totalShare) * Math.exp(scores[c]! - logZ);
        }
      }
      const ranked = codes
        .map((code, c) => ({ code, score: combined[c]! }))
        .sort((a, b) => b.score - a.score);
      return { ranked, confidence: ranked[0]!.score, coverage: knownWordShare(members[0]!.vectorizer, text) };
    },
  };
}

function logSumExp(values: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) max = Math.max(max, v);
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}
