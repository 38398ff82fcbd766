import { describe, expect, it } from "vitest";
import { assignFolds, crossValidateRouter } from "./cross-validate-router";

describe("assignFolds", () => {
  it("spreads every code over the folds and keeps the folds within one of each other in size", () => {
    const codes = [...Array(7).fill("light"), ...Array(5).fill("bin"), ...Array(2).fill("sign")];
    const fold = assignFolds(codes, 3);
    const sizes = [0, 0, 0];
    for (const f of fold) sizes[f] = sizes[f]! + 1;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const code of ["light", "bin"]) {
      const perFold = [0, 1, 2].map((f) => codes.filter((c, i) => c === code && fold[i] === f).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    }
    expect([...assignFolds(codes, 3)]).toEqual([...fold]);
  });
});

const LIGHT = [
  "street light is dark",
  "street light not working",
  "the street light flickers",
  "street light out",
];
const BIN = [
  "rubbish bin was not emptied",
  "missed rubbish bin",
  "rubbish bin still full",
  "forgot our rubbish bin",
];

describe("crossValidateRouter", () => {
  it("scores each example once with a router fitted without it", () => {
    const examples = [
      ...LIGHT.map((text) => ({ text, code: "light" })),
      ...BIN.map((text) => ({ text, code: "bin" })),
    ];
    const result = crossValidateRouter({ examples, folds: 4 });
    expect(result.n).toBe(8);
    expect(result.foldAccuracy).toHaveLength(4);
    expect(result.accuracy).toBe(1);
  });

  it("keeps the always-trained examples in every fold, so a service named only there is still found", () => {
    // The only "graffiti" report shares no word with the other reports; in its own fold only the catalogue
    // name can teach the router that "graffiti" means this service.
    const examples = [
      ...LIGHT.map((text) => ({ text, code: "light" })),
      ...BIN.map((text) => ({ text, code: "bin" })),
      { text: "graffiti sprayed on the wall", code: "graffiti" },
    ];
    const names = [
      { text: "Street light", code: "light" },
      { text: "Missed bin", code: "bin" },
      { text: "Graffiti on a wall", code: "graffiti" },
    ];
    const withNames = crossValidateRouter({ examples, alwaysTrain: names, folds: 3 });
    expect(withNames.n).toBe(9);
    expect(withNames.accuracy).toBe(1);
    const without = crossValidateRouter({ examples, folds: 3 });
    expect(without.accuracy).toBeLessThan(1);
  });

  it("refuses fewer than two folds or fewer examples than folds", () => {
    const examples = BIN.map((text) => ({ text, code: "bin" }));
    expect(() => crossValidateRouter({ examples, folds: 1 })).toThrow(/at least 2 folds/);
    expect(() => crossValidateRouter({ examples, folds: 5 })).toThrow(/at least 5 examples/);
  });
});
