import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleWidget, GENERATED_PATH, generatedModule } from "../../scripts/build-widget";

describe("widget bundle", () => {
  it("is rebuilt from the widget sources (run npm run build:widget after editing them)", async () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(generatedModule(await bundleWidget()));
  });
});
