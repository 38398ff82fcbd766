import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { en, type MessageKey } from "../../i18n/messages/en";
import { t } from "../../i18n/translate";
import { ASSISTANT_TEXT_KEYS } from "./fixed-reply";

const LANGUAGES = loadConfig({}).SUPPORTED_LANGUAGES;
const PARAMS = { number: "112", helpline: "116 123", language: "English" };

describe("the assistant's fixed texts", () => {
  it.each(LANGUAGES)("exist in %s with every placeholder filled", (lang) => {
    for (const key of ASSISTANT_TEXT_KEYS) {
      expect(Object.hasOwn(en, key), key).toBe(true);
      const text = t(lang, key as MessageKey, PARAMS);
      expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(10);
      expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      if (lang !== "en")
        expect(text, `${lang} ${key} is untranslated`).not.toBe(t("en", key as MessageKey, PARAMS));
    }
  });

  it.each(LANGUAGES)("tell the citizen in %s the emergency number and the crisis helpline", (lang) => {
    expect(t(lang, "reply.emergency", PARAMS)).toContain("112");
    expect(t(lang, "reply.crisis", PARAMS)).toContain("116 123");
  });
});
