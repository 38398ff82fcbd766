import { deflateRawSync, inflateRawSync } from "node:zlib";
import { stemTokens, tokenizeText } from "./analyzer";
import { STOP_WORDS } from "./stop-words";

/**
 * The searchable fields of an article. The lead (its first paragraph) is a field of its own because
 * editors summarise the page there, so a match in it says more than one deep in the body. `alias`
 * holds the titles and search terms the editors gave in other languages, as language-tagged keys.
 */
const FIELDS = ["title", "body", "lead", "alias"] as const;
export const FIELD_COUNT = FIELDS.length;

/** Term statistics of one article translation: per-field frequencies and per-field lengths. */
export interface DocumentTerms {
  lengths: number[];
  terms: Map<string, number[]>;
}

/**
 * Index keys of a text: Snowball stems, adjacent stem pairs (phrase evidence, "a_b") and the unstemmed
 * folded words ("=word"), which separate words the stemmer merges ("avenant" and "avenir" both give "aven").
 */
export function indexKeys(text: string, lang: string): string[] {
  const words = tokenizeText(text);
  const stems = stemTokens(words, lang);
  const keys = [...stems];
  for (let i = 1; i < stems.length; i++) keys.push(`${stems[i - 1]}_${stems[i]}`);
  const stop = STOP_WORDS[lang];
  for (const word of words) if (!stop?.has(word) && word.length <= 40) keys.push(`=${word}`);
  return keys;
}

/**
 * Keys of a text written in another language than the article's: the same keys as indexKeys, each
 * tagged with that language ("de:bibliothek", "de:offnung_de:zeit", "=de:bibliothek"), so they meet
 * only a query analysed in that language and never the article's own words.
 */
export function aliasKeys(text: string, lang: string): string[] {
  return indexKeys(text, lang).map((key) => aliasKey(key, lang));
}

export function aliasKey(key: string, lang: string): string {
  if (key.startsWith("=")) return `=${lang}:${key.slice(1)}`;
  return key
    .split("_")
    .map((part) => `${lang}:${part}`)
    .join("_");
}

/** The language of an alias key, or undefined for an ordinary key. */
export function aliasLangOf(key: string): string | undefined {
  const colon = key.indexOf(":");
  if (colon < 0) return undefined;
  return key.slice(key.startsWith("=") ? 1 : 0, colon);
}

/** First paragraph of a body (up to its first blank line or heading), bounded for very long leads. */
export function leadOf(body: string): string {
  const lines: string[] = [];
  for (const line of body.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.startsWith("#")) {
      if (lines.length > 0) break;
      continue;
    }
    if (trimmed === "") {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(trimmed);
    if (lines.join(" ").length > 600) break;
  }
  return lines.join(" ").slice(0, 800);
}

export function analyzeDocument(
  fields: { title: string; body: string; lead: string; aliases?: Readonly<Record<string, string>> },
  lang: string,
): DocumentTerms {
  const terms = new Map<string, number[]>();
  const lengths = FIELDS.map((field, f) => {
    const keys =
      field === "alias"
        ? Object.entries(fields.aliases ?? {}).flatMap(([aliasLang, text]) => aliasKeys(text, aliasLang))
        : indexKeys(fields[field], lang);
    for (const key of keys) {
      let tf = terms.get(key);
      if (!tf) {
        tf = new Array<number>(FIELD_COUNT).fill(0);
        terms.set(key, tf);
      }
      tf[f]! += 1;
    }
    return keys.length;
  });
  return { lengths, terms };
}

/** Compact storage form: tab-separated lines, deflated (a few kilobytes per page). */
export function encodeDocumentTerms(doc: DocumentTerms): Uint8Array {
  const lines = [`#\t${doc.lengths.join("\t")}`];
  for (const [term, tf] of doc.terms) lines.push(`${term}\t${tf.join("\t")}`);
  return new Uint8Array(deflateRawSync(Buffer.from(lines.join("\n"), "utf8")));
}

export function decodeDocumentTerms(bytes: Uint8Array): DocumentTerms {
  const lines = inflateRawSync(bytes).toString("utf8").split("\n");
  const lengths = lines[0]!.split("\t").slice(1).map(Number);
  const terms = new Map<string, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.split("\t");
    terms.set(parts[0]!, parts.slice(1).map(Number));
  }
  return { lengths, terms };
}
