export interface RankedDoc {
  doc: number;
  score: number;
}

/** Unit-length vectors, `dimensions` values per document, row `doc`. */
export interface DocumentVectors {
  dimensions: number;
  values: Float32Array;
}

/**
 * Reorders the first `pool` entries of `ranked` (best first) by maximal marginal relevance: each step
 * takes the entry whose score, less `penalty` times its cosine similarity to the nearest entry already
 * taken, is highest. The first entry stays first and the rest of the list keeps its order. Scores are
 * not changed, so a later entry may show a higher score than an earlier one.
 */
export function diversifyRanking<T extends RankedDoc>(
  ranked: readonly T[],
  { dimensions, values }: DocumentVectors,
  { pool: poolSize, penalty }: { pool: number; penalty: number },
): T[] {
  const pool = ranked.slice(0, poolSize);
  const chosen: T[] = [];
  // Per entry not yet taken, its largest similarity to an entry taken so far.
  const nearest = new Float64Array(pool.length);
  const taken = new Uint8Array(pool.length);
  while (chosen.length < pool.length) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const value = pool[i]!.score - penalty * nearest[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    taken[best] = 1;
    const picked = pool[best]!;
    chosen.push(picked);
    const a = picked.doc * dimensions;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const b = pool[i]!.doc * dimensions;
      let dot = 0;
      for (let j = 0; j < dimensions; j++) dot += values[a + j]! * values[b + j]!;
      if (dot > nearest[i]!) nearest[i] = dot;
    }
  }
  return [...chosen, ...ranked.slice(poolSize)];
}
