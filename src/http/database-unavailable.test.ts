import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { createDatabase, type Database } from "../db/client";
import { createLogger } from "../logger";
import { unavailableProblemFor } from "./database-unavailable";

function capturedLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger = createLogger({
    level: "info",
    redact: (text) => text,
    write: (line) => lines.push(JSON.parse(line) as { level: string; message: string }),
  });
  return { logger, lines };
}

function appOn(database: Database, logger: ReturnType<typeof capturedLogger>["logger"]) {
  return buildApp({ config: loadConfig({ NODE_ENV: "test" }), database, logger });
}

/** What every route must answer while the database is out of reach. */
async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await response.json()) as { type: string; status: number; detail: string };
  expect(problem).toMatchObject({ type: "https://civicdesk.dev/problems/unavailable", status: 503 });
  expect(problem.detail).toMatch(/database/);
}

const newConversation = { channel: "web", lang: "en" };
const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("which errors mean the database is out of reach", () => {
  it("a refused connection, wrapped the way drizzle and Node wrap it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const aggregate = new AggregateError([refused], "");
    const wrapped = new Error("Failed query: select 1\nparams: ", { cause: aggregate });
    expect(unavailableProblemFor(wrapped)?.code).toBe("unavailable");
    expect(unavailableProblemFor(wrapped)?.details.retryAfterSeconds).toBe(5);
  });

  it("a server shutting down, a closed PGlite, a lost connection", () => {
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    });
    expect(unavailableProblemFor(shutdown)).toBeDefined();
    expect(unavailableProblemFor(new Error("x", { cause: new Error("PGlite is closed") }))).toBeDefined();
    expect(unavailableProblemFor(new Error("Connection terminated unexpectedly"))).toBeDefined();
  });

  it("not a constraint violation, a bug, or the citizen's own connection resetting", () => {
    expect(
      unavailableProblemFor(Object.assign(new Error("duplicate key"), { code: "23505" })),
    ).toBeUndefined();
    expect(unavailableProblemFor(new TypeError("x is undefined"))).toBeUndefined();
    expect(
      unavailableProblemFor(Object.assign(new Error("aborted"), { code: "ECONNRESET" })),
    ).toBeUndefined();
  });
});

describe("embedded database closed under the app", () => {
  it("answers 503 with Retry-After, and /readyz says the database is unreachable", async () => {
    const database = await createDatabase({ dataDir: "memory://" });
    const { logger, lines } = capturedLogger();
    const app = appOn(database, logger);
    await database.close();

    await expectUnavailable(await app.request("/v1/conversations", post(newConversation)));
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "not_ready", checks: { database: "unreachable" } });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.some((l) => l.message === "database unreachable; answered 503")).toBe(true);
  });
});

/**
 * A real PostgreSQL reached through a TCP proxy this test controls: the proxy is stopped (every
 * connection cut, the port refusing) while the app runs, then started again on the same port.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL out of reach", () => {
  let target: TestDatabase;
  let database: Database;
  let proxy: { start(): Promise<void>; stop(): Promise<void>; port: number };

  beforeAll(async () => {
    target = await createTestDatabase("postgres");
    const upstream = new URL(target.url!);
    proxy = await tcpProxy(upstream.hostname, Number(upstream.port || 5432));
    const viaProxy = new URL(target.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    database = await createDatabase({ databaseUrl: viaProxy.toString(), maxConnections: 2 });
  });
  afterAll(async () => {
    await proxy?.stop();
    await database?.close().catch(() => {});
    await target?.close();
  });

  it("answers 503 with Retry-After while the server cannot be reached, and recovers when it can", async () => {
    const { logger, lines } = capturedLogger();
    const app = appOn(database, logger);
    expect((await app.request("/v1/conversations", post(newConversation))).status).toBe(201);

    await proxy.stop();
    await expectUnavailable(await app.request("/v1/conversations", post(newConversation)));
    await expectUnavailable(await app.request("/v1/cases/CD-2026-000001"));
    const open311 = await app.request("/open311/v2/requests.json");
    expect(open311.status).toBe(503);
    expect(open311.headers.get("retry-after")).toBe("5");
    expect(await open311.json()).toEqual([{ code: 503, description: expect.stringMatching(/database/) }]);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: unknown }).checks).toEqual({ database: "unreachable" });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.some((l) => l.message === "database unreachable; answered 503")).toBe(true);

    await proxy.start();
    expect((await app.request("/readyz")).status).toBe(200);
    expect((await app.request("/v1/conversations", post(newConversation))).status).toBe(201);
  });
});

async function tcpProxy(host: string, port: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let listenPort = 0;
  const start = async () => {
    server = createServer((client) => {
      const upstream = connect(port, host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(listenPort, "127.0.0.1", resolve));
    listenPort = (server.address() as { port: number }).port;
  };
  await start();
  return {
    port: listenPort,
    start,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      server = undefined;
    },
  };
}
