import { analyzeText, stemTokens, tokenizeText } from "../retrieval/analyzer";
import { GLOSSARIES } from "./glossary";

/*
 * Offline, a question in a language the knowledge base has no page in is answered from the English
 * page; its words then match nothing there, so the section and sentences were chosen blind (the first
 * section, the first sentences). The bridge puts the question into English words through a civic
 * glossary (word for word, phrases first, inflected forms through the language's stemmer), which is
 * enough for choosing a section and its sentences: the citizen never sees the bridged text. A chat
 * model translates instead (run-turn's searchInDefaultLanguage).
 */

/** The question in English words, and the words the glossary does not know (names, typos, rare words). */
export interface BridgedQuestion {
  english: string;
  unknown: string[];
}

interface CompiledGlossary {
  /** Folded phrases of two or more words. */
  phrases: Map<string, string>;
  longestPhrase: number;
  /** Folded single words. */
  words: Map<string, string>;
  /** Stems of the single words, for the forms the glossary does not list. */
  stems: Map<string, string>;
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

const AMBIGUOUS = "";

/** Case endings a language writes onto a name, folded; the name before them is group 1. */
const CASE_ENDINGS: Record<string, RegExp> = {
  hu: /^(\p{L}{3,}?)-?(ban|ben|ba|be|bol|rol|tol|nal|nel|hoz|hez|ra|re|on|en|ig|ert|nak|nek)$/u,
};

const compiled = new Map<string, CompiledGlossary | null>();

function glossaryFor(lang: string): CompiledGlossary | null {
  const known = compiled.get(lang);
  if (known !== undefined) return known;
  const entries = GLOSSARIES[lang];
  let result: CompiledGlossary | null = null;
  if (entries) {
    result = { phrases: new Map(), longestPhrase: 1, words: new Map(), stems: new Map() };
    for (const [source, english] of Object.entries(entries)) {
      const tokens = tokenizeText(source);
      if (tokens.length === 0) continue;
      if (tokens.length > 1) {
        result.phrases.set(tokens.join(" "), english);
        result.longestPhrase = Math.max(result.longestPhrase, tokens.length);
        continue;
      }
      const word = tokens[0]!;
      result.words.set(word, english);
      const stem = stemTokens([word], lang)[0];
      if (!stem) continue;
      // Two words with one stem and different meanings ("residencia" a care home, "residentes"
      // residents) leave the stem unreadable: only the forms the glossary lists are read.
      // Forms of one word ("solicitar" apply, "solicitud" application) share an English stem and keep
      // the first entry's words.
      const earlier = result.stems.get(stem);
      if (earlier === undefined) result.stems.set(stem, english);
      else if (earlier !== AMBIGUOUS && !sameMeaning(earlier, english)) result.stems.set(stem, AMBIGUOUS);
    }
  }
  compiled.set(lang, result);
  return result;
}

function sameMeaning(a: string, b: string): boolean {
  const terms = new Set(analyzeText(a, "en"));
  return analyzeText(b, "en").some((term) => terms.has(term));
}

export function hasGlossary(lang: string): boolean {
  return glossaryFor(lang) !== null;
}

/** The question in English words, or null when there is no glossary for its language. */
export function bridgeQuestion(question: string, lang: string): BridgedQuestion | null {
  const glossary = glossaryFor(lang);
  if (!glossary) return null;
  const tokens = tokenizeText(question);
  const english: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let length = Math.min(glossary.longestPhrase, tokens.length - i); length >= 2; length--) {
      const phrase = glossary.phrases.get(tokens.slice(i, i + length).join(" "));
      if (phrase) {
        english.push(phrase);
        i += length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const token = tokens[i]!;
    i++;
    if (/\p{N}/u.test(token)) {
      english.push(token);
      continue;
    }
    const word = glossary.words.get(token);
    if (word) {
      english.push(word);
      continue;
    }
    const stem = stemTokens([token], lang)[0];
    // A stop word of the citizen's language says nothing the English page could match.
    if (stem === undefined) continue;
    const byStem = glossary.stems.get(stem);
    if (byStem && byStem !== AMBIGUOUS) english.push(byStem);
    else unknown.push(token);
  }
  return { english: english.join(" "), unknown };
}

/**
 * The bridged question for choosing among pages in English: the glossary's words, and those unknown
 * words the pages themselves use (a place such as "Hillcrest", "Blue Badge"); other unknown words
 * would only dilute the match.
 */
export function bridgeForPages(question: string, lang: string, pageWords: Set<string>): string | null {
  const bridged = bridgeQuestion(question, lang);
  if (!bridged) return null;
  const kept = bridged.unknown.flatMap((word) => {
    if (pageWords.has(word)) return [word];
    // Hungarian joins its case endings to names: "Hillcrestben" is "in Hillcrest".
    const base = CASE_ENDINGS[lang]?.exec(word)?.[1];
    return base && pageWords.has(base) ? [base] : [];
  });
  // Pages write most amounts in digits ("Up to 3 items"): a number word also reads as its digit.
  const english = bridged.english
    .split(" ")
    .map((word) => {
      const digit = NUMBER_WORDS.indexOf(word);
      if (digit <= 0 || !pageWords.has(String(digit))) return word;
      return pageWords.has(word) ? `${word} ${digit}` : String(digit);
    })
    .join(" ");
  const text = [english, ...kept].filter(Boolean).join(" ");
  return text || null;
}
