import { describe, expect, it } from "vitest";
import { diversifyRanking } from "./diversify-ranking";

// Documents 0, 1 and 2 point the same way (the same rule written for three sectors); 3 and 4 elsewhere.
const vectors = {
  dimensions: 2,
  values: Float32Array.from([1, 0, 1, 0, 0.995, 0.0998, 0, 1, 0.6, 0.8]),
};
const ranked = [
  { doc: 0, score: 1 },
  { doc: 1, score: 0.98 },
  { doc: 2, score: 0.97 },
  { doc: 3, score: 0.95 },
  { doc: 4, score: 0.5 },
];

describe("diversifyRanking", () => {
  it("moves a different article above near-copies of the first, keeping the first first", () => {
    const order = diversifyRanking(ranked, vectors, { pool: 4, penalty: 0.1 }).map((r) => r.doc);
    expect(order).toEqual([0, 3, 1, 2, 4]);
  });

  it("leaves the ranking alone without a penalty, and past the pool", () => {
    expect(diversifyRanking(ranked, vectors, { pool: 5, penalty: 0 })).toEqual(ranked);
    expect(diversifyRanking(ranked, vectors, { pool: 1, penalty: 0.1 })).toEqual(ranked);
  });

  it("does not let a small penalty overturn a clearly better article", () => {
    const spread = [
      { doc: 0, score: 1 },
      { doc: 1, score: 0.9 },
      { doc: 3, score: 0.5 },
    ];
    expect(diversifyRanking(spread, vectors, { pool: 3, penalty: 0.1 }).map((r) => r.doc)).toEqual([0, 1, 3]);
  });
});
