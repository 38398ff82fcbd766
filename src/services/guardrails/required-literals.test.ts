import { describe, expect, it } from "vitest";
import { findRequiredLiterals } from "./required-literals";

describe("findRequiredLiterals", () => {
  it.each([
    [String.raw`\bno pulse\b`, ["no pulse"]],
    [String.raw`\b(?:unconscious|unresponsive)\b`, ["unconscious", "unresponsive"]],
    [String.raw`\bintruder\b(?! alarm)`, ["intruder"]],
    [String.raw`(?<!who do i )\b(?:talk|speak) to (?:a )?human\b`, ["human"]],
    ["smells?", ["smell"]],
    [String.raw`\bgas (?:leak|smell)s?\b`, ["leak", "smell"]],
    [String.raw`(?:foo|bar)(?:\s+\S+){0,3}\s+bazinga`, ["bazinga"]],
  ])("%s needs one of %j", (source, expected) => {
    expect(findRequiredLiterals(source)).toEqual(expected);
  });

  it("gives up when a branch or the whole pattern can match without any literal", () => {
    expect(findRequiredLiterals(String.raw`\bfire\b|\d{5}`)).toBeUndefined();
    expect(findRequiredLiterals(String.raw`(?:abc)?\w+`)).toBeUndefined();
    expect(findRequiredLiterals("a|b")).toBeUndefined();
  });

  it("only returns strings that every match contains", () => {
    const cases: [string, string[]][] = [
      [String.raw`\b(?:has|with) (?:a )?(?:knife|gun)\b`, ["with a knife", "has gun", "with gun"]],
      [String.raw`\bsmoke (?:is )?(?:coming|pouring)\b`, ["smoke coming", "smoke is pouring"]],
      [String.raw`[,;]*(?:\s+\S+){0,2}\s+dying\b`, [" dying", ", he is dying"]],
    ];
    for (const [source, samples] of cases) {
      const anchors = findRequiredLiterals(source)!;
      for (const sample of samples) {
        expect(new RegExp(source).test(sample)).toBe(true);
        expect(anchors.some((a) => sample.includes(a))).toBe(true);
      }
    }
  });
});
