import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { forEachDatabase } from "../test/db";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { DomainError } from "./domain/errors";
import type { AppEnv } from "./http/context";
import { respondToError } from "./http/problem";
import { createLogger } from "./logger";

const silent = createLogger({ level: "silent", redact: (t) => t });

forEachDatabase("health", (use) => {
  it("reports liveness and readiness", async () => {
    const app = buildApp({ config: loadConfig({}), database: use(), logger: silent });
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
  });

  it("is not ready when a dependency is down", async () => {
    const app = buildApp({
      config: loadConfig({}),
      database: use(),
      logger: silent,
      readinessChecks: {
        queue: async () => {
          throw new Error("connection refused");
        },
      },
    });
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { database: "ok", queue: "unreachable" } });
  });

  it("answers unknown paths with problem+json", async () => {
    const app = buildApp({ config: loadConfig({}), database: use(), logger: silent });
    const res = await app.request("/no/such/path");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body).toMatchObject({ status: 404, title: "Not found" });
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
  });
});

describe("error mapping", () => {
  const logged: string[] = [];
  const app = new Hono<AppEnv>();
  app.get("/domain", () => {
    throw new DomainError("rate_limited", "Slow down.", { retryAfterSeconds: 7 });
  });
  app.get("/zod", () => {
    z.object({ q: z.string().min(3) }).parse({ q: "a" });
    return new Response("unreachable");
  });
  app.get("/crash", () => {
    throw new Error("secret internal detail");
  });
  app.onError((error, c) => respondToError(c, error, (line) => logged.push(line)));

  it("maps domain errors with their status and headers", async () => {
    const res = await app.request("/domain");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toMatchObject({
      detail: "Slow down.",
      type: expect.stringContaining("rate-limited"),
    });
  });

  it("lists each invalid field", async () => {
    const res = await app.request("/zod");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toEqual([{ path: "q", message: expect.any(String) }]);
  });

  it("never leaks internals but logs them", async () => {
    const res = await app.request("/crash");
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret internal detail");
    expect(logged.join("\n")).toContain("secret internal detail");
  });
});
