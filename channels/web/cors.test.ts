import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app";
import { ConfigError, loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { forEachDatabase } from "../../test/db";

const silent = createLogger({ level: "silent", redact: (t) => t });
const CITY_SITE = "https://www.riverton.example";
const OTHER_SITE = "https://evil.example";

describe("WIDGET_ORIGINS", () => {
  it("is empty by default and reads a comma-separated list of origins", () => {
    expect(loadConfig({}).WIDGET_ORIGINS).toEqual([]);
    expect(
      loadConfig({ WIDGET_ORIGINS: "https://www.Riverton.example/, http://127.0.0.1:8080" }).WIDGET_ORIGINS,
    ).toEqual(["https://www.riverton.example", "http://127.0.0.1:8080"]);
  });

  it("refuses entries that are not bare origins", () => {
    for (const bad of [
      "*",
      "www.riverton.example",
      "https://riverton.example/chat",
      "ftp://riverton.example",
    ]) {
      expect(() => loadConfig({ WIDGET_ORIGINS: bad })).toThrow(ConfigError);
    }
  });
});

forEachDatabase("widget CORS", (use) => {
  const app = () =>
    buildApp({ config: loadConfig({ WIDGET_ORIGINS: CITY_SITE }), database: use(), logger: silent });

  const preflight = (path: string, origin: string) =>
    app().request(path, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });

  it("answers the preflight of an allowed origin on the citizen API", async () => {
    for (const path of ["/v1/conversations", "/v1/conversations/abc/messages", "/v1/cases/CD-2026-000001"]) {
      const res = await preflight(path, CITY_SITE);
      expect(res.status, path).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(CITY_SITE);
      expect(res.headers.get("access-control-allow-methods")).toContain("POST");
      expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("gives other origins no CORS headers, on preflight or request", async () => {
    const refused = await preflight("/v1/conversations", OTHER_SITE);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("access-control-allow-methods")).toBeNull();

    const res = await app().request("/v1/conversations", {
      method: "POST",
      headers: { origin: OTHER_SITE, "content-type": "application/json" },
      body: JSON.stringify({ channel: "web" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("lets an allowed origin read replies, errors included", async () => {
    const created = await app().request("/v1/conversations", {
      method: "POST",
      headers: { origin: CITY_SITE, "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe(CITY_SITE);
    expect(created.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(created.headers.get("vary")).toContain("Origin");

    const { id } = (await created.json()) as { id: string };
    const unauthorised = await app().request(`/v1/conversations/${id}`, {
      headers: { origin: CITY_SITE, authorization: "Bearer wrong" },
    });
    expect(unauthorised.status).toBeGreaterThanOrEqual(400);
    expect(unauthorised.headers.get("access-control-allow-origin")).toBe(CITY_SITE);
  });

  it("lets an allowed origin read the refusals of the request guards too", async () => {
    const res = await app().request("/v1/conversations", {
      method: "POST",
      headers: { origin: CITY_SITE, "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", padding: "x".repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("access-control-allow-origin")).toBe(CITY_SITE);
  });

  it("never opens the staff API to other sites", async () => {
    for (const path of ["/v1/staff/cases", "/v1/staff/cases/CD-2026-000001"]) {
      const pre = await preflight(path, CITY_SITE);
      expect(pre.headers.get("access-control-allow-origin"), path).toBeNull();
      const res = await app().request(path, { headers: { origin: CITY_SITE } });
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });

  it("sends no CORS headers when no origin is configured", async () => {
    const plain = buildApp({ config: loadConfig({}), database: use(), logger: silent });
    const res = await plain.request("/v1/conversations", {
      method: "OPTIONS",
      headers: { origin: CITY_SITE, "access-control-request-method": "POST" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-methods")).toBeNull();
  });
});
