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

  it("gives the forms of one Romanian word the same term, with or without diacritics", () => {
    const forms = ["înscriu", "inscriu", "înscrieți", "inscrieti", "înscrierea", "inscriere"];
    expect(new Set(forms.map((word) => analyzeText(word, "ro")[0]))).toEqual(new Set(["inscri"]));
    expect(analyzeText("colectează", "ro")).toEqual(analyzeText("colectare", "ro"));
  });

  it("keeps Romanian words that differ in their first letters apart, and other languages' stems whole", () => {
    expect(analyzeText("pubelă", "ro")).not.toEqual(analyzeText("parcare", "ro"));
    expect(analyzeText("collections", "en")).toEqual(["collect"]);
    expect(analyzeText("inscription", "fr")[0]!.length).toBeGreaterThan(6);
  });
});
