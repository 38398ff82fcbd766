import { describe, expect, it } from "vitest";
import { draftOpening } from "./suggest-replies";

describe("draftOpening", () => {
  it("keeps whole sentences and puts each list item on its own line, without Markdown", () => {
    const passage = [
      "## Which bins",
      "Every home has **three** bins. See the [finder](https://x.example/finder) for your day.",
      "",
      "- Food caddy: every week.",
      "- Black bin: every two weeks.",
      "* Blue bin: every two weeks.",
    ].join("\n");
    expect(draftOpening(passage)).toBe(
      "Every home has three bins. See the finder for your day.\n- Food caddy: every week.\n- Black bin: every two weeks.\n- Blue bin: every two weeks.",
    );
  });

  it("stops at a sentence or item boundary near 320 characters", () => {
    const sentence = "This sentence is exactly about sixty characters long, more or less. ";
    const draft = draftOpening(sentence.repeat(10));
    expect(draft.length).toBeLessThanOrEqual(320);
    expect(draft.endsWith("less.")).toBe(true);
  });
});
