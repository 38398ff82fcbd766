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
  ],
};

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
