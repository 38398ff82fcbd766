import { describe, expect, it } from "vitest";
import { type FeatureOptions, fitVectorizer, knownWordShare, vectorizeText } from "./vectorizer";

const OPTIONS: FeatureOptions = {
  charMin: 2,
  charMax: 4,
  charSpan: "word",
  wordNgrams: 2,
  wordShare: 0.5,
  termFrequency: "binary",
  minDf: 1,
};

const norm = (v: { values: number[] }) => Math.sqrt(v.values.reduce((s, x) => s + x * x, 0));
const cosine = (a: ReturnType<typeof vectorizeText>, b: ReturnType<typeof vectorizeText>) => {
  const weights = new Map(a.indices.map((col, k) => [col, a.values[k]!]));
  return b.indices.reduce((s, col, k) => s + (weights.get(col) ?? 0) * b.values[k]!, 0) / (norm(a) * norm(b));
};

describe("vectorizer", () => {
  const corpus = [
    "Straßenlaterne defekt",
    "Éclairage public en panne",
    "路灯坏了",
    "Фонарь не горит",
    "गड्ढा सड़क पर",
    "حاوية القمامة ممتلئة",
  ];
  const vectorizer = fitVectorizer(corpus, OPTIONS);

  it("gives every script features, each text a unit-length vector", () => {
    for (const text of corpus) {
      const v = vectorizeText(vectorizer, text);
      expect(v.indices.length).toBeGreaterThan(3);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it("treats case and accent variants as the same text", () => {
    expect(
      cosine(vectorizeText(vectorizer, "STRASSENLATERNE Defekt"), vectorizeText(vectorizer, corpus[0]!)),
    ).toBeCloseTo(1, 5);
    expect(
      cosine(vectorizeText(vectorizer, "eclairage public en panne"), vectorizeText(vectorizer, corpus[1]!)),
    ).toBeCloseTo(1, 5);
  });

  it("relates unseen inflections through character n-grams, in scripts without spaces too", () => {
    expect(
      cosine(vectorizeText(vectorizer, "Laternen defekte"), vectorizeText(vectorizer, corpus[0]!)),
    ).toBeGreaterThan(0.3);
    expect(
      cosine(vectorizeText(vectorizer, "这个路灯不亮"), vectorizeText(vectorizer, corpus[2]!)),
    ).toBeGreaterThan(0.1);
    expect(vectorizeText(vectorizer, "zzzz qqqq").indices).toEqual([]);
  });

  it("drops features rarer than minDf", () => {
    const pruned = fitVectorizer(["pothole here", "pothole there", "graffiti"], { ...OPTIONS, minDf: 2 });
    expect(vectorizeText(pruned, "graffiti").indices).toEqual([]);
    expect(vectorizeText(pruned, "pothole").indices.length).toBeGreaterThan(0);
  });
});

describe("knownWordShare", () => {
  const vectorizer = fitVectorizer(
    ["the street light is out", "the bin was not emptied", "the road has a pothole", "Straßenlaterne kaputt"],
    OPTIONS,
  );

  it("is 1 for a text of seen words (after the same normalisation) and 0 for one of unseen words", () => {
    expect(knownWordShare(vectorizer, "The POTHOLE, the road!")).toBe(1);
    expect(knownWordShare(vectorizer, "strassenlaterne KAPUTT")).toBe(1);
    expect(knownWordShare(vectorizer, "contrat cdi")).toBe(0);
    expect(knownWordShare(vectorizer, "")).toBe(0);
  });

  it("weighs words by rarity, so frequent known words cannot carry unknown content words", () => {
    // "the" is in every text (lowest weight); "contract" is unseen (weight of the rarest word).
    const share = knownWordShare(vectorizer, "the contract");
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.5);
    expect(knownWordShare(vectorizer, "the pothole contract")).toBeGreaterThan(share);
  });
});
