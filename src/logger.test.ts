import { expect, it } from "vitest";
import { createLogger } from "./logger";

it("redacts messages and string fields and honours the level", () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    redact: (t) => t.replaceAll(/\S+@\S+/g, "[email]"),
    write: (line) => lines.push(line),
  });
  logger.debug("hidden");
  logger.info("mail from ana@example.ro", { from: "ana@example.ro", count: 2 });
  expect(lines).toHaveLength(1);
  const entry = JSON.parse(lines[0]!);
  expect(entry).toMatchObject({ level: "info", message: "mail from [email]", from: "[email]", count: 2 });
});
