import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyzer";
import { splitCompound } from "./compound-split";

const vocabulary = new Set(analyzeText("Sperrmüll Abholung Müll Tonne Garten Abfall Park Ausweis", "de"));
const known = (stem: string) => vocabulary.has(stem);

describe("splitCompound", () => {
  it("splits a German compound into parts the vocabulary knows", () => {
    expect(splitCompound("sperrmullabholung", "de", known)).toEqual(analyzeText("Sperrmüll Abholung", "de"));
    expect(splitCompound("mulltonne", "de", known)).toEqual(analyzeText("Müll Tonne", "de"));
    expect(splitCompound("gartenabfalltonne", "de", known)).toEqual(analyzeText("Garten Abfall Tonne", "de"));
    expect(splitCompound("parkausweis", "de", known)).toEqual(analyzeText("Park Ausweis", "de"));
  });

  it("leaves words it cannot split into known parts, and languages that do not compound, alone", () => {
    expect(splitCompound("bundesliga", "de", known)).toBeNull();
    expect(splitCompound("parkmull", "en", known)).toBeNull();
    expect(splitCompound("tonne", "de", known)).toBeNull();
  });
});
