import { describe, expect, it } from "vitest";
import { de } from "./messages/de";
import { en, type MessageKey, type Messages } from "./messages/en";
import { es } from "./messages/es";
import { fr } from "./messages/fr";
import { hu } from "./messages/hu";
import { ro } from "./messages/ro";
import { CATALOGUE_LANGUAGES, t, widgetStrings } from "./translate";

const TRANSLATIONS: Record<string, Messages> = { fr, ro, de, es, hu };
const KEYS = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogue", () => {
  it("covers at least the six languages the city needs", () => {
    expect(CATALOGUE_LANGUAGES).toEqual(expect.arrayContaining(["en", "fr", "ro", "de", "es", "hu"]));
  });

  it.each(Object.entries(TRANSLATIONS))(
    "%s has every key, no extra key and no empty text",
    (_lang, messages) => {
      expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) expect(messages[key].trim(), key).not.toBe("");
    },
  );

  it.each(Object.entries(TRANSLATIONS))(
    "%s uses exactly the placeholders of the English text",
    (_lang, messages) => {
      for (const key of KEYS) expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]));
    },
  );

  it.each(Object.entries(TRANSLATIONS))(
    "%s is actually translated, not English copied over",
    (_lang, messages) => {
      const copied = KEYS.filter((k) => messages[k] === en[k] && en[k].length > 12);
      expect(copied).toEqual([]);
    },
  );
});

describe("t", () => {
  it("fills {name} parameters", () => {
    expect(t("en", "reply.emergency", { number: "112" })).toContain("Call 112 now");
    expect(t("ro", "reply.crisis", { helpline: "0800 801 200", number: "112" })).toMatch(
      /0800 801 200.*112/s,
    );
    expect(t("de", "reply.staff_joined", { name: "Frau Weber" })).toBe(
      "Frau Weber vom Team der Stadt ist dem Gespräch beigetreten.",
    );
  });

  it("falls back to English for a language without a catalogue and accepts regional tags", () => {
    expect(t("pt", "widget.send")).toBe("Send");
    expect(t("fr-CA", "widget.send")).toBe("Envoyer");
    expect(t("HU", "widget.send")).toBe("Küldés");
  });

  it("returns an unknown key as it is instead of failing", () => {
    expect(t("fr", "reply.nonexistent" as MessageKey)).toBe("reply.nonexistent");
  });

  it("leaves a placeholder visible when its value is missing", () => {
    expect(t("en", "reply.emergency")).toContain("{number}");
  });
});

describe("widgetStrings", () => {
  it("returns the widget keys without their prefix", () => {
    const strings = widgetStrings("es");
    expect(strings.talkToPerson).toBe("Hablar con una persona");
    expect(strings.placeholder).toBe("Escriba su pregunta…");
    expect(Object.keys(strings)).toHaveLength(KEYS.filter((k) => k.startsWith("widget.")).length);
  });
});
