import { describe, expect, it } from "vitest";
import { CASE_MESSAGES, type CaseMessageKey, caseText } from "./cases";

const en = CASE_MESSAGES.en!;
const KEYS = Object.keys(en) as CaseMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("case messages", () => {
  it.each(Object.entries(CASE_MESSAGES).filter(([lang]) => lang !== "en"))(
    "%s translates every key with the same placeholders",
    (_lang, messages) => {
      expect(Object.keys(messages).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]));
        if (en[key].length > 12) expect(messages[key], key).not.toBe(en[key]);
      }
    },
  );

  it("fills placeholders and falls back to English", () => {
    expect(caseText("ro", "case.opened", { reference: "CD-2026-000001", service: "Groapă" })).toContain(
      "CD-2026-000001",
    );
    expect(caseText("xx", "intake.cancelled")).toBe(en["intake.cancelled"]);
    expect(caseText("en", "status.reply", { reference: "R" })).toContain("{service}");
  });
});
