import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../channels/sms/sms.fixture";
import { deleteRedisPrefix } from "../../src/adapters/job-queue-bullmq.fixture";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/*
 * Two copies of the real Node entry (`src/main.ts`) on different ports, sharing one PostgreSQL
 * database and one Redis, the way a city scales out. Runs only when TEST_DATABASE_URL and
 * TEST_REDIS_URL are both set (CI sets them).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const redisBase = process.env.TEST_REDIS_URL;
// The entry's queue prefix is fixed ("civicdesk"), so this test keeps to a Redis database of its own.
const REDIS_DB = 13;
const OPEN311_KEY = "two-process-key";
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

describe.skipIf(!serverUrl || !redisBase)("two Node processes behind one PostgreSQL and one Redis", () => {
  const name = `civicdesk_two_${randomBytes(5).toString("hex")}`;
  let databaseUrl = "";
  let redisUrl = "";
  let sql: pg.Client;
  let twilio: TwilioStandIn;
  let env: NodeJS.ProcessEnv;
  let ports: number[] = [];
  let running: Running[] = [];

  const start = (port: number): Running => {
    let output = "";
    const child = spawn("node_modules/.bin/tsx", ["src/main.ts"], {
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    return { child, base: `http://127.0.0.1:${port}`, output: () => output };
  };
  const waitUntilReady = async (process: Running) => {
    for (let i = 0; ; i++) {
      const ready = await fetch(`${process.base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      if (i > 1200 || process.child.exitCode !== null)
        throw new Error(`service did not start:\n${process.output()}`);
      await sleep(100);
    }
  };
  /** Both processes at the same moment, each migrating the same database as it starts. */
  const startBoth = async () => {
    running = ports.map(start);
    await Promise.all(running.map(waitUntilReady));
  };
  const stopBoth = async () => {
    await Promise.all(
      running.map(async ({ child }) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, sleep(20_000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }),
    );
    running = [];
  };

  beforeAll(async () => {
    sql = new pg.Client({ connectionString: serverUrl });
    await sql.connect();
    await sql.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    await sql.end();
    sql = new pg.Client({ connectionString: databaseUrl });
    const redis = new URL(redisBase!);
    redis.pathname = `/${REDIS_DB}`;
    redisUrl = redis.toString();
    await deleteRedisPrefix(redisUrl, "civicdesk");
    twilio = await startTwilioStandIn();
    ports = [await freePort(), await freePort()];
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: "warn",
      OPEN311_API_KEYS: OPEN311_KEY,
      ...smsTestEnv(twilio.baseUrl),
    };
    await startBoth();
    await sql.connect();
  }, 240_000);

  afterAll(async () => {
    await stopBoth();
    await sql?.end().catch(() => {});
    await twilio?.close();
    if (redisUrl) await deleteRedisPrefix(redisUrl, "civicdesk");
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it("applied each migration once although both processes migrated the empty database at the same time", async () => {
    const { rows } = await sql.query<{ n: number }>(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    expect(rows[0]!.n).toBe(journal.entries.length);
  });

  it("streams a web reply from the other process than the one that opened the conversation", async () => {
    const [a, b] = running as [Running, Running];
    const created = await fetch(`${a.base}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    expect(created.status).toBe(201);
    const conversation = (await created.json()) as { id: string; token: string };
    const streamed = await fetch(`${b.base}/v1/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${conversation.token}`,
      },
      body: JSON.stringify({ text: "When is my bin collected?", clientMessageId: "two-1" }),
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const events = await streamed.text();
    expect(events).toContain("event: done");
    // The process that opened the conversation shows the turn the other one answered.
    const read = await fetch(`${a.base}/v1/conversations/${conversation.id}`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });
    const view = (await read.json()) as { messages: { role: string }[] };
    expect(view.messages.map((m) => m.role)).toEqual(expect.arrayContaining(["citizen", "assistant"]));
    expect(view.messages.filter((m) => m.role === "citizen")).toHaveLength(1);
  });

  it("keeps one SMS conversation whose messages land on either process and sends each reply once", async () => {
    const from = "+40721000111";
    const first = await postSignedSms(
      running[0]!.base,
      "/channels/sms/twilio",
      smsFields(from, "When is my bin collected?"),
    );
    expect(first.status).toBe(200);
    const second = await postSignedSms(
      running[1]!.base,
      "/channels/sms/twilio",
      smsFields(from, "and for glass?"),
    );
    expect(second.status).toBe(200);
    await twilio.waitForMessages(2, 60_000);
    await sleep(1000);
    const { rows } = await sql.query<{ conversations: number; citizen: number; replies: number }>(
      `select count(distinct m.conversation_id)::int as conversations,
              count(*) filter (where m.role = 'citizen')::int as citizen,
              count(*) filter (where m.role = 'assistant')::int as replies
         from messages m join conversations c on c.id = m.conversation_id
         join contacts k on k.id = c.contact_id where k.address = $1`,
      [from],
    );
    expect(rows[0]).toMatchObject({ conversations: 1, citizen: 2 });
    const texted = twilio.sent().filter((m) => m.form.To === from);
    expect(new Set(texted.map((m) => m.form.Body)).size).toBe(texted.length);
  });

  it("shares the per-IP conversation budget of 30 a minute between both processes", async () => {
    const { rows } = await sql.query<{ n: number }>(
      "select count(*)::int as n from conversations where channel = 'web'",
    );
    const left = 30 - rows[0]!.n;
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) {
      const res = await fetch(`${running[i % 2]!.base}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      });
      statuses.push(res.status);
    }
    // Each process alone would have let all 34 through (17 each); together they stop at the one budget.
    expect(statuses.filter((s) => s === 201)).toHaveLength(left);
    expect(statuses.slice(left).every((s) => s === 429)).toBe(true);
  });

  it("fires each due SLA timer exactly once when both processes sweep it at start", async () => {
    const services = (await (await fetch(`${running[0]!.base}/open311/v2/services.json`)).json()) as {
      service_code: string;
    }[];
    const code = services[0]!.service_code;
    const definition = (await (
      await fetch(`${running[0]!.base}/open311/v2/services/${code}.json`)
    ).json()) as {
      attributes?: { code: string; required: boolean; values?: { key: string }[] }[];
    };
    const attributes: Record<string, string> = {};
    for (const attribute of definition.attributes ?? [])
      if (attribute.required)
        attributes[`attribute[${attribute.code}]`] = attribute.values?.[0]?.key ?? "yes";
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${running[i % 2]!.base}/open311/v2/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...attributes,
          api_key: OPEN311_KEY,
          service_code: code,
          lat: String(51.5 + i / 100),
          long: String(-0.12 - i / 100),
          description: `Two-process SLA case ${i}`,
        }),
      });
      expect(res.status).toBe(200);
    }
    // Every timer of these cases falls due in the past; both processes then start together and sweep.
    await stopBoth();
    const { rowCount } = await sql.query(
      `update cases set created_at = now() - interval '90 days',
                first_response_due_at = case when first_response_due_at is null then null else now() - interval '2 minutes' end,
                next_response_due_at = case when next_response_due_at is null then null else now() - interval '2 minutes' end,
                resolution_due_at = case when resolution_due_at is null then null else now() - interval '1 minute' end,
                sla_next_due_at = now() - interval '3 minutes'
          where channel = 'open311'`,
    );
    expect(rowCount).toBe(6);
    await startBoth();

    const breaches = async () =>
      (
        await sql.query<{ n: number }>(
          `select count(distinct f.case_id)::int as n from sla_timer_firings f
               join cases c on c.id = f.case_id where c.channel = 'open311' and f.kind = 'sla.breach'`,
        )
      ).rows[0]!.n;
    for (let i = 0; i < 300 && (await breaches()) < 6; i++) await sleep(200);
    expect(await breaches()).toBe(6);
    await sleep(3000);
    const firings = await sql.query<{ n: number; per_case: number[] }>(
      `select sum(per_case)::int as n, array_agg(distinct per_case) as per_case from (
         select count(*)::int as per_case from sla_timer_firings f join cases c on c.id = f.case_id
          where c.channel = 'open311' group by f.case_id) as counts`,
    );
    const events = await sql.query<{ type: string; n: number; distinct_n: number }>(
      `select e.type, count(*)::int as n, count(distinct (e.case_id, e.data::text))::int as distinct_n
           from case_events e join cases c on c.id = e.case_id
          where c.channel = 'open311' and e.type in ('case.sla_warning', 'case.sla_breach', 'case.escalate')
          group by e.type`,
    );
    const eventCount = events.rows.reduce((sum, row) => sum + row.n, 0);
    // One case event per firing, none twice.
    expect(eventCount).toBe(firings.rows[0]!.n);
    expect(events.rows.every((row) => row.n === row.distinct_n)).toBe(true);
    // The six cases share a policy and due times, so each has the same number of firings.
    expect(firings.rows[0]!.per_case).toHaveLength(1);
  }, 240_000);
});
