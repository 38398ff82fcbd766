import { describe, expect, it } from "vitest";
import { fillTemplate } from "./fill-template";

describe("fillTemplate", () => {
  it("fills every placeholder once and leaves values unscanned", () => {
    expect(fillTemplate("Hi {{name}}, in {{ city }}.", { name: "{{city}}", city: "Riverton" })).toBe(
      "Hi {{city}}, in Riverton.",
    );
  });

  it("refuses a placeholder without a value or with an empty one", () => {
    expect(() => fillTemplate("Hi {{name}}", {})).toThrow(/name/);
    expect(() => fillTemplate("Hi {{name}}", { name: "  " })).toThrow(/name/);
  });

  it("refuses values that no placeholder uses (a typo in a name)", () => {
    expect(() => fillTemplate("Hi {{name}}", { name: "A", nmae: "B" })).toThrow(/nmae/);
  });
});
