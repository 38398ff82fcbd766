import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../service";

/*
 * The second runtime: `src/worker.ts` served by `wrangler dev` (workerd, the Workers runtime) against
 * a real PostgreSQL that the Node side migrated and loaded, as a deployment behind Hyperdrive would be.
 * Needs TEST_DATABASE_URL (Workers have no embedded database) and the wrangler devDependency.
 */
const WRANGLER = "node_modules/.bin/wrangler";
const canRun = Boolean(process.env.TEST_DATABASE_URL) && existsSync(WRANGLER);

if (!canRun) {
  console.warn("workers runtime test skipped: it needs TEST_DATABASE_URL and node_modules/.bin/wrangler");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!canRun)("Cloudflare Workers entry under wrangler dev", () => {
  let service: TestService;
  let worker: ChildProcess;
  let base = "";
  let output = "";

  beforeAll(async () => {
    service = await startTestService({ kind: "postgres" });
    const databaseUrl = (service.database as { url?: string }).url;
    if (!databaseUrl) throw new Error("the test service has no PostgreSQL URL");
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = spawn(
      WRANGLER,
      [
        "dev",
        "--ip",
        "127.0.0.1",
        "--port",
        String(port),
        "--var",
        `DATABASE_URL:${databaseUrl}`,
        "--var",
        `PUBLIC_BASE_URL:${base}`,
      ],
      {
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    worker.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    worker.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`)
        .then((res) => res.ok)
        .catch(() => false);
      if (ok) break;
      if (worker.exitCode !== null || Date.now() > deadline) {
        throw new Error(`wrangler dev did not come up:\n${output.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 150_000);

  afterAll(async () => {
    if (worker?.pid && worker.exitCode === null) {
      process.kill(-worker.pid, "SIGTERM");
      await new Promise((resolve) => worker.once("exit", resolve));
    }
    await service?.close();
  });

  it("reports ready with the database reachable", async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", checks: { database: "ok" } });
  });

  it("searches the knowledge base on one request after another (no connection outlives its request)", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/v1/search?q=${encodeURIComponent("glass recycling")}&lang=en`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { results: { articleId: string; url: string }[] };
      expect(body.results[0]?.articleId).toBe("glass-recycling");
      expect(body.results[0]?.url).toMatch(/^https:\/\/www\.riverton\.example\/waste\/glass-recycling/);
    }
  });

  it("holds a web chat conversation and answers from the knowledge base with citations", async () => {
    const created = await fetch(`${base}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web" }),
    });
    expect(created.status).toBe(201);
    const conv = (await created.json()) as { id: string; token: string };
    const res = await fetch(`${base}/v1/conversations/${conv.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${conv.token}` },
      body: JSON.stringify({ text: "Where can I take glass bottles for recycling?", clientMessageId: "w-1" }),
    });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as {
      message: { status: string; text: string; citations: { title: string; url: string }[] };
    };
    expect(reply.message.status).toBe("answered");
    expect(reply.message.citations.map((c) => c.title)).toContain("Glass recycling");

    const other = await fetch(`${base}/v1/conversations/${conv.id}`, {
      headers: { authorization: "Bearer not-the-token" },
    });
    expect(other.status).toBe(403);
  });

  it("opens a case from the chat and answers its status, like the Node service", async () => {
    const created = await fetch(`${base}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web" }),
    });
    const conv = (await created.json()) as { id: string; token: string };
    let n = 0;
    const say = async (text: string) => {
      const res = await fetch(`${base}/v1/conversations/${conv.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${conv.token}` },
        body: JSON.stringify({ text, clientMessageId: `case-${++n}` }),
      });
      expect(res.status).toBe(200);
      return (
        (await res.json()) as { message: { status: string; text: string; case?: { reference: string } } }
      ).message;
    };
    const first = await say("the street light outside 12 Elm Street has been out for a week");
    expect(first.status).toBe("clarification");
    expect(first.text).toContain("What is the light doing?");
    expect((await say("1")).text).toContain("12 Elm Street");
    const opened = await say("yes");
    expect(opened.status).toBe("case_opened");
    const reference = opened.case?.reference ?? "";
    expect(reference).toMatch(/^CD-\d{4}-\d{6}$/);
    const status = await say(`what is the status of ${reference}?`);
    expect(status.status).toBe("case_status");
    expect(status.text).toContain(reference);
  });
});
