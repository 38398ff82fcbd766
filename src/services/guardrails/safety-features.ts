import { foldText } from "./normalize-text";

const WORD_SEED = 0x811c9dc5;
const PAIR_SEED = 0x1b873593;
const CHAR_SEED = 0x5bd1e995;
const CHAR_MIN = 3;
const CHAR_MAX = 5;
/** Share of the unit-length vector given to whole words; character n-grams get the rest. */
const WORD_SHARE = 0.5;

function hashText(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

/**
 * Hashed features of a message: words, adjacent word pairs, and character 3-5-grams inside each word
 * (they carry Hungarian and German compounds and inflections the word list never saw). Callers pass the
 * redacted text, so the model never sees personal data; folding matches the rules' spelling.
 * Each block is binary and scaled to its share of a unit vector; returns hash -> value.
 */
export function extractSafetyFeatures(redactedText: string): Map<number, number> {
  const folded = foldText(redactedText).replace(/\p{Nd}/gu, "0");
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordBlock = new Set<number>();
  const charBlock = new Set<number>();
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    wordBlock.add(hashText(WORD_SEED, word));
    if (w + 1 < words.length) wordBlock.add(hashText(hashText(PAIR_SEED, word), ` ${words[w + 1]!}`));
    const padded = ` ${word} `;
    for (let start = 0; start + CHAR_MIN <= padded.length; start++) {
      let h = CHAR_SEED;
      const end = Math.min(padded.length, start + CHAR_MAX);
      for (let i = start; i < end; i++) {
        h = Math.imul(h ^ padded.charCodeAt(i), 16777619);
        if (i - start + 1 >= CHAR_MIN) charBlock.add(h | 0);
      }
    }
  }
  const features = new Map<number, number>();
  const wordValue = Math.sqrt(WORD_SHARE / (wordBlock.size || 1));
  const charValue = Math.sqrt((1 - WORD_SHARE) / (charBlock.size || 1));
  for (const h of wordBlock) features.set(h, wordValue);
  // A word hash and a char hash could collide; summing keeps both signals.
  for (const h of charBlock) features.set(h, (features.get(h) ?? 0) + charValue);
  return features;
}
