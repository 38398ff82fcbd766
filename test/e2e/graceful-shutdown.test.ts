import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real Node entry (`src/main.ts`, as `npm start` runs it) in a child process: a chat message whose
 * body is still arriving when SIGTERM lands must be answered in full, new connections must be refused,
 * and the process must then exit 0.
 */
describe("graceful shutdown of the Node entry", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("finishes the turn in flight after SIGTERM, refuses new connections, and exits 0", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: "memory://",
      LOG_LEVEL: "info",
      SHUTDOWN_GRACE_MS: "15000",
    };
    const started = spawn("node_modules/.bin/tsx", ["src/main.ts"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    let output = "";
    started.stdout?.on("data", (chunk) => (output += chunk));
    started.stderr?.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => started.once("exit", (code) => resolve(code)));

    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 600 || started.exitCode !== null) throw new Error(`service did not start:\n${output}`);
      await sleep(100);
    }

    const created = await fetch(`${base}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    expect(created.status).toBe(201);
    const conversation = (await created.json()) as { id: string; token: string };

    // The request line, headers and half the body go out now; the rest only after SIGTERM.
    const body = JSON.stringify({ text: "When is the recycling collected?", clientMessageId: "shutdown-1" });
    const inFlight = request(`${base}/v1/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        authorization: `Bearer ${conversation.token}`,
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on("response", (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        response.on("error", reject);
      });
      inFlight.on("error", reject);
    });
    answered.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    inFlight.write(body.slice(0, 20));
    await sleep(500);

    started.kill("SIGTERM");
    await sleep(500);
    expect(started.exitCode).toBeNull();
    const refused = await fetch(`${base}/healthz`).then(
      () => "accepted",
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe("ECONNREFUSED");

    inFlight.end(body.slice(20));
    const reply = await answered;
    expect(reply.status, reply.text).toBe(200);
    const message = (JSON.parse(reply.text) as { message: { status: string; text: string } }).message;
    expect(message.status).toBe("answered");
    expect(message.text.length).toBeGreaterThan(0);

    expect(await exited).toBe(0);
    expect(output).toMatch(/received SIGTERM, shutting down/);
    expect(output).toMatch(/"inFlight":1/);
  }, 120_000);
});
