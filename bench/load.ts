import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import twilio from "twilio";
import { deleteRedisPrefix } from "../src/adapters/job-queue-bullmq.fixture";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { positive } from "./turn";

/*
 * HTTP load through real sockets with autocannon: the web turn, conversation creation, search, Open311
 * (services list and report submission with a key) and the signed SMS webhook, beside a bare Hono
 * route served by the same process in the same run; then how the cost grows with the number of
 * articles and of concurrent conversations. The service runs in child processes (one or more,
 * sharing PostgreSQL and Redis), so the load generator has its own event loop.
 */

const SERVER = fileURLToPath(new URL("./load-server.ts", import.meta.url));
const TWILIO_TOKEN = "load-bench-auth-token";
const TWILIO_SID = `AC${"1".repeat(32)}`;
const PUBLIC = "https://civicdesk.example.org";
const SMS_PATH = "/channels/sms/twilio";
const OPEN311_KEY = "load-bench-key";
const QUESTIONS = [
  "When is my bin collected?",
  "How do I get a resident parking permit?",
  "What are the library opening hours?",
  "Quand sont collectées les poubelles ?",
  "How much is a boat permit in the Harbour district?",
  "How do I pay my council tax?",
];
const SEARCHES = [
  "bin collection",
  "parking permit",
  "library hours",
  "council tax",
  "boat licence",
  "fence repair",
];

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
}
interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

interface Figures {
  requests_per_second: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  statuses?: Record<string, number>;
}

interface Server {
  child: ChildProcess;
  appPort: number;
  barePort: number;
}

export async function runLoadBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, {
    duration: "string",
    connections: "string",
    articles: "string",
    conversations: "string",
    processes: "string",
    database: "string",
  });
  const duration = positive(options.duration, 3, "--duration");
  const connections = positive(options.connections, 8, "--connections");
  const processes = positive(options.processes, 1, "--processes");
  const sizes = listOf(options.articles, [1000], "--articles");
  const conversationCounts = listOf(options.conversations, [1, 10, 100], "--conversations");
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const kind = (options.database as string | undefined) ?? (serverUrl ? "postgres" : "pglite");
  if (!["pglite", "postgres"].includes(kind)) throw new UsageError("--database is pglite or postgres");
  if (kind === "postgres" && !serverUrl)
    throw new UsageError("PostgreSQL needs DATABASE_URL or TEST_DATABASE_URL");
  if (processes > 1 && kind !== "postgres")
    throw new UsageError("--processes above 1 needs PostgreSQL (DATABASE_URL or TEST_DATABASE_URL)");
  const redisUrl = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (processes > 1 && !redisUrl)
    throw new UsageError("--processes above 1 needs REDIS_URL or TEST_REDIS_URL");
  const autocannon = (await import("autocannon" as string)).default as Autocannon;

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const bySize: Record<string, unknown>[] = [];
  let full: Record<string, unknown> = {};
  for (const [index, size] of sizes.entries()) {
    const database = kind === "postgres" ? await createBenchDatabase(serverUrl!) : undefined;
    const servers: Server[] = [];
    try {
      const env: Record<string, string> = {
        TWILIO_ACCOUNT_SID: TWILIO_SID,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_FROM_NUMBER: "+40312000000",
        PUBLIC_BASE_URL: PUBLIC,
        OPEN311_API_KEYS: OPEN311_KEY,
        CASE_LIMIT_PER_CONTACT: "0",
        CASE_LIMIT_PER_IP: "0",
        CASE_LIMIT_PER_MINUTE: "0",
        CASE_LOOKUP_LIMIT_PER_IP: "0",
        ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: "memory://" }),
        ...(processes > 1 && redisUrl ? { REDIS_URL: benchRedisUrl(redisUrl) } : {}),
      };
      // The first process seeds the articles; the others start once it has.
      const seeding = performance.now();
      servers.push(await startServer(env, size, true));
      const seedSeconds = round((performance.now() - seeding) / 1000);
      for (let p = 1; p < processes; p++) servers.push(await startServer(env, size, false));
      log(`${size} articles: ${processes} process(es) ready after ${seedSeconds} s`);
      // One turn and one search each first, so loading the search index and the models is not measured.
      for (const [i, server] of servers.entries()) {
        const [conversation] = await openConversations([server], 1);
        await fetch(`http://127.0.0.1:${server.appPort}/v1/conversations/${conversation!.id}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${conversation!.token}` },
          body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length], clientMessageId: `prime-${i}` }),
        });
        await fetch(`http://127.0.0.1:${server.appPort}/v1/search?lang=en&q=parking`);
      }

      const run = async (
        name: string,
        requests: (server: Server) => AutocannonRequest[],
        conns = connections,
      ) => {
        // Warm up, then measure; with several processes each gets its share of connections at once.
        const share = Math.max(1, Math.round(conns / servers.length));
        const once = (seconds: number) =>
          Promise.all(
            servers.map((server) =>
              autocannon({
                url: `http://127.0.0.1:${requests === bareRequests ? server.barePort : server.appPort}`,
                connections: share,
                duration: seconds,
                timeout: 60,
                requests: requests(server),
              }),
            ),
          );
        await once(Math.max(1, Math.round(duration / 3)));
        await drain(servers);
        const figures = combine(await once(duration));
        // Requests still queued when the run stops must not be billed to the next scenario.
        await drain(servers);
        log(`  ${name} (${conns} connections): ${JSON.stringify(figures)}`);
        return figures;
      };

      const turns: Record<string, Figures> = {};
      const scenarios: Record<string, Figures> = {};
      if (index === 0) {
        scenarios.bare = await run("bare Hono route", bareRequests);
        scenarios.conversation_create = await run("POST /v1/conversations", () => [createConversation()]);
        for (const count of conversationCounts) {
          const conversations = await openConversations(servers, count);
          turns[String(count)] = await run(
            `web turn, ${count} conversations`,
            (server) => turnRequests(conversations.filter((c) => c.server === server)),
            count,
          );
        }
        scenarios.search = await run("GET /v1/search", searchRequests);
        scenarios.open311_services = await run("GET open311 services", () => [
          { method: "GET", path: "/open311/v2/services.json" },
        ]);
        const service = await chooseService(servers[0]!);
        scenarios.open311_submit = await run("POST open311 requests", () => [open311Submit(service)]);
        scenarios.sms_webhook = await run("POST sms webhook", smsRequests);
      } else {
        const conversations = await openConversations(servers, connections);
        turns[String(connections)] = await run("web turn", (server) =>
          turnRequests(conversations.filter((c) => c.server === server)),
        );
        scenarios.search = await run("GET /v1/search", searchRequests);
      }
      const memory = await Promise.all(
        servers.map((server) => ask<Record<string, number>>(server.child, "stats")),
      );
      const result = {
        articles: size,
        published_articles: memory[0]?.articles,
        start_and_seed_seconds: seedSeconds,
        turn: turns,
        ...scenarios,
        memory_per_process: memory.map(({ articles: _, ...rest }) => rest),
      };
      if (index === 0) full = result;
      else bySize.push(result);
    } finally {
      for (const server of servers) await stopServer(server);
      await database?.drop();
      if (processes > 1 && redisUrl) await deleteRedisPrefix(benchRedisUrl(redisUrl), "civicdesk");
    }
  }

  const bare = full.bare as Figures | undefined;
  const base = full.turn as Record<string, Figures>;
  const turnAtDefault = base[String(connections)] ?? Object.values(base).at(-1);
  const searchFirst = full.search as Figures;
  return {
    bench: "load",
    database: kind,
    processes,
    duration_seconds: duration,
    connections,
    full,
    by_articles: bySize,
    ratios: {
      // How many bare-route requests the same process serves in the time of one web turn.
      bare_requests_per_turn:
        bare && turnAtDefault?.requests_per_second
          ? Math.round(bare.requests_per_second / turnAtDefault.requests_per_second)
          : null,
      search_rps_by_articles: [sizes[0], ...bySize.map((s) => s.articles)].map((articles, i) => ({
        articles,
        rps:
          i === 0 ? searchFirst.requests_per_second : (bySize[i - 1]!.search as Figures).requests_per_second,
        p99_ms: i === 0 ? searchFirst.p99_ms : (bySize[i - 1]!.search as Figures).p99_ms,
      })),
    },
    note: "2 shared cores: load generator, service, PostgreSQL and Redis compete; compare ratios within one run",
  };

  async function startServer(env: Record<string, string>, articles: number, seed: boolean): Promise<Server> {
    const child = fork(SERVER, {
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        LOAD_BENCH_ENV: JSON.stringify(env),
        LOAD_BENCH_ARTICLES: String(articles),
        LOAD_BENCH_SEED: seed ? "1" : "0",
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await ask<{ appPort: number; barePort: number }>(child);
    return { child, appPort: ready.appPort, barePort: ready.barePort };
  }
}

/** Waits until each process answers its readiness check (a database round trip) promptly again. */
async function drain(servers: Server[]): Promise<void> {
  for (const server of servers) {
    for (let i = 0; i < 600; i++) {
      const started = performance.now();
      await fetch(`http://127.0.0.1:${server.appPort}/readyz`).catch(() => undefined);
      if (performance.now() - started < 100) break;
    }
  }
}

function bareRequests(): AutocannonRequest[] {
  return [{ method: "GET", path: "/bare" }];
}

function createConversation(): AutocannonRequest {
  return {
    method: "POST",
    path: "/v1/conversations",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ channel: "web", lang: "en" }),
  };
}

interface Conversation {
  server: Server;
  id: string;
  token: string;
}

async function openConversations(servers: Server[], count: number): Promise<Conversation[]> {
  const opened: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const server = servers[i % servers.length]!;
    const res = await fetch(`http://127.0.0.1:${server.appPort}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    if (res.status !== 201) throw new Error(`opening a conversation failed with ${res.status}`);
    opened.push({ server, ...((await res.json()) as { id: string; token: string }) });
  }
  return opened;
}

let sequence = 0;

/** Round robin over the conversations; with as many connections as conversations, each is mostly one citizen. */
function turnRequests(conversations: Conversation[]): AutocannonRequest[] {
  if (conversations.length === 0) return [{ method: "GET", path: "/bare" }];
  return [
    {
      method: "POST",
      setupRequest: (request) => {
        const n = sequence++;
        const conversation = conversations[n % conversations.length]!;
        return {
          ...request,
          path: `/v1/conversations/${conversation.id}/messages`,
          headers: { "content-type": "application/json", authorization: `Bearer ${conversation.token}` },
          body: JSON.stringify({ text: QUESTIONS[n % QUESTIONS.length], clientMessageId: `load-${n}` }),
        };
      },
    },
  ];
}

function searchRequests(): AutocannonRequest[] {
  return [
    {
      method: "GET",
      setupRequest: (request) => {
        const q = SEARCHES[sequence++ % SEARCHES.length]!;
        return { ...request, path: `/v1/search?lang=en&q=${encodeURIComponent(q)}` };
      },
    },
  ];
}

/** A service from the catalogue, with a value for each attribute its definition requires. */
async function chooseService(server: Server): Promise<{ code: string; attributes: Record<string, string> }> {
  const base = `http://127.0.0.1:${server.appPort}/open311/v2`;
  const services = (await (await fetch(`${base}/services.json`)).json()) as { service_code: string }[];
  const code = services[0]?.service_code;
  if (!code) throw new Error("the sample catalogue has no Open311 services");
  const definition = (await (await fetch(`${base}/services/${code}.json`)).json()) as {
    attributes?: { code: string; required: boolean; datatype: string; values?: { key: string }[] }[];
  };
  const attributes: Record<string, string> = {};
  for (const attribute of definition.attributes ?? []) {
    if (!attribute.required) continue;
    attributes[`attribute[${attribute.code}]`] =
      attribute.values?.[0]?.key ?? (attribute.datatype === "number" ? "1" : "load bench");
  }
  return { code, attributes };
}

function open311Submit(service: { code: string; attributes: Record<string, string> }): AutocannonRequest {
  return {
    method: "POST",
    setupRequest: (request) => {
      const n = sequence++;
      return {
        ...request,
        path: "/open311/v2/requests.json",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          api_key: OPEN311_KEY,
          ...service.attributes,
          service_code: service.code,
          lat: String(51.5 + (n % 1000) / 10000),
          long: String(-0.1 - (n % 997) / 10000),
          description: `Load test report ${n}: a broken paving slab`,
          email: `bench${n % 5000}@example.org`,
        }).toString(),
      };
    },
  };
}

function smsRequests(): AutocannonRequest[] {
  return [
    {
      method: "POST",
      path: SMS_PATH,
      setupRequest: (request) => {
        const n = sequence++;
        const sid = `SM${n.toString(16).padStart(32, "0")}`;
        const fields: Record<string, string> = {
          MessageSid: sid,
          SmsMessageSid: sid,
          SmsSid: sid,
          AccountSid: TWILIO_SID,
          From: `+4072${String(n % 500).padStart(7, "0")}`,
          To: "+40312000000",
          Body: QUESTIONS[n % QUESTIONS.length]!,
          NumMedia: "0",
          NumSegments: "1",
          SmsStatus: "received",
          ApiVersion: "2010-04-01",
        };
        return {
          ...request,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": twilio.getExpectedTwilioSignature(
              TWILIO_TOKEN,
              `${PUBLIC}${SMS_PATH}`,
              fields,
            ),
          },
          body: new URLSearchParams(fields).toString(),
        };
      },
    },
  ];
}

/** Throughput adds up across processes; the percentiles are the worst process's (an upper bound). */
function combine(results: AutocannonResult[]): Figures {
  const statuses: Record<string, number> = {};
  for (const result of results)
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
      statuses[code] = (statuses[code] ?? 0) + stat.count;
  return {
    requests_per_second: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50_ms: Math.max(...results.map((r) => r.latency.p50)),
    p99_ms: Math.max(...results.map((r) => r.latency.p99)),
    requests: results.reduce((sum, r) => sum + r.requests.total, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    statuses,
  };
}

function ask<T>(child: ChildProcess, kind?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`load bench server exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (reply) => {
      child.off("exit", onExit);
      resolve(reply as T);
    });
    if (kind) child.send({ kind });
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.send({ kind: "stop" });
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

/** A throw-away database on the server, dropped afterwards. */
async function createBenchDatabase(serverUrl: string) {
  const name = `civicdesk_load_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The service's queue prefix is fixed, so the bench keeps to a Redis database of its own (12). */
function benchRedisUrl(raw: string): string {
  const url = new URL(raw);
  url.pathname = "/12";
  return url.toString();
}

function listOf(value: string | boolean | undefined, fallback: number[], name: string): number[] {
  if (value === undefined) return fallback;
  const numbers = String(value)
    .split(",")
    .map((part) => Number(part.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1))
    throw new UsageError(`${name} is a comma-separated list of positive integers`);
  return numbers;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
