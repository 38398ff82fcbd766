import { newStemmer } from "snowball-stemmers";
import { STOP_WORDS } from "./stop-words";

const SNOWBALL_BY_LANG: Readonly<Record<string, string>> = {
  ar: "arabic",
  ca: "catalan",
  cs: "czech",
  da: "danish",
  de: "german",
  en: "english",
  es: "spanish",
  eu: "basque",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hu: "hungarian",
  hy: "armenian",
  it: "italian",
  nl: "dutch",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sl: "slovene",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
};

/** Part of every article's content hash: a change here re-indexes the knowledge base on the next sync. */
export const ANALYZER_VERSION = 6;

/**
 * Languages whose stemmer misses endings once diacritics are folded: Romanian's rules are written
 * with ă, ș and ț, so "înscriu", "înscrieți" and "înscrierea" (or "colectare" and "colectează") keep
 * different stems. Their stems are cut to a prefix, so the forms of one word meet with or without
 * diacritics.
 */
const STEM_PREFIX: Readonly<Record<string, number>> = { ro: 6 };

type Stem = (word: string) => string;
const stemmers = new Map<string, Stem>();
const identity: Stem = (word) => word;

function getStemmer(lang: string): Stem {
  let stem = stemmers.get(lang);
  if (!stem) {
    const algorithm = SNOWBALL_BY_LANG[lang];
    if (algorithm) {
      const stemmer = newStemmer(algorithm);
      const cache = new Map<string, string>();
      stem = (word) => {
        let out = cache.get(word);
        if (out === undefined) {
          // Stemmed after folding, so the stemmer can miss a suffix it knows only with accents
          // ("collectees" -> "collecte"): a second pass brings it to the stem "collecte" itself gets.
          const once = stemmer.stem(word);
          out = once === word ? once : stemmer.stem(once);
          const accented = lang === "ro" ? restoreRomanianSuffix(word) : undefined;
          if (accented) out = foldText(stemmer.stem(accented));
          if (cache.size < 200_000) cache.set(word, out);
        }
        return out;
      };
    } else {
      stem = identity;
    }
    stemmers.set(lang, stem);
  }
  return stem;
}

/*
 * Romanian endings the stemmer knows only with their diacritics: folded, "colectează" (is collected)
 * would keep "colecteaz" while "colectare" and "colectată" give "colect". The ending gets its
 * diacritics back before stemming, whether the citizen typed them or not.
 */
const ROMANIAN_SUFFIXES: [RegExp, string][] = [
  [/eaza$/, "ează"],
  [/easca$/, "ească"],
  [/arii$/, "ării"],
  [/arilor$/, "ărilor"],
];

function restoreRomanianSuffix(word: string): string | undefined {
  for (const [suffix, accented] of ROMANIAN_SUFFIXES)
    if (suffix.test(word) && word.length > 6) return word.replace(suffix, accented);
  return undefined;
}

/** Lowercase, compatibility-normalise and strip diacritics, so "Congés" and "conges" meet. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .normalize("NFKC");
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Folded word tokens in order, stop words kept (for n-grams and snippets). */
export function tokenizeText(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
}

/** Index terms of a text: folded, stop words removed, stemmed with the language's Snowball stemmer. */
export function analyzeText(text: string, lang: string): string[] {
  return stemTokens(tokenizeText(text), lang);
}

/** analyzeText on tokens already produced by tokenizeText, for callers that also need the words. */
export function stemTokens(tokens: readonly string[], lang: string): string[] {
  const stop = STOP_WORDS[lang];
  const stem = getStemmer(lang);
  const cut = STEM_PREFIX[lang];
  const terms: string[] = [];
  for (const token of tokens) {
    if (stop?.has(token)) continue;
    if (token.length > 40) continue;
    const stemmed = stem(token);
    terms.push(cut ? stemmed.slice(0, cut) : stemmed);
  }
  return terms;
}
