import { describe, expect, it } from "vitest";
import { splitSectionSentences } from "./answer-sentences";
import { calendarMarks } from "./calendar-ranges";
import { memoByText } from "./text-memo";

describe("memoByText", () => {
  it("computes a text once per language and hands out copies", () => {
    let calls = 0;
    const words = memoByText(
      (text, lang) => {
        calls++;
        return [lang, ...text.split(" ")];
      },
      (value) => [...value],
    );
    const first = words("a b", "en");
    first.push("changed");
    expect(words("a b", "en")).toEqual(["en", "a", "b"]);
    expect(words("a b", "fr")).toEqual(["fr", "a", "b"]);
    expect(calls).toBe(2);
  });

  it("keeps no long texts and empties itself when full", () => {
    let calls = 0;
    const length = memoByText(
      (text) => {
        calls++;
        return text.length;
      },
      (n) => n,
      { maxEntries: 2, maxLength: 5 },
    );
    length("toolong", "en");
    length("toolong", "en");
    expect(calls).toBe(2);
    length("a", "en");
    length("b", "en");
    length("c", "en"); // full: emptied, then "c" kept
    length("a", "en");
    expect(calls).toBe(6);
    length("c", "en");
    expect(calls).toBe(6);
  });

  it("leaves a section's sentences and calendar marks unchanged when a caller edits its copy", () => {
    const text = "Open Monday to Friday.\n\nBring:\n- a photo\n- proof of address";
    const sentences = splitSectionSentences(text, "en");
    sentences[0]!.terms.add("intruder");
    sentences[1]!.items!.push("intruder");
    const again = splitSectionSentences(text, "en");
    expect(again[0]!.terms.has("intruder")).toBe(false);
    expect(again[1]!.items).toEqual(["a photo.", "proof of address."]);
    const marks = calendarMarks("Monday to Friday", "en");
    marks.length = 0;
    expect(calendarMarks("Monday to Friday", "en")).toContain("@day3");
  });
});
