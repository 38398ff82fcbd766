import { normalizeText, tokenize } from "./normalize-text";
import { buildSparseMatrix, type SparseMatrix } from "./sparse-matrix";

export interface FeatureOptions {
  /** Character n-grams inside word boundaries (each word padded with a space on both sides). */
  charMin: number;
  charMax: number;
  /** "word": n-grams stay inside words; "text": they also span the space between words. */
  charSpan: "word" | "text";
  /** 1 = single words, 2 = also pairs of adjacent words. */
  wordNgrams: number;
  /** Share of the vector's length given to the word block (the char block gets the rest). */
  wordShare: number;
  /** "binary" counts a feature once per text; "log" dampens repeats with 1 + ln(count). */
  termFrequency: "binary" | "log";
  /** Features seen in fewer training texts are dropped. */
  minDf: number;
}

/** A fitted feature space: 32-bit feature hashes mapped to columns with their inverse document frequency. */
export interface Vectorizer {
  options: FeatureOptions;
  hashes: Int32Array;
  idf: Float32Array;
  /** 0 = word feature, 1 = char feature. */
  blocks: Uint8Array;
  columnOf: Map<number, number>;
}

const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x1b873593;
const CHAR_SEED = 0x5bd1e995;

function hashString(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

type Counts = Map<number, number>;

function addCount(counts: Counts, key: number) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function addCharNgrams(counts: Counts, padded: string, options: FeatureOptions) {
  // One FNV pass per start position yields the hashes of all n-gram lengths sharing that start.
  for (let start = 0; start + options.charMin <= padded.length; start++) {
    let h = CHAR_SEED;
    const end = Math.min(padded.length, start + options.charMax);
    for (let i = start; i < end; i++) {
      h = Math.imul(h ^ padded.charCodeAt(i), 16777619);
      if (i - start + 1 >= options.charMin) addCount(counts, h | 0);
    }
  }
}

/** Feature hashes with counts, words and char n-grams kept apart so each block is normalised on its own. */
function countFeatures(text: string, options: FeatureOptions): [Counts, Counts] {
  const words = tokenize(normalizeText(text));
  const wordCounts: Counts = new Map();
  const charCounts: Counts = new Map();
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    addCount(wordCounts, hashString(WORD_SEED, word));
    if (options.wordNgrams >= 2 && w + 1 < words.length) {
      addCount(wordCounts, hashString(hashString(BIGRAM_SEED, word), ` ${words[w + 1]!}`));
    }
    if (options.charSpan === "word") addCharNgrams(charCounts, ` ${word} `, options);
  }
  if (options.charSpan === "text") addCharNgrams(charCounts, ` ${words.join(" ")} `, options);
  return [wordCounts, charCounts];
}

const rarest = new WeakMap<Vectorizer, number>();
function rarestWeight(vectorizer: Vectorizer): number {
  let weight = rarest.get(vectorizer);
  if (weight === undefined) {
    weight = vectorizer.idf.reduce((max, value) => Math.max(max, value), 1);
    rarest.set(vectorizer, weight);
  }
  return weight;
}

/**
 * How much of a text the fitted vocabulary knows: the IDF-weighted share of its words seen in
 * training, an unseen word weighing as much as the rarest seen one. Scores over unknown words say
 * little, whatever their size; a text of frequent known words ("how do I") still scores low if its
 * content words are new.
 */
export function knownWordShare(vectorizer: Vectorizer, text: string): number {
  const words = tokenize(normalizeText(text));
  if (words.length === 0) return 0;
  const unseenWeight = rarestWeight(vectorizer);
  let known = 0;
  let total = 0;
  for (const word of words) {
    const col = vectorizer.columnOf.get(hashString(WORD_SEED, word));
    const weight = col === undefined ? unseenWeight : vectorizer.idf[col]!;
    total += weight;
    if (col !== undefined) known += weight;
  }
  return known / total;
}

export function fitVectorizer(texts: readonly string[], options: FeatureOptions): Vectorizer {
  const df = new Map<number, number>();
  const blockOf = new Map<number, number>();
  for (const text of texts) {
    countFeatures(text, options).forEach((counts, block) => {
      for (const key of counts.keys()) {
        df.set(key, (df.get(key) ?? 0) + 1);
        blockOf.set(key, block);
      }
    });
  }
  const kept = [...df.entries()].filter(([, count]) => count >= options.minDf);
  const hashes = new Int32Array(kept.length);
  const idf = new Float32Array(kept.length);
  const blocks = new Uint8Array(kept.length);
  kept.forEach(([key, count], col) => {
    hashes[col] = key;
    idf[col] = Math.log((1 + texts.length) / (1 + count)) + 1;
    blocks[col] = blockOf.get(key)!;
  });
  return restoreVectorizer(options, hashes, idf, blocks);
}

export function restoreVectorizer(
  options: FeatureOptions,
  hashes: Int32Array,
  idf: Float32Array,
  blocks: Uint8Array,
): Vectorizer {
  const columnOf = new Map<number, number>();
  hashes.forEach((key, col) => {
    columnOf.set(key, col);
  });
  return { options, hashes, idf, blocks, columnOf };
}

/** Sublinear TF-IDF per block, each block scaled to its share of a unit-length vector. */
export function vectorizeText(vectorizer: Vectorizer, text: string): { indices: number[]; values: number[] } {
  const indices: number[] = [];
  const values: number[] = [];
  const share = vectorizer.options.wordShare;
  countFeatures(text, vectorizer.options).forEach((counts, block) => {
    const from = indices.length;
    let norm = 0;
    for (const [key, count] of counts) {
      const col = vectorizer.columnOf.get(key);
      if (col === undefined) continue;
      const tf = vectorizer.options.termFrequency === "binary" ? 1 : 1 + Math.log(count);
      const value = tf * vectorizer.idf[col]!;
      indices.push(col);
      values.push(value);
      norm += value * value;
    }
    const scale = Math.sqrt(block === 0 ? share : 1 - share) / Math.sqrt(norm || 1);
    for (let i = from; i < values.length; i++) values[i] = values[i]! * scale;
  });
  return { indices, values };
}

export function vectorizeTexts(vectorizer: Vectorizer, texts: readonly string[]): SparseMatrix {
  return buildSparseMatrix(
    texts.map((text) => vectorizeText(vectorizer, text)),
    vectorizer.hashes.length,
  );
}
