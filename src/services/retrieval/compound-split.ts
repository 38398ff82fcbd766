import { stemTokens } from "./analyzer";

/** Languages that write compounds as one word: "Sperrmüllabholung", "Gartenabfalltonne". */
const COMPOUNDING = new Set(["de", "nl", "sv", "da", "no", "hu"]);
/** Linking letters between the parts of a compound: "Parkausweis", "Abholungstermin", "Straßenlampe". */
const LINKS = ["", "s", "es", "n", "en", "e"];
const MIN_PART = 3;
const MIN_WORD = 7;

/**
 * The stems of a compound word's parts when every part is a known stem ("mulltonne" -> "mull",
 * "tonn" when both are known), the longest known first part winning; null when the word is no such
 * compound. `word` is a folded token; `known` says whether a stem is in the vocabulary compared with.
 */
export function splitCompound(word: string, lang: string, known: (stem: string) => boolean): string[] | null {
  if (!COMPOUNDING.has(lang) || word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return null;
  return splitFrom(word, lang, known, 0);
}

function splitFrom(
  word: string,
  lang: string,
  known: (stem: string) => boolean,
  depth: number,
): string[] | null {
  const whole = stemOf(word, lang);
  if (depth > 0 && whole && known(whole)) return [whole];
  if (depth >= 3) return null;
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    for (const link of LINKS) {
      if (link && !head.endsWith(link)) continue;
      const part = link ? head.slice(0, -link.length) : head;
      if (part.length < MIN_PART) continue;
      const stem = stemOf(part, lang);
      if (!stem || !known(stem)) continue;
      const rest = splitFrom(tail, lang, known, depth + 1);
      if (rest) return [stem, ...rest];
    }
  }
  return null;
}

function stemOf(word: string, lang: string): string | undefined {
  return stemTokens([word], lang)[0];
}
