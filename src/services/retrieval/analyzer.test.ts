import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyzer";

describe("analyzeText", () => {
  it("stems a Romanian verb ending the same with or without its diacritics", () => {
    const [accented] = analyzeText("colectează", "ro");
    const [plain] = analyzeText("colecteaza", "ro");
    expect(accented).toBe("colect");
    expect(plain).toBe("colect");
    expect(analyzeText("colectare", "ro")).toEqual(["colect"]);
    expect(analyzeText("functioneaza", "ro")).toEqual(analyzeText("funcționează", "ro"));
  });

  it("leaves other languages' words alone", () => {
    expect(analyzeText("pizza", "en")).toEqual(["pizza"]);
  });
});
