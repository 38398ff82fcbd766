import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import twilio from "twilio";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { type OpenLoopRequest, type OpenLoopResult, runOpenLoop } from "./open-loop";
import { positive } from "./turn";

/*
 * Inbound SMS webhook latency at a fixed arrival rate (open loop, so a slow server cannot slow the
 * load down), signature check and storage included, reply job excluded; beside a bare Hono route that
 * parses the same signed form, in the same run. The server runs in a child process.
 */

const TOKEN = "bench-auth-token";
const PUBLIC = "https://civicdesk.example.org";
const PATH = "/channels/sms/twilio";
const TEXTS = [
  "When is my bin collected?",
  "Când se colectează gunoiul?",
  "Quand passe le camion poubelle ?",
  "There is a big pothole outside 12 Elm Road",
  "Wann ist das Bürgeramt geöffnet?",
];

export async function runSmsBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, {
    rate: "string",
    duration: "string",
    warmup: "string",
    database: "string",
  });
  const rate = positive(options.rate, 200, "--rate");
  const duration = positive(options.duration, 20, "--duration");
  const warmup = positive(options.warmup, 5, "--warmup");
  const kind = (options.database as string | undefined) ?? "pglite";
  if (!["pglite", "postgres"].includes(kind)) throw new UsageError("--database is pglite or postgres");
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (kind === "postgres" && !serverUrl)
    throw new UsageError("PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL");

  const child = fork(fileURLToPath(new URL("./sms-server.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      SMS_BENCH_ENV: JSON.stringify({
        TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_FROM_NUMBER: "+40312000000",
        PUBLIC_BASE_URL: PUBLIC,
      }),
      ...(kind === "postgres" ? { SMS_BENCH_DATABASE_URL: serverUrl } : {}),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <T>(message?: object) =>
    new Promise<T>((resolve, reject) => {
      child.once("message", (reply) => resolve(reply as T));
      child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
      if (message) child.send(message);
    });
  try {
    const ready = await ask<{ appPort: number; barePort: number; database: string }>();
    let sequence = 0;
    const request = (path: string, signed: boolean) => (): OpenLoopRequest => {
      const n = sequence++;
      const sid = `SM${n.toString(16).padStart(32, "0")}`;
      const fields: Record<string, string> = {
        MessageSid: sid,
        SmsMessageSid: sid,
        SmsSid: sid,
        AccountSid: `AC${"0".repeat(32)}`,
        From: `+4072${String(n % 500).padStart(7, "0")}`,
        To: "+40312000000",
        Body: TEXTS[n % TEXTS.length]!,
        NumMedia: "0",
        NumSegments: "1",
        SmsStatus: "received",
        ApiVersion: "2010-04-01",
      };
      const signature = signed
        ? twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${PATH}`, fields)
        : "unsigned";
      return {
        path,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
        body: new URLSearchParams(fields).toString(),
      };
    };
    // The server's own CPU per request (user + system, measured in the child around each run): unlike
    // latency it barely moves when other work shares the cores, so it shows what the code costs.
    const load = async (port: number, path: string, signed: boolean, seconds: number) => {
      const before = await ask<{ cpuMicros: number }>({ kind: "cpu" });
      const result: OpenLoopResult = await runOpenLoop({
        port,
        rate,
        seconds,
        request: request(path, signed),
      });
      const after = await ask<{ cpuMicros: number }>({ kind: "cpu" });
      return {
        ...result,
        cpu_ms_per_request: round((after.cpuMicros - before.cpuMicros) / 1000 / result.requests),
      };
    };

    await load(ready.barePort, "/bare", false, warmup);
    await load(ready.appPort, PATH, true, warmup);
    const bare = await load(ready.barePort, "/bare", false, duration);
    process.stderr.write(`bare: ${JSON.stringify(bare)}\n`);
    const sms = await load(ready.appPort, PATH, true, duration);
    process.stderr.write(`sms inbound: ${JSON.stringify(sms)}\n`);
    const stats = await ask<{ stored: number; pendingJobs: number }>({ kind: "stats" });
    return {
      bench: "sms",
      database: ready.database,
      rate_per_second: rate,
      duration_seconds: duration,
      sms_inbound: sms,
      bare,
      overhead_ms: { p50: round(sms.p50 - bare.p50), p99: round(sms.p99 - bare.p99) },
      ratio_p99: round(sms.p99 / Math.max(bare.p99, 0.01)),
      ratio_cpu: round(sms.cpu_ms_per_request / Math.max(bare.cpu_ms_per_request, 0.001)),
      stored_messages: stats.stored,
      reply_jobs_queued: stats.pendingJobs,
      goal_p99_ms: 20,
      goal_met: sms.p99 <= 20 && sms.non2xx === 0 && sms.errors === 0,
    };
  } finally {
    child.send({ kind: "stop" });
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
