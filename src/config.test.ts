import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("gives embedded defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe("./.data");
    expect(config.SUPPORTED_LANGUAGES).toEqual(["en", "fr", "ro", "de", "es", "hu"]);
    expect(config.KB_AUTOLOAD).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("parses typed values", () => {
    const config = loadConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://u@localhost/db",
      SUPPORTED_LANGUAGES: "EN, ro",
      KB_AUTOLOAD: "no",
    });
    expect(config.PORT).toBe(8080);
    expect(config.SUPPORTED_LANGUAGES).toEqual(["en", "ro"]);
    expect(config.KB_AUTOLOAD).toBe(false);
  });

  it("refuses the deprecated STAFF_TOKENS in production, naming it, and keeps it elsewhere", () => {
    const production = { NODE_ENV: "production", PUBLIC_BASE_URL: "https://desk.city.example" };
    expect(loadConfig(production).STAFF_TOKENS).toBeUndefined();
    const tokens = "agent-token-0123456789:u-ada:agent";
    try {
      loadConfig({ ...production, STAFF_TOKENS: tokens });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^STAFF_TOKENS: is refused when NODE_ENV is production/),
      ]);
      // The message names the variable, never its value.
      expect((error as ConfigError).message).not.toContain("agent-token");
    }
    expect(loadConfig({ NODE_ENV: "development", STAFF_TOKENS: tokens }).STAFF_TOKENS).toBe(tokens);
    expect(loadConfig({ NODE_ENV: "test", STAFF_TOKENS: tokens }).STAFF_TOKENS).toBe(tokens);
  });

  it("names every bad variable, one problem per line", () => {
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        REDIS_URL: "http://x",
        SUPPORTED_LANGUAGES: "english",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.split(":")[0])).toEqual(
        expect.arrayContaining(["PORT", "DATABASE_URL", "REDIS_URL", "SUPPORTED_LANGUAGES.0"]),
      );
      expect(problems).toHaveLength(4);
    }
  });
});
