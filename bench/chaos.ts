import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import twilio from "twilio";
import {
  SMS_TEST_ACCOUNT,
  SMS_TEST_NUMBER,
  SMS_TEST_PUBLIC,
  SMS_TEST_TOKEN,
} from "../channels/sms/sms.fixture";
import { createDatabase } from "../src/db/client";
import { loadCaseTimerStates } from "../src/services/sla/load-case-timer-states";
import { planTimers } from "../src/services/sla/plan-timers";
import { freePort, type OwnRedis, startOwnRedis } from "../test/redis-server";
import { startTwilioStandIn, type TwilioStandIn } from "../test/twilio-stand-in";

/*
 * `npm run chaos [-- --short]`: the service as `npm start` runs it (src/main.ts in a child process) on a
 * PostgreSQL database and a redis-server of the run's own, under a load of web chat turns, requests for a
 * person, Open311 reports and signed Twilio SMS webhooks, while the run kills the service with SIGKILL
 * and starts it again, kills and restarts its Redis (which comes back empty), and cuts PostgreSQL
 * connections to its database for a few seconds. Some SLA timers are made due in the middle of it.
 * Clients retry the way real ones do (the same clientMessageId, Twilio's same MessageSid, an Open311
 * report at the same spot). Afterwards every acknowledged message, case and escalation must be stored
 * exactly once, every stored text answered once, and every due SLA timer fired once; the counts are
 * printed and any mismatch exits 1.
 *
 * Needs a PostgreSQL server with pgvector (CHAOS_DATABASE_URL, else TEST_DATABASE_URL, else the local
 * postgres:postgres@127.0.0.1:5432) and redis-server on the PATH. The machine's PostgreSQL server and
 * shared Redis are never stopped: the database is the run's own and is dropped at the end.
 */

const short = process.argv.includes("--short");
const LOAD_SECONDS = short ? 40 : 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (line: string) => process.stdout.write(`[${elapsed()}] ${line}\n`);

interface Ledger {
  webMessages: Map<string, { conversationId: string; clientMessageId: string; status: string }>;
  escalations: Set<string>;
  sms: Map<string, { from: string }>;
  cases: Map<string, string>;
  attempts: { sent: number; failed: number; unacknowledged: number };
}

const ledger: Ledger = {
  webMessages: new Map(),
  escalations: new Set(),
  sms: new Map(),
  cases: new Map(),
  attempts: { sent: 0, failed: 0, unacknowledged: 0 },
};

// --- the run's own PostgreSQL database and Redis ---------------------------------------------------

const serverUrl =
  process.env.CHAOS_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const dbName = `civicdesk_chaos_${randomBytes(4).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

/** One query on the run's database over a fresh connection (the PostgreSQL fault terminates sessions). */
async function query<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// --- the service, as `npm start` runs it ---------------------------------------------------------------

let child: ChildProcess | undefined;
let childOutput = "";
let port = 0;
let redis: OwnRedis;
let standIn: TwilioStandIn;
const OPEN311_KEY = "chaos-open311-key";

function serviceEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    LOG_LEVEL: "warn",
    OPEN311_API_KEYS: OPEN311_KEY,
    TWILIO_ACCOUNT_SID: SMS_TEST_ACCOUNT,
    TWILIO_AUTH_TOKEN: SMS_TEST_TOKEN,
    TWILIO_FROM_NUMBER: SMS_TEST_NUMBER,
    TWILIO_API_BASE_URL: standIn.baseUrl,
    PUBLIC_BASE_URL: SMS_TEST_PUBLIC,
    // The load generator stands in for the city's reverse proxy, so each simulated citizen has an address.
    TRUSTED_PROXIES: "127.0.0.1",
    CASE_LIMIT_PER_CONTACT: "0",
    CASE_LIMIT_PER_IP: "0",
    CASE_LIMIT_PER_MINUTE: "0",
    SMS_SWEEP_SECONDS: "3",
    SLA_SWEEP_SECONDS: "3",
    // A send cut off by the kill is settled (asked of the stand-in) this long after its claim.
    DELIVERY_STALE_CLAIM_SECONDS: "15",
    SHUTDOWN_GRACE_MS: "5000",
  };
}

async function startChild(): Promise<void> {
  childOutput = "";
  // `npm start` runs src/main.ts through tsx; the loader is put in this one process (the tsx command
  // would start a second one), so a kill -9 hits the server itself.
  const spawned = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: serviceEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.stdout?.on("data", (chunk) => (childOutput = (childOutput + chunk).slice(-20_000)));
  spawned.stderr?.on("data", (chunk) => (childOutput = (childOutput + chunk).slice(-20_000)));
  child = spawned;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (spawned.exitCode !== null) throw new Error(`the service exited at start:\n${childOutput}`);
    const ready = await fetch(`${base()}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await sleep(200);
  }
  throw new Error(`the service did not become ready:\n${childOutput}`);
}

async function killChild(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill(signal);
  await Promise.race([exited, sleep(30_000)]);
  if (running.exitCode === null && running.signalCode === null) running.kill("SIGKILL");
  // Nothing may still answer on the port: the next start must be a new process.
  const answering = await fetch(`${base()}/healthz`).then(
    () => true,
    () => false,
  );
  if (answering) throw new Error("the service still answers after it was killed");
}

const base = () => `http://127.0.0.1:${port}`;

// --- clients that retry the way real ones do -------------------------------------------------------

/** Sends until a 2xx (returned), a 4xx that is not 429 (given up), or the deadline (given up). */
async function untilAcknowledged(
  send: () => Promise<Response>,
  giveUpAt: number,
): Promise<Response | undefined> {
  for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
    ledger.attempts.sent += 1;
    try {
      const response = await send();
      if (response.ok) return response;
      if (response.status < 500 && response.status !== 429) {
        say(`refused ${response.status}: ${(await response.text()).slice(0, 200)}`);
        return undefined;
      }
      await response.body?.cancel();
    } catch {
      // Connection refused or cut: the service is restarting.
    }
    ledger.attempts.failed += 1;
    if (Date.now() + delay > giveUpAt) return undefined;
    await sleep(delay);
  }
}

const QUESTIONS = [
  "When is my bin collected?",
  "How do I recycle glass?",
  "Where can I pay a parking fine?",
  "What are the library opening hours?",
  "How do I apply for a resident parking permit?",
];

/** How the replies to "I want to talk to a person" ended (printed; the check counts handoff events). */
const escalationStatuses = new Map<string, number>();
let citizenCounter = 0;
const nextCitizen = () => {
  citizenCounter += 1;
  return citizenCounter;
};
const fakeIp = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function webCitizen(giveUpAt: number): Promise<void> {
  const n = nextCitizen();
  const headers = { "content-type": "application/json", "x-forwarded-for": fakeIp(n) };
  const opened = await untilAcknowledged(
    () =>
      fetch(`${base()}/v1/conversations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ channel: "web", lang: "en" }),
        signal: AbortSignal.timeout(15_000),
      }),
    giveUpAt,
  );
  if (!opened) return;
  const { id, token } = (await opened.json()) as { id: string; token: string };
  const turns = [QUESTIONS[n % QUESTIONS.length]!, ...(n % 4 === 0 ? ["I want to talk to a person"] : [])];
  for (const [i, text] of turns.entries()) {
    const clientMessageId = `chaos-${n}-${i}`;
    const answered = await untilAcknowledged(
      () =>
        fetch(`${base()}/v1/conversations/${id}/messages`, {
          method: "POST",
          headers: { ...headers, authorization: `Bearer ${token}` },
          body: JSON.stringify({ text, clientMessageId }),
          signal: AbortSignal.timeout(20_000),
        }),
      giveUpAt,
    );
    if (!answered) {
      ledger.attempts.unacknowledged += 1;
      return;
    }
    const { message } = (await answered.json()) as { message: { status: string } };
    ledger.webMessages.set(`${id}/${clientMessageId}`, {
      conversationId: id,
      clientMessageId,
      status: message.status,
    });
    if (text === "I want to talk to a person") {
      ledger.escalations.add(`${id}/${clientMessageId}`);
      escalationStatuses.set(message.status, (escalationStatuses.get(message.status) ?? 0) + 1);
    }
  }
}

async function smsCitizen(giveUpAt: number): Promise<void> {
  const n = nextCitizen();
  const from = `+4072${String(n).padStart(7, "0")}`;
  for (const text of ["When is my bin collected?", "And glass?"]) {
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const fields = {
      MessageSid: sid,
      SmsMessageSid: sid,
      SmsSid: sid,
      AccountSid: SMS_TEST_ACCOUNT,
      From: from,
      To: SMS_TEST_NUMBER,
      Body: text,
      NumMedia: "0",
      NumSegments: "1",
      SmsStatus: "received",
      ApiVersion: "2010-04-01",
    };
    const signature = twilio.getExpectedTwilioSignature(
      SMS_TEST_TOKEN,
      `${SMS_TEST_PUBLIC}/channels/sms/twilio`,
      fields,
    );
    const acknowledged = await untilAcknowledged(
      () =>
        fetch(`${base()}/channels/sms/twilio`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
          body: new URLSearchParams(fields),
          signal: AbortSignal.timeout(15_000),
        }),
      giveUpAt,
    );
    if (!acknowledged) {
      ledger.attempts.unacknowledged += 1;
      return;
    }
    await acknowledged.body?.cancel();
    ledger.sms.set(sid, { from });
  }
}

async function open311Report(giveUpAt: number): Promise<void> {
  const n = nextCitizen();
  const marker = `chaos report ${n}`;
  const acknowledged = await untilAcknowledged(
    () =>
      fetch(`${base()}/open311/v2/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": fakeIp(n) },
        body: new URLSearchParams({
          api_key: OPEN311_KEY,
          service_code: "pothole",
          "attribute[surface]": "road",
          // A spot of its own (far apart from every other report), so only a retry is a duplicate.
          lat: (51 + n / 200).toFixed(5),
          long: (-0.5 - n / 200).toFixed(5),
          description: `A pothole, ${marker}.`,
        }),
        signal: AbortSignal.timeout(15_000),
      }),
    giveUpAt,
  );
  if (!acknowledged) {
    ledger.attempts.unacknowledged += 1;
    return;
  }
  const [body] = (await acknowledged.json()) as { service_request_id?: string }[];
  ledger.cases.set(marker, body?.service_request_id ?? "");
}

async function loadLoop(worker: (giveUpAt: number) => Promise<void>, until: number, pauseMs: number) {
  while (Date.now() < until) {
    await worker(until + 40_000);
    await sleep(pauseMs);
  }
}

// --- faults ---------------------------------------------------------------------------------------------

async function killService() {
  say("fault: kill -9 the service");
  await killChild("SIGKILL");
  await sleep(500);
  await startChild();
  say("service ready again");
}

async function restartRedis() {
  say("fault: kill -9 Redis and start it again, empty");
  await redis.kill();
  await sleep(2000);
  await redis.start();
  say("Redis back");
}

async function cutPostgres() {
  say("fault: PostgreSQL refuses connections to the database and its sessions are terminated");
  await admin(async (client) => {
    await client.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [dbName],
    );
  });
  await sleep(4000);
  await admin((client) => client.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`));
  say("PostgreSQL accepts connections again");
}

/** Every Open311 case so far falls 90 days back: all its timers are due now, in the middle of the load. */
async function makeTimersDue(): Promise<number> {
  const { rowCount } = await query(
    `update cases set created_at = now() - interval '90 days',
        first_response_due_at = case when first_response_due_at is null then null else now() - interval '2 minutes' end,
        next_response_due_at = case when next_response_due_at is null then null else now() - interval '2 minutes' end,
        resolution_due_at = case when resolution_due_at is null then null else now() - interval '1 minute' end,
        sla_next_due_at = now() - interval '3 minutes'
      where channel = 'open311' and description like 'A pothole, chaos report %'`,
  );
  say(`SLA: ${rowCount ?? 0} cases made due`);
  return rowCount ?? 0;
}

// --- the check ------------------------------------------------------------------------------------------

interface Row {
  label: string;
  acknowledged: number;
  stored: number;
  duplicates: number;
  missing: number;
}

async function check(dueCaseIds: string[]) {
  const rows: Row[] = [];
  const problems: string[] = [];

  const web = [...ledger.webMessages.values()];
  const webStored = await query<{ key: string; n: number; replies: number }>(
    `select m.conversation_id || '/' || m.idempotency_key as key, count(*)::int as n,
            (select count(*)::int from messages r where r.reply_to_id = any(array_agg(m.id))) as replies
       from messages m where m.role = 'citizen' and m.idempotency_key like 'chaos-%' group by 1`,
  );
  const webByKey = new Map(webStored.rows.map((r) => [r.key, r]));
  const webRow = tally(
    "web chat messages",
    web.map((w) => `${w.conversationId}/${w.clientMessageId}`),
    webByKey,
  );
  rows.push(webRow);
  const unanswered = web.filter(
    (w) => (webByKey.get(`${w.conversationId}/${w.clientMessageId}`)?.replies ?? 0) !== 1,
  );
  if (unanswered.length > 0) problems.push(`${unanswered.length} web messages without exactly one reply`);

  // Asking for a person leaves one handoff event on the conversation: queued for staff, or (outside
  // the team's hours) told when they are back.
  const escalated = await query<{ key: string; n: number }>(
    `select e.conversation_id::text as key, count(*)::int as n from conversation_events e
      where e.kind = 'handoff_closed' or (e.kind = 'owner_changed' and e.to_state = 'waiting')
      group by 1`,
  );
  const twice = escalated.rows.filter((r) => r.n > 1).map((r) => r.key);
  if (twice.length > 0) {
    const detail = await query<{
      conversation_id: string;
      kind: string;
      text: string | null;
      created_at: Date;
    }>(
      `select conversation_id::text, kind, text, created_at from conversation_events
        where conversation_id = any($1::uuid[]) order by conversation_id, created_at`,
      [twice],
    );
    for (const row of detail.rows) {
      problems.push(
        `escalation detail: ${row.conversation_id} ${row.kind} ${row.text ?? ""} at ${row.created_at.toISOString()}`,
      );
    }
  }
  rows.push(
    tally(
      "escalations (asked for a person)",
      [...ledger.escalations].map((key) => key.split("/")[0]!),
      new Map(escalated.rows.map((r) => [r.key, r])),
    ),
  );

  const smsStored = await query<{ key: string; n: number; replies: number }>(
    `select substr(m.idempotency_key, 8) as key, count(*)::int as n,
            (select count(*)::int from messages r where r.reply_to_id = any(array_agg(m.id))) as replies
       from messages m where m.role = 'citizen' and m.idempotency_key like 'twilio:%' group by 1`,
  );
  const smsByKey = new Map(smsStored.rows.map((r) => [r.key, r]));
  rows.push(tally("SMS messages", [...ledger.sms.keys()], smsByKey));
  const smsUnanswered = [...ledger.sms.keys()].filter((sid) => (smsByKey.get(sid)?.replies ?? 0) !== 1);
  if (smsUnanswered.length > 0)
    problems.push(`${smsUnanswered.length} stored texts without exactly one reply`);

  const sends = await query<{ replies: number; delivered: number; sent_twice: number }>(
    `select count(*)::int as replies,
            count(d.id) filter (where d.provider_id is not null)::int as delivered,
            count(d.id) filter (where jsonb_array_length(d.attempts) > 1)::int as sent_twice
       from messages m left join deliveries d on d.message_id = m.id
      where m.role in ('assistant', 'system') and m.meta->>'channel' = 'sms'`,
  );
  const s = sends.rows[0]!;
  const standInSends = standIn.sent().length;
  // A send cut off by a kill stays claimed (`sending`) until its delivery asks Twilio whether it took the
  // message: recorded with its SID if so, sent if not. One still claimed at the end was never settled.
  const claimed = await query<{ n: number }>(
    `select count(*)::int as n from deliveries d join messages m on m.id = d.message_id
      where d.state = 'sending' and m.meta->>'channel' = 'sms'`,
  );
  if (claimed.rows[0]!.n > 0) problems.push(`${claimed.rows[0]!.n} sends left claimed and never settled`);
  const found = await query<{ n: number }>(
    `select count(*)::int as n from deliveries d
      where d.channel = 'sms' and d.attempts @> '[{"outcome": "found"}]'::jsonb`,
  );
  process.stdout.write(`sends cut off by a kill and found at Twilio afterwards: ${found.rows[0]!.n}\n`);
  if (s.delivered < s.replies) problems.push(`${s.replies - s.delivered} SMS replies never handed to Twilio`);

  const casesStored = await query<{ key: string; n: number }>(
    `select substring(description from 'chaos report [0-9]+') as key, count(*)::int as n
       from cases where description like 'A pothole, chaos report %' group by 1`,
  );
  rows.push(
    tally("Open311 cases", [...ledger.cases.keys()], new Map(casesStored.rows.map((r) => [r.key, r]))),
  );

  // Timers: what the SLA engine plans for the cases made due, against what fired.
  const database = await createDatabase({ databaseUrl, maxConnections: 2 });
  let timersDue = 0;
  let timersFired = 0;
  let timersMissing = 0;
  let timersTwice = 0;
  try {
    const states = await loadCaseTimerStates(database.db, dueCaseIds);
    const now = new Date();
    const dueKeys = new Set<string>();
    for (const state of states.values()) {
      for (const timer of planTimers(state, now)) if (timer.dueAt <= now) dueKeys.add(timer.key);
    }
    const fired = await query<{ key: string; events: number }>(
      `select f.key, (select count(*)::int from case_events e where e.case_id = f.case_id
                 and e.type in ('case.sla_warning', 'case.sla_breach', 'case.escalate')
                 and e.data->>'key' = f.key) as events
         from sla_timer_firings f where f.case_id = any($1::uuid[])`,
      [dueCaseIds],
    );
    const firedKeys = new Map(fired.rows.map((r) => [r.key, r.events]));
    timersDue = dueKeys.size;
    timersFired = [...dueKeys].filter((key) => firedKeys.has(key)).length;
    timersMissing = timersDue - timersFired;
    timersTwice = fired.rows.filter((r) => r.events > 1).length;
    const eventsTotal = await query<{ n: number }>(
      `select count(*)::int as n from case_events where case_id = any($1::uuid[])
          and type in ('case.sla_warning', 'case.sla_breach', 'case.escalate')`,
      [dueCaseIds],
    );
    if (eventsTotal.rows[0]!.n !== fired.rows.length) {
      problems.push(`${eventsTotal.rows[0]!.n} SLA case events for ${fired.rows.length} firings`);
    }
  } finally {
    await database.close();
  }
  if (timersMissing > 0) problems.push(`${timersMissing} due SLA timers never fired`);
  if (timersTwice > 0) problems.push(`${timersTwice} SLA timers fired more than once`);
  if (timersDue === 0) problems.push("no SLA timer was made due: the run checked nothing there");

  for (const row of rows) {
    if (row.missing > 0) problems.push(`${row.missing} acknowledged ${row.label} not stored`);
    if (row.duplicates > 0) problems.push(`${row.duplicates} ${row.label} stored more than once`);
    if (row.acknowledged === 0) problems.push(`no ${row.label} acknowledged: the run checked nothing there`);
  }

  process.stdout.write("\n");
  process.stdout.write(
    `${"".padEnd(34)}${"acknowledged".padStart(14)}${"stored".padStart(10)}${"duplicates".padStart(12)}${"missing".padStart(10)}\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.label.padEnd(34)}${String(row.acknowledged).padStart(14)}${String(row.stored).padStart(10)}${String(row.duplicates).padStart(12)}${String(row.missing).padStart(10)}\n`,
    );
  }
  process.stdout.write(
    `${"SLA timers".padEnd(34)}${`due ${timersDue}`.padStart(14)}${`fired ${timersFired}`.padStart(10)}${String(timersTwice).padStart(12)}${String(timersMissing).padStart(10)}\n`,
  );
  process.stdout.write(
    `\nSMS replies stored ${s.replies}, handed to Twilio ${s.delivered}, sent more than once ${s.sent_twice}; the Twilio stand-in received ${standInSends} sends\n`,
  );
  process.stdout.write(
    `replies to "I want to talk to a person": ${[...escalationStatuses].map(([k, v]) => `${k} ${v}`).join(", ")}\n`,
  );
  process.stdout.write(
    `requests ${ledger.attempts.sent}, failed attempts retried ${ledger.attempts.failed}, never acknowledged ${ledger.attempts.unacknowledged}\n`,
  );
  if (standInSends > s.delivered) {
    // A kill between Twilio accepting a send and the service recording it sends that reply again on retry.
    process.stdout.write(
      `note: ${standInSends - s.delivered} sends beyond the recorded deliveries (at-least-once sending)\n`,
    );
  }
  return problems;
}

function tally(label: string, acknowledged: string[], stored: Map<string, { n: number }>): Row {
  let found = 0;
  let duplicates = 0;
  let missing = 0;
  for (const key of acknowledged) {
    const n = stored.get(key)?.n ?? 0;
    if (n === 0) missing += 1;
    else found += 1;
    if (n > 1) duplicates += 1;
  }
  return { label, acknowledged: acknowledged.length, stored: found, duplicates, missing };
}

// --- the run --------------------------------------------------------------------------------------------

async function waitForQuiet(ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const { rows } = await query<{ pending: number }>(
      `select count(*)::int as pending from messages m
        where m.role = 'citizen' and (m.idempotency_key like 'twilio:%' or m.idempotency_key like 'chaos-%')
          and not exists (select 1 from messages r where r.reply_to_id = m.id)`,
    );
    // Pending, or claimed and not yet settled after a kill.
    const undelivered = await query<{ n: number }>(
      `select count(*)::int as n from messages m
        where m.role in ('assistant', 'system') and m.meta->>'channel' = 'sms'
          and not exists (select 1 from deliveries d where d.message_id = m.id
                           and d.state not in ('pending', 'sending'))`,
    );
    if (rows[0]!.pending === 0 && undelivered.rows[0]!.n === 0) return;
    await sleep(1000);
  }
}

async function main() {
  say(`chaos run (${short ? "short" : "full"}): database ${dbName}`);
  await admin((client) => client.query(`CREATE DATABASE ${dbName}`));
  let problems: string[] = ["the run did not finish"];
  try {
    redis = await startOwnRedis();
    standIn = await startTwilioStandIn();
    port = await freePort();
    await startChild();
    say(`service ready on ${base()} (Redis ${redis.url})`);

    const loadStart = Date.now();
    const loadUntil = loadStart + LOAD_SECONDS * 1000;
    const load = Promise.all([
      ...Array.from({ length: 4 }, () => loadLoop(webCitizen, loadUntil, 50)),
      ...Array.from({ length: 2 }, () => loadLoop(smsCitizen, loadUntil, 100)),
      loadLoop(open311Report, loadUntil, 300),
    ]);
    const at = (fraction: number) =>
      sleep(Math.max(0, loadStart + fraction * LOAD_SECONDS * 1000 - Date.now()));
    let dueCaseIds: string[] = [];
    const faults = (async () => {
      await at(0.15);
      await killService();
      await at(0.35);
      await restartRedis();
      await at(0.45);
      await makeTimersDue();
      dueCaseIds = (
        await query<{ id: string }>(
          "select id from cases where channel = 'open311' and description like 'A pothole, chaos report %' and created_at < now() - interval '30 days'",
        )
      ).rows.map((r) => r.id);
      await at(0.55);
      await cutPostgres();
      await at(0.7);
      await killService();
    })();
    await Promise.all([load, faults]);
    say(
      `load done: ${ledger.webMessages.size} web messages, ${ledger.sms.size} texts, ${ledger.cases.size} reports acknowledged`,
    );
    // A send cut off by the last kill waits for its job's stall check (30 s) and its claim to go stale.
    await waitForQuiet(120_000);
    await sleep(8000);
    problems = await check(dueCaseIds);
  } catch (error) {
    problems = [`the run failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await killChild("SIGTERM").catch(() => {});
    await standIn?.close().catch(() => {});
    await redis?.stop().catch(() => {});
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => {});
  }
  if (problems.length > 0) {
    process.stdout.write(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `\nOK: every acknowledged item stored once, every due timer fired once (${elapsed()})\n`,
  );
  process.exit(0);
}

await main();
