import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * A redis-server of the test's (or the chaos run's) own on a spare port, with no persistence, so it can
 * be killed and started again without touching the machine's shared Redis. A restart comes back empty,
 * the way a Redis without persistence does after a crash.
 */
export interface OwnRedis {
  url: string;
  port: number;
  /** kill -9, then wait for the port to close. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startOwnRedis(options: { port?: number; binary?: string } = {}): Promise<OwnRedis> {
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      options.binary ?? "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--hz", "50"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const started = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      const check = () => {
        if (/Ready to accept connections/i.test(output)) {
          clearTimeout(timer);
          resolve();
        } else if (started.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`redis-server exited:\n${output}`));
        } else setTimeout(check, 20);
      };
      check();
    });
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}
