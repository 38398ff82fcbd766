import http from "node:http";

/*
 * An open-loop load generator: request i is due at start + i / rate, evenly spaced, whatever the
 * server is doing, and its latency is counted from the moment it was due, not from when it was
 * written to the socket. A slow server therefore cannot slow the arrivals down, and a request that
 * waited for a free socket pays for the wait (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it spreads the rate over its connections and starts them
 * together, so with 32 connections at 200/s the requests arrive in bursts of 32 every 160 ms. On this
 * machine a bare `node:http` server then shows p99 26 ms at 200/s, against 2 ms with the same
 * requests evenly spaced: the bursts, not the server, made the tail.
 */

export interface OpenLoopRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface OpenLoopResult {
  requests: number;
  /** Achieved completions per second over the run. */
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function runOpenLoop(options: {
  port: number;
  rate: number;
  seconds: number;
  /** Builds the n-th request (0-based, counting across runs is the caller's business). */
  request: (n: number) => OpenLoopRequest;
  /** Sockets the generator may hold open at once (default 64). */
  maxSockets?: number;
  /** A request still unanswered after this many milliseconds counts as a timeout (default 10 s). */
  timeoutMs?: number;
}): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  const inFlight: Promise<void>[] = [];

  const send = (n: number, due: number) =>
    new Promise<void>((resolve) => {
      const { path, headers, body } = options.request(n);
      const req = http.request(
        {
          agent,
          host: "127.0.0.1",
          port: options.port,
          method: "POST",
          path,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
            resolve();
          });
        },
      );
      let timedOut = false;
      req.on("timeout", () => {
        timedOut = true;
        timeouts++;
        req.destroy();
      });
      req.on("error", () => {
        if (!timedOut) errors++;
        resolve();
      });
      req.end(body);
    });

  const start = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Send everything that has fallen due (a late timer sends the overdue ones at once, each still
    // timed from its own due moment), then sleep until the next one is due.
    while (next < total && start + next * interval <= now) {
      inFlight.push(send(next, start + next * interval));
      next++;
    }
    const wait = start + next * interval - performance.now();
    if (next < total && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length === 0
      ? 0
      : round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return {
    requests: total,
    rate: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: round(latencies.at(-1) ?? 0),
    non2xx,
    errors,
    timeouts,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
