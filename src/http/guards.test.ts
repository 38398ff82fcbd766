import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { buildApp } from "../app";
import { ConfigError, loadConfig } from "../config";
import { createLogger } from "../logger";
import { createStaff, seedCatalogue } from "../services/cases/test-fixtures";
import { createProxyMatcher } from "./client-ip";
import type { AppEnv } from "./context";
import { respondToError } from "./problem";

const AGENT = "agent-token-0123456789";
const KEY = "open311-key-0123";

describe("app guards", () => {
  let database: TestDatabase;
  const logLines: string[] = [];
  const build = (env: Record<string, string> = {}) =>
    buildApp({
      config: loadConfig({ STAFF_TOKENS: `${AGENT}:u-agent:agent`, OPEN311_API_KEYS: KEY, ...env }),
      database,
      logger: createLogger({ level: "debug", redact: (t) => t, write: (line) => logLines.push(line) }),
    });
  let app: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedCatalogue(database);
    await createStaff(database, ["agent"], "u-agent");
    app = build({ AUTH_FAILURE_LIMIT_PER_IP: "5", CASE_LOOKUP_LIMIT_PER_IP: "4" });
  });
  afterAll(async () => {
    await database.close();
  });

  /** A request as it arrives on a socket from `peer`. */
  const from = (target: ReturnType<typeof buildApp>, peer: string, path: string, init: RequestInit = {}) =>
    target.request(path, init, { incoming: { socket: { remoteAddress: peer } } });
  const staff = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  describe("refused credentials per client address", () => {
    it("turns an address away after its quota of 401s, without counting its valid requests", async () => {
      for (let i = 0; i < 20; i++) {
        expect((await from(app, "198.51.100.1", "/v1/staff/cases", staff(AGENT))).status).toBe(200);
      }
      for (let i = 0; i < 5; i++) {
        expect(
          (await from(app, "198.51.100.1", "/v1/staff/cases", staff("wrong-token-0123456789"))).status,
        ).toBe(401);
      }
      const refused = await from(app, "198.51.100.1", "/v1/staff/cases", staff("wrong-token-0123456789"));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another address with a good token is not affected.
      expect((await from(app, "198.51.100.2", "/v1/staff/cases", staff(AGENT))).status).toBe(200);
    });

    it("counts wrong Open311 keys the same way", async () => {
      const submit = () =>
        from(app, "198.51.100.3", "/open311/v2/requests.json", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "api_key=wrong&service_code=pothole&lat=51.5&long=-0.1",
        });
      for (let i = 0; i < 5; i++) expect((await submit()).status).toBe(403);
      expect((await submit()).status).toBe(429);
    });

    it("takes the address from X-Forwarded-For only when the peer is a trusted proxy", async () => {
      const proxied = build({ TRUSTED_PROXIES: "10.0.0.0/8, ::1", AUTH_FAILURE_LIMIT_PER_IP: "2" });
      const wrong = (peer: string, forwarded: string) =>
        from(proxied, peer, "/v1/staff/cases", {
          headers: { authorization: "Bearer wrong-token-0123456789", "x-forwarded-for": forwarded },
        });
      // Behind the proxy, each citizen has their own budget.
      for (const client of ["203.0.113.7", "203.0.113.8"]) {
        expect((await wrong("10.1.2.3", `192.0.2.1, ${client}`)).status).toBe(401);
        expect((await wrong("10.1.2.3", `192.0.2.1, ${client}`)).status).toBe(401);
        expect((await wrong("10.1.2.3", `192.0.2.1, ${client}`)).status).toBe(429);
      }
      // A client talking directly cannot choose its address by sending the header.
      expect((await wrong("198.51.100.9", "203.0.113.50")).status).toBe(401);
      expect((await wrong("198.51.100.9", "203.0.113.51")).status).toBe(401);
      expect((await wrong("198.51.100.9", "203.0.113.52")).status).toBe(429);
    });

    it("matches proxy addresses and CIDR blocks, IPv4 and IPv6", () => {
      const trusted = createProxyMatcher(["10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"]);
      expect(["10.255.0.1", "::ffff:10.0.0.1", "192.168.1.7", "fd12::1", "::1"].every(trusted)).toBe(true);
      expect(["11.0.0.1", "192.168.1.8", "fe80::1", "::2", "garbage"].some(trusted)).toBe(false);
      expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(ConfigError);
    });
  });

  it("caps the cases one address opens through the chat, whatever number of conversations it starts", async () => {
    let opened = 0;
    const chat = buildApp({
      config: loadConfig({ CASE_LIMIT_PER_IP: "3" }),
      database,
      logger: createLogger({ level: "silent", redact: (t) => t }),
      handleCaseTurn: async () => {
        opened += 1;
        return {
          handled: true as const,
          status: "case_opened" as const,
          reply: `Opened case ${opened}.`,
          case: { reference: `CD-2026-00000${opened}`, status: "new" },
        };
      },
    });
    const report = async (peer: string) => {
      const created = await from(chat, peer, "/v1/conversations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web" }),
      });
      const { id, token } = (await created.json()) as { id: string; token: string };
      return from(chat, peer, `/v1/conversations/${id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ text: "The street light on Mill Road is out" }),
      });
    };
    for (let i = 0; i < 3; i++) expect((await report("198.51.100.40")).status).toBe(200);
    const refused = await report("198.51.100.40");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    expect(opened).toBe(3);
    expect((await report("198.51.100.41")).status).toBe(200);
  });

  it("throttles case and Open311 lookups per address", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await from(app, "198.51.100.20", `/open311/v2/requests/X-${i}.json`)).status).toBe(404);
    }
    expect((await from(app, "198.51.100.20", "/open311/v2/requests/X-9.json")).status).toBe(429);
    expect(
      (await from(app, "198.51.100.20", "/v1/cases/CD-2026-000001", staff("some-conversation-token"))).status,
    ).toBe(429);
    expect((await from(app, "198.51.100.21", "/open311/v2/requests/X-1.json")).status).toBe(404);
  });

  it("puts a Content-Security-Policy on the page that allows only its own script", async () => {
    const page = await app.request("/");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("never reflects the Host header into links", async () => {
    const discovery = async (target: ReturnType<typeof buildApp>, host: string) =>
      JSON.stringify(
        await (
          await target.request(`http://${host}/open311/v2/discovery.json`, { headers: { host } })
        ).json(),
      );
    expect(await discovery(app, "evil.example")).not.toContain("evil.example");
    expect(await discovery(app, "localhost:3000")).toContain("http://localhost:3000/open311/v2");
    const configured = build({ PUBLIC_BASE_URL: "https://city.example" });
    const answer = await discovery(configured, "evil.example");
    expect(answer).toContain("https://city.example/open311/v2");
    expect(answer).not.toContain("evil.example");
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/PUBLIC_BASE_URL/);
    // A path that starts with "//" stays a path on the canonical origin (found by the fuzz test: it was a 500).
    const odd = await app.request("http://evil.example//{{7*7}}%23{7*7}/x", {
      headers: { host: "evil.example" },
    });
    expect(odd.status).toBe(404);
  });

  it("answers a wrong method on a known path with 405 and Allow, across the app", async () => {
    const conversations = await app.request("/v1/conversations", { method: "DELETE" });
    expect(conversations.status).toBe(405);
    expect(conversations.headers.get("allow")).toBe("POST");
    expect(conversations.headers.get("content-type")).toContain("application/problem+json");
    const staffCase = await app.request("/v1/staff/cases/CD-2026-000001", { method: "PUT", ...staff(AGENT) });
    expect(staffCase.status).toBe(405);
    expect(staffCase.headers.get("allow")).toBe("GET, HEAD");
    const open311 = await app.request("/open311/v2/requests.json", { method: "DELETE" });
    expect(open311.status).toBe(405);
    expect(open311.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(await open311.json()).toEqual([{ code: 405, description: expect.stringContaining("DELETE") }]);
    expect((await app.request("/open311/v2/services.xml", { method: "POST" })).status).toBe(405);
    expect((await app.request("/no/such/path", { method: "DELETE" })).status).toBe(404);
    expect((await app.request("/open311/v2/nothing.json")).status).toBe(404);
  });

  describe("error logs", () => {
    const logged: string[] = [];
    const probe = new Hono<AppEnv>();
    probe.use(requestId());
    probe.get("/db", () => {
      const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code: "22021",
      });
      throw Object.assign(
        new Error("Failed query: insert into contacts values ($1, $2)\nparams: Alice Example,12 Elm Street"),
        { name: "DrizzleQueryError", cause: driver },
      );
    });
    probe.get("/gone", () => {
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    });
    const logger = {
      error: (message: string, fields?: Record<string, unknown>) =>
        logged.push(JSON.stringify({ level: "error", message, ...fields })),
      info: (message: string, fields?: Record<string, unknown>) =>
        logged.push(JSON.stringify({ level: "info", message, ...fields })),
    };
    probe.onError((error, c) => respondToError(c, error, logger));

    it("never carry a failed query's parameters, only its kind and database code", async () => {
      expect((await probe.request("/db")).status).toBe(500);
      const line = logged.at(-1) ?? "";
      expect(line).toContain('"level":"error"');
      expect(line).toContain("22021");
      expect(line).toContain("DrizzleQueryError");
      expect(line).not.toContain("Alice");
      expect(line).not.toContain("Elm Street");
    });

    it("note a client that went away at info level, without a stack", async () => {
      await probe.request("/gone");
      const line = logged.at(-1) ?? "";
      expect(line).toContain('"level":"info"');
      expect(line).not.toContain("stack");
    });
  });

  describe("Open311 jurisdiction", () => {
    it("answers 404 for another jurisdiction when one is configured, and accepts its own or none", async () => {
      const city = build({ OPEN311_JURISDICTION_ID: "riverton.example" });
      expect((await city.request("/open311/v2/services.json?jurisdiction_id=elsewhere.example")).status).toBe(
        404,
      );
      expect((await city.request("/open311/v2/services.json?jurisdiction_id=riverton.example")).status).toBe(
        200,
      );
      expect((await city.request("/open311/v2/services.json")).status).toBe(200);
      const post = await city.request("/open311/v2/requests.json", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `api_key=${KEY}&jurisdiction_id=elsewhere.example&service_code=pothole&lat=51.5&long=-0.1`,
      });
      expect(post.status).toBe(404);
      // Without the setting every jurisdiction_id is accepted, as before.
      expect((await app.request("/open311/v2/services.json?jurisdiction_id=anything")).status).toBe(200);
    });
  });
});
