import { describe, expect, it } from "vitest";
import { normalizeText, tokenize } from "./normalize-text";

describe("normalizeText", () => {
  it("folds case, accents and compatibility forms on alphabetic scripts", () => {
    expect(normalizeText("Éclairage PUBLIC en panne")).toBe("eclairage public en panne");
    expect(normalizeText("Straße")).toBe("strasse");
    expect(normalizeText("ＦＵＬＬ width")).toBe("full width");
    expect(normalizeText("Улица ТЁМНАЯ")).toBe("улица темная");
    expect(normalizeText("Οδός Αθηνών")).toBe("οδος αθηνων");
  });

  it("keeps combining vowel signs of Indic scripts, which carry meaning", () => {
    const hindi = "सड़क पर गड्ढा";
    expect(normalizeText(hindi)).toBe(hindi.normalize("NFKC"));
  });

  it("replaces digits of any script, links and e-mail addresses", () => {
    expect(normalizeText("Lamp 42 on ٣ street")).toBe("lamp 00 on 0 street");
    expect(normalizeText("see https://x.example/a?b=1 or mail a@b.org now")).toBe("see   or mail   now");
  });
});

describe("tokenize", () => {
  it("splits on punctuation and spaces, leaving unspaced scripts as runs", () => {
    expect(tokenize(normalizeText("Müll, Sperrmüll & co."))).toEqual(["mull", "sperrmull", "co"]);
    expect(tokenize(normalizeText("路灯坏了。请修理"))).toEqual(["路灯坏了", "请修理"]);
    expect(tokenize(normalizeText("حاوية القمامة ممتلئة"))).toEqual(["حاوية", "القمامة", "ممتلئة"]);
  });
});
