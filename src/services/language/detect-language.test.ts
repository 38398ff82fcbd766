import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";
import { toIso1 } from "./language-codes";

const CITY = ["en", "fr", "ro", "de", "es", "hu"];

const SENTENCES: [string, string][] = [
  ["en", "When is the recycling collected on my street?"],
  ["en", "I want to apply for a parking permit for my new car"],
  ["en", "the streetlight outside number 14 has been off for a week"],
  ["en", "How much does a resident parking permit cost per year?"],
  ["fr", "Quand passe le camion des encombrants dans mon quartier ?"],
  ["fr", "Je voudrais signaler un nid de poule devant chez moi"],
  ["fr", "ou puis je faire une demande de carte d'identite"],
  ["fr", "Bonjour, l'éclairage public ne fonctionne plus rue Victor Hugo depuis trois jours."],
  ["ro", "Bună ziua, când se ridică gunoiul menajer în cartierul meu?"],
  ["ro", "Vreau să fac o reclamație despre un stâlp de iluminat căzut"],
  ["ro", "unde pot plati impozitul pe cladire pentru anul acesta"],
  ["ro", "Cum obțin un permis de parcare pentru rezidenți?"],
  ["de", "Wann wird die Biotonne in meiner Straße geleert?"],
  ["de", "Ich möchte einen Termin für einen neuen Personalausweis"],
  ["de", "die strassenlaterne vor unserem haus ist seit tagen kaputt"],
  ["de", "Wo kann ich meinen Wohnsitz ummelden?"],
  ["es", "¿Cuándo pasa el camión de la basura por mi calle?"],
  ["es", "Quiero pedir una cita para renovar el padrón municipal"],
  ["es", "hay un bache enorme en la avenida principal y nadie lo arregla"],
  ["es", "Necesito un certificado de empadronamiento para el colegio de mi hija"],
  ["hu", "Mikor viszik el a szelektív hulladékot az utcánkból?"],
  ["hu", "Szeretnék időpontot foglalni a személyi igazolvány cseréjéhez"],
  ["hu", "hol tudom befizetni a gepjarmuado reszletet"],
  ["hu", "Az utcai lámpa napok óta nem működik a házunk előtt."],
];

describe("detectLanguage", () => {
  it.each(SENTENCES)("recognises %s: %s", (lang, text) => {
    for (const prior of ["en", "fr", "hu"]) {
      expect(detectLanguage(text, { supported: CITY, prior }).lang).toBe(lang);
    }
  });

  it("keeps the conversation's language for short or ambiguous messages", () => {
    for (const prior of CITY) {
      for (const text of ["ok", "Riverton", "A12 3BX", "👍", "12/05", "info"]) {
        const guess = detectLanguage(text, { supported: CITY, prior });
        expect(guess.lang).toBe(prior);
        expect(guess.reliable).toBe(false);
      }
    }
  });

  it("switches on a short message when distinctive letters or words say so", () => {
    expect(detectLanguage("Mulțumesc frumos!", { supported: CITY, prior: "en" }).lang).toBe("ro");
    expect(detectLanguage("Köszönöm szépen", { supported: CITY, prior: "en" }).lang).toBe("hu");
    expect(detectLanguage("¿Dónde está el ayuntamiento?", { supported: CITY, prior: "fr" }).lang).toBe("es");
    expect(detectLanguage("Wo ist das Rathaus?", { supported: CITY, prior: "en" }).lang).toBe("de");
  });

  it("tells scripts apart even when Latin words are mixed in", () => {
    const supported = ["en", "ru", "uk", "ar", "fa", "bn", "zh", "ko"];
    expect(detectLanguage("Сколько ждать background check ?", { supported, prior: "en" }).lang).toBe("ru");
    expect(detectLanguage("Чому я не можу зайти в свій акаунт", { supported, prior: "ru" }).lang).toBe("uk");
    expect(detectLanguage("أين يمكنني دفع فاتورة الماء؟", { supported, prior: "en" }).lang).toBe("ar");
    expect(detectLanguage("چطور می‌توانم گواهینامه بگیرم", { supported, prior: "ar" }).lang).toBe("fa");
    expect(detectLanguage("আমি কিভাবে আবেদন করব", { supported, prior: "en" }).lang).toBe("bn");
    expect(detectLanguage("eta申請表中 雇主要寫英文嗎", { supported, prior: "en" }).lang).toBe("zh");
    expect(detectLanguage("NOC 72406 취업비자 신청은 어떻게 하나요?", { supported, prior: "en" }).lang).toBe(
      "ko",
    );
  });

  it("never answers outside the supported list", () => {
    const guess = detectLanguage("Где находится мэрия?", { supported: CITY, prior: "de" });
    expect(guess).toEqual({ lang: "de", confidence: 0, reliable: false });
    expect(detectLanguage("Onde fica a câmara municipal da cidade?", { supported: CITY }).lang).not.toBe(
      "pt",
    );
  });

  it("normalises labels and falls back to the first supported language without a prior", () => {
    expect(detectLanguage("ok", { supported: ["fra", "English"] }).lang).toBe("fr");
    expect(
      detectLanguage("Where do I pay my council tax bill?", { supported: ["fra", "English"] }).lang,
    ).toBe("en");
  });
});

describe("toIso1", () => {
  it("maps ISO 639-2/3 codes, tags and English names", () => {
    expect(toIso1("fra")).toBe("fr");
    expect(toIso1("fre")).toBe("fr");
    expect(toIso1("German")).toBe("de");
    expect(toIso1("zho")).toBe("zh");
    expect(toIso1("pt-BR")).toBe("pt");
    expect(toIso1("Persian")).toBe("fa");
    expect(toIso1("klingon")).toBeUndefined();
  });
});
