import { analyzeText } from "../retrieval/analyzer";

/**
 * Everyday words for what the city's pages say in their own words: a citizen asks when the council
 * will "fix" a pothole, the page says how quickly "we repair". Each pair is (citizen's word, page's word),
 * single words analysed like the rest of the question, so "fixing" and "fixed" map too. Kept to words
 * with one everyday meaning: "clear" or "sort" would map "clear bags" and "sort your waste" wrongly.
 */
const EVERYDAY: Record<string, [string, string][]> = {
  en: [
    ["fix", "repair"],
    ["mend", "repair"],
    ["shut", "close"],
  ],
  fr: [
    ["ramassage", "collecte"],
    ["ramasser", "collecter"],
    ["reboucher", "réparer"],
    ["frigo", "réfrigérateur"],
    ["canapé", "meubles"],
    // The stemmer leaves the forms of the irregular "voir" apart: "si je vois" meets "si vous voyez".
    ["vois", "voyez"],
    ["voit", "voyez"],
    ["voir", "voyez"],
    ["voyons", "voyez"],
    ["voient", "voyez"],
  ],
  ro: [
    ["cauciucuri", "anvelope"],
    ["canapea", "mobila"],
    ["canapele", "mobila"],
    ["frigider", "frigidere"],
  ],
  es: [
    ["arreglar", "reparar"],
    ["nevera", "frigorífico"],
  ],
};

/**
 * Everyday phrases of several words for what the pages say otherwise, folded (lower case, no
 * diacritics): "the tip" is the recycling centre, a boiler that "packs up" is broken, "mașina de gunoi"
 * that comes is the collection. Only phrases whose words alone would mislead: "tip" alone is also
 * fly-tipping, "mașina" alone is a car.
 */
const EVERYDAY_PHRASES: Record<string, [string, string][]> = {
  en: [
    ["the tip", "the recycling centre"],
    ["the dump", "the recycling centre"],
    ["local tip", "recycling centre"],
    ["rubbish tip", "recycling centre"],
    ["rubbish dump", "recycling centre"],
    ["packs up", "is broken"],
    ["packed up", "is broken"],
    ["conked out", "is broken"],
    ["stopped working", "is broken"],
    ["stops working", "is broken"],
    ["gone off", "is broken"],
    ["passed away", "died"],
    ["send someone out", "attend"],
    ["taken away", "removed"],
    ["take away", "remove"],
    ["rent from the council", "council tenant"],
    ["renting from the council", "council tenant"],
    ["rent off the council", "council tenant"],
  ],
  fr: [
    ["tombe en panne", "est en panne"],
    ["plus de chauffage", "panne de chauffage"],
  ],
  ro: [
    ["masina de gunoi", "colectarea gunoiului"],
    ["masina gunoiului", "colectarea gunoiului"],
    ["abonamentul la biblioteca", "inscrierea la biblioteca"],
    ["abonament la biblioteca", "inscrierea la biblioteca"],
    ["abonament de biblioteca", "inscrierea la biblioteca"],
  ],
  de: [["kaputt gegangen", "defekt"]],
  es: [["camion de la basura", "recogida de basura"]],
};

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ");
}

/** The question with its everyday phrases in the pages' words, folded; for weighing its terms only. */
export function toPageWords(question: string, lang: string): string {
  const phrases = EVERYDAY_PHRASES[lang];
  let folded = ` ${fold(question)} `;
  if (!phrases) return folded.trim();
  for (const [everyday, page] of phrases) folded = folded.split(` ${everyday} `).join(` ${page} `);
  return folded.trim();
}

const cache = new Map<string, ReadonlyMap<string, string>>();

/** The page's term for each everyday term of a language, both analysed (stemmed). */
export function everydayTermsOf(lang: string): ReadonlyMap<string, string> {
  let terms = cache.get(lang);
  if (!terms) {
    const map = new Map<string, string>();
    for (const [everyday, page] of EVERYDAY[lang] ?? []) {
      const from = analyzeText(everyday, lang);
      const to = analyzeText(page, lang)[0];
      if (from.length > 0 && to) map.set(from[0]!, to);
    }
    terms = map;
    cache.set(lang, terms);
  }
  return terms;
}
