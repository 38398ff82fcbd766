import { describe, expect, it } from "vitest";
import { CASE_MESSAGES } from "./cases";

/** Each language's word for what stays out of the public Open311 feed, and for what is shown. */
const PRIVATE = {
  en: /private/,
  fr: /privés/,
  ro: /private/,
  de: /privat/,
  es: /no se publican/,
  hu: /nem nyilvános/,
};
const STREET = { en: /street/, fr: /rue/, ro: /strada/, de: /Straße/, es: /calle/, hu: /utcát/ };

describe("the intake confirmation", () => {
  it("tells the citizen, before they confirm, what of the report will be public, in every language", () => {
    for (const [lang, messages] of Object.entries(CASE_MESSAGES)) {
      const question = messages["intake.confirm_question"];
      expect(question, lang).toMatch(STREET[lang as keyof typeof STREET]);
      expect(question, lang).toMatch(PRIVATE[lang as keyof typeof PRIVATE]);
    }
  });
});
