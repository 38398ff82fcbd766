/**
 * Character-trigram index over one language's stems, for repairing misspelled query words without
 * comparing them with the whole vocabulary: only stems sharing enough trigrams with the word can be
 * within the allowed edit distance, and only those are compared.
 */
export interface SpellingIndex {
  /** Stems in the order they were added (ties between equally close stems keep that order). */
  terms: string[];
  grams: Map<string, number[]>;
  /** Scratch counters, one per stem, reset after every lookup. */
  counts: Uint16Array;
}

export function buildSpellingIndex(terms: Iterable<string>): SpellingIndex {
  const list: string[] = [];
  const grams = new Map<string, number[]>();
  for (const term of terms) {
    const id = list.length;
    list.push(term);
    for (const gram of uniqueTrigrams(term)) {
      const posting = grams.get(gram);
      if (posting) posting.push(id);
      else grams.set(gram, [id]);
    }
  }
  return { terms: list, grams, counts: new Uint16Array(list.length) };
}

/** Known stems within one edit (two for words of 7+ letters) of `word`, the closest first, at most three. */
export function findNearTerms(index: SpellingIndex, word: string): string[] {
  const max = word.length >= 7 ? 2 : 1;
  const wordGrams = uniqueTrigrams(word);
  // Each edit destroys at most three trigrams of the word, so a stem within `max` edits keeps the rest.
  const needed = wordGrams.size - 3 * max;
  const { counts, terms } = index;
  const touched: number[] = [];
  for (const gram of wordGrams) {
    for (const id of index.grams.get(gram) ?? []) {
      if (counts[id] === 0) touched.push(id);
      counts[id]! += 1;
    }
  }
  const candidates: number[] = [];
  for (const id of touched) {
    if (counts[id]! >= needed && Math.abs(terms[id]!.length - word.length) <= max) candidates.push(id);
    counts[id] = 0;
  }
  // With too few trigrams to filter on, every stem of a close length is a candidate.
  if (needed <= 0) {
    candidates.length = 0;
    terms.forEach((term, id) => {
      if (Math.abs(term.length - word.length) <= max) candidates.push(id);
    });
  }
  candidates.sort((a, b) => terms[a]!.length - terms[b]!.length || a - b);
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const id of candidates) {
    const term = terms[id]!;
    const distance = editDistance(word, term, Math.min(max, bestDistance));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [term];
    } else if (distance === bestDistance && distance <= max) best.push(term);
  }
  return best.slice(0, 3);
}

function uniqueTrigrams(word: string): Set<string> {
  const padded = `\u0001\u0001${word}\u0002\u0002`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
