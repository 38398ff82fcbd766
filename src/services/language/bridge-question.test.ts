import { describe, expect, it } from "vitest";
import { bridgeForPages, bridgeQuestion, hasGlossary } from "./bridge-question";

describe("bridging a question into English words", () => {
  it("puts phrases, inflected forms and compounds the glossary lists into English", () => {
    const german = bridgeQuestion("Wann wird die Tonne abgeholt?", "de")!;
    expect(german.english.split(" ")).toEqual(expect.arrayContaining(["when", "collected"]));
    const spanish = bridgeQuestion("¿Cuánto cuesta el permiso de aparcamiento?", "es")!;
    expect(spanish.english).toMatch(/how much/);
    expect(spanish.english).toMatch(/permit/);
    // A form the glossary does not list, found through the stemmer: "beantragt" like "beantragen".
    expect(bridgeQuestion("wer beantragt", "de")!.english).toMatch(/apply/);
  });

  it("reads no word through a stem two entries of different meaning share", () => {
    // "residencia" (a care home) and "residentes" share a Spanish stem.
    const bridged = bridgeQuestion("¿Cuánto cuesta el permiso de aparcamiento para residentes?", "es")!;
    expect(bridged.english).toMatch(/resident/);
    expect(bridged.english).not.toMatch(/care home/);
    expect(bridgeQuestion("busco una residencia para mi madre", "es")!.english).toMatch(/care home/);
  });

  it("keeps the words it does not know apart, and drops the language's stop words", () => {
    const bridged = bridgeQuestion("Wann kommt die Müllabfuhr in Hillcrest?", "de")!;
    expect(bridged.unknown).toContain("hillcrest");
    expect(bridged.unknown).not.toContain("die");
    expect(bridged.english).not.toMatch(/hillcrest/);
  });

  it("has no glossary for the default language or an unknown one", () => {
    expect(hasGlossary("en")).toBe(false);
    expect(bridgeQuestion("when is my bin collected", "en")).toBeNull();
    expect(bridgeQuestion("quando passa il camion", "it")).toBeNull();
    expect(hasGlossary("de")).toBe(true);
  });

  it("keeps only the unknown words the pages use, and reads number words as the pages' digits", () => {
    const pageWords = new Set(["hillcrest", "monday", "up", "to", "3", "items"]);
    const text = bridgeForPages(
      "Was kostet die Abholung von drei Teilen in Hillcrest und Blablastadt?",
      "de",
      pageWords,
    )!;
    expect(text).toMatch(/\bhillcrest\b/);
    expect(text).not.toMatch(/blablastadt/);
    expect(text).toMatch(/\b3\b/);
    expect(text).not.toMatch(/\bthree\b/);
  });

  it("finds a name under a Hungarian case ending", () => {
    const pageWords = new Set(["hillcrest", "monday"]);
    expect(bridgeForPages("Mikor viszik el a szemetet Hillcrestben?", "hu", pageWords)).toMatch(
      /\bhillcrest\b/,
    );
    expect(bridgeForPages("Mikor viszik el a szemetet Hillcrestben?", "de", pageWords) ?? "").not.toMatch(
      /hillcrest/,
    );
  });
});
