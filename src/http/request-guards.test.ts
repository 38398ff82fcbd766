import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { openCase } from "../services/cases/open-case";
import { createCitizen, createStaff, seedCatalogue } from "../services/cases/test-fixtures";

const AGENT = "agent-token-0123456789";
const KEY = "open311-key-0123";

/** The whole app on a real socket, so bodies arrive as Node streams them (chunked, unbounded). */
describe("request guards on a listening server", () => {
  let database: TestDatabase;
  let server: ReturnType<typeof serve>;
  let base: string;
  let port: number;
  const logLines: string[] = [];
  let reference: string;
  let citizenToken: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedCatalogue(database);
    await createStaff(database, ["agent"], "u-agent");
    const citizen = await createCitizen(database);
    citizenToken = citizen.token;
    const opened = await openCase({
      ctx: { database, actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "pothole",
        description: "Deep hole, my name is Alice Example",
        location: { lat: 51.5, long: -0.12 },
        attributes: { surface: "road" },
        conversationId: citizen.conversationId,
        channel: "web",
        lang: "en",
      },
    });
    reference = opened.case.reference;
    const app = buildApp({
      config: loadConfig({ STAFF_TOKENS: `${AGENT}:u-agent:agent`, OPEN311_API_KEYS: KEY }),
      database,
      logger: createLogger({ level: "debug", redact: (t) => t, write: (line) => logLines.push(line) }),
    });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  /**
   * Streams up to `total` bytes without a Content-Length, one chunk per drain, and stops as soon as the
   * answer arrives; resolves with the answer and how much had been sent by then.
   */
  const uploadChunked = (path: string, headers: Record<string, string>, total: number) =>
    new Promise<{ status: number; type: string; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          headers: { ...headers, "transfer-encoding": "chunked" },
        },
        (res) => {
          answered = true;
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => {
            body += d;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body, sent }),
          );
        },
      );
      req.on("error", (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(256 * 1024, "a");
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      pump();
    });

  it("cuts a chunked Open311 upload at the limit, before reading it all and before the key check", async () => {
    const total = 200 * 1024 * 1024;
    const answer = await uploadChunked(
      "/open311/v2/requests.json",
      { "content-type": "application/x-www-form-urlencoded" },
      total,
    );
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(total / 4);
  });

  it("cuts a chunked upload on the chat and staff APIs with a 413 problem", async () => {
    for (const [path, headers] of [
      ["/v1/conversations", { "content-type": "application/json" }],
      ["/v1/staff/cases", { "content-type": "application/json", authorization: `Bearer ${AGENT}` }],
    ] as const) {
      const total = 100 * 1024 * 1024;
      const answer = await uploadChunked(path, headers, total);
      expect(answer.status, path).toBe(413);
      expect(answer.type).toContain("application/problem+json");
      expect(answer.sent).toBeLessThan(total / 4);
    }
  });

  it("refuses a wrong staff token without reading the body", async () => {
    const answer = await uploadChunked(
      "/v1/staff/cases",
      { "content-type": "application/json", authorization: "Bearer wrong-token-0123456789" },
      50 * 1024 * 1024,
    );
    expect(answer.status).toBe(401);
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("refuses a wrong Open311 key sent in the query string without reading the body", async () => {
    const answer = await uploadChunked(
      "/open311/v2/requests.json?api_key=wrong",
      { "content-type": "application/x-www-form-urlencoded" },
      50 * 1024 * 1024,
    );
    expect(answer.status).toBe(403);
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it("limits staff bodies with a Content-Length too", async () => {
    const response = await fetch(`${base}/v1/staff/cases`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${AGENT}` },
      body: JSON.stringify({ description: "x".repeat(10 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("answers JSON nested a million deep with 400 or 413, and deep JSON within the limit with 400", async () => {
    const million = await uploadChunked(
      "/v1/staff/cases",
      { "content-type": "application/json", authorization: `Bearer ${AGENT}` },
      2_000_000,
    );
    expect([400, 413]).toContain(million.status);
    const deepArrays = `${"[".repeat(30_000)}${"]".repeat(30_000)}`;
    const deepObjects = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    for (const [path, body] of [
      ["/v1/staff/cases", deepArrays],
      ["/v1/staff/cases", deepObjects(10_000)],
      ["/v1/conversations", deepObjects(5_000)],
    ] as const) {
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${AGENT}` },
        body,
      });
      expect(response.status, `${path} ${body.length}`).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(((await response.json()) as { detail: string }).detail).toMatch(/nested/);
    }
  });

  describe("NUL bytes and broken text", () => {
    const chat = async () => {
      const created = await fetch(`${base}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web" }),
      });
      return (await created.json()) as { id: string; token: string };
    };

    it("answers 400 on chat messages, clientMessageId, case references and staff routes", async () => {
      const { id, token } = await chat();
      const before = logLines.length;
      const attempts: [string, RequestInit][] = [
        [
          `/v1/conversations/${id}/messages`,
          { method: "POST", headers: { authorization: `Bearer ${token}` }, body: '{"text":"hello\\u0000"}' },
        ],
        [
          `/v1/conversations/${id}/messages`,
          {
            method: "POST",
            headers: { authorization: `Bearer ${token}` },
            body: '{"text":"hello","clientMessageId":"a\\u0000b"}',
          },
        ],
        [
          `/v1/conversations/${id}/messages`,
          {
            method: "POST",
            headers: { authorization: `Bearer ${token}` },
            body: '{"text":"lone \\ud800 half"}',
          },
        ],
        ["/v1/cases/CD%00", { headers: { authorization: `Bearer ${citizenToken}` } }],
        ["/v1/cases/CD%ED%A0%80", { headers: { authorization: `Bearer ${citizenToken}` } }],
        ["/v1/staff/cases/CD%00", { headers: { authorization: `Bearer ${AGENT}` } }],
        ["/v1/staff/cases?q=a%00b", { headers: { authorization: `Bearer ${AGENT}` } }],
        [
          `/v1/staff/cases/${reference}/notes`,
          { method: "POST", headers: { authorization: `Bearer ${AGENT}` }, body: '{"text":"note\\u0000"}' },
        ],
        [
          "/v1/staff/cases",
          {
            method: "POST",
            headers: { authorization: `Bearer ${AGENT}` },
            body: '{"serviceCode":"pothole","description":"Alice at 12 Elm\\u0000","lang":"en","location":{"address":"12 Elm Street"},"attributes":{"surface":"road"}}',
          },
        ],
        ["/open311/v2/requests/CD%00.json", {}],
      ];
      for (const [path, init] of attempts) {
        const response = await fetch(`${base}${path}`, {
          ...init,
          headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
        });
        expect(response.status, path).toBe(400);
      }
      const form = await fetch(`${base}/open311/v2/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `api_key=${KEY}&service_code=pothole&lat=51.5&long=-0.1&attribute[surface]=road&description=hole%00`,
      });
      expect(form.status).toBe(400);
      expect(logLines.slice(before).filter((l) => l.includes('"error"'))).toEqual([]);
    });
  });
});
