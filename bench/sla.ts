import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import pg from "pg";
import { createBullmqJobQueue } from "../src/adapters/job-queue-bullmq";
import { createInProcessJobQueue } from "../src/adapters/job-queue-in-process";
import { parseOptions, UsageError } from "../src/cli/run-cli";
import { createDatabase, type Database } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import { type SlaTimers, startSlaTimers } from "../src/jobs/start-sla-timers";
import { createLogger } from "../src/logger";
import type { JobQueue } from "../src/ports/job-queue";
import type { SlaTimerOutcome } from "../src/services/sla/handle-sla-timer";
import { loadPolicyPlanBases } from "../src/services/sla/load-case-timer-states";

/*
 * SLA timers at scale: N open cases on PostgreSQL, each with a running resolution clock (24/7
 * calendar, 60 minutes) whose breach is followed by two escalation steps (at once, and one minute
 * later). A slice of the cases falls due during the run; the rest are due hours later and only wait
 * in PostgreSQL (beyond the sweep's horizon, they are not queued). Mid-run the queue's storage is
 * wiped and the worker restarted; the reconciliation sweep must bring every timer back. Lateness is
 * fired-at minus due-at of each breach and escalation.
 *
 * The wipe is a FLUSHDB of a Redis database the bench has to itself (--redis-db, 14 by default; it
 * refuses one that is not empty): the same effect on the queue as `redis-cli FLUSHALL`, without
 * erasing whatever else the server holds.
 */

const RESOLUTION_MINUTES = 60;
const STEP_GAP_MS = 60_000;
const TIMERS_PER_DUE_CASE = 3; // breach, escalation step 0 (at the breach), step 1 (a minute later)

type Adapter = "bullmq" | "in-process";

type Plan = {
  cases: number;
  dueCases: number;
  leadMs: number;
  windowMs: number;
  sweepMs: number;
  serverUrl: string;
  redisUrl: string | null;
};

export async function runSlaBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, {
    cases: "string",
    adapter: "string",
    due: "string",
    lead: "string",
    window: "string",
    sweep: "string",
    "redis-db": "string",
  });
  const cases = positive(options.cases, 100_000, "--cases");
  const dueCases = Math.min(cases, positive(options.due, Math.max(1, Math.round(cases / 20)), "--due"));
  const wanted = (options.adapter as string | undefined) ?? "both";
  if (!["bullmq", "in-process", "both"].includes(wanted))
    throw new UsageError("--adapter is bullmq, in-process or both");
  const adapters: Adapter[] = wanted === "both" ? ["bullmq", "in-process"] : [wanted as Adapter];
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new UsageError("set DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server)");
  const redisBase = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (adapters.includes("bullmq") && !redisBase)
    throw new UsageError("BullMQ needs REDIS_URL or TEST_REDIS_URL");
  const redisUrl = redisBase ? withRedisDb(redisBase, positive(options["redis-db"], 14, "--redis-db")) : null;
  const plan: Plan = {
    cases,
    dueCases,
    // Time for inserting the cases and starting the engine before the first timer falls due.
    leadMs: positive(options.lead, Math.round(10 + cases / 10_000), "--lead") * 1000,
    windowMs: positive(options.window, 30, "--window") * 1000,
    // The periodic sweep; it queues what falls due within twice this interval.
    sweepMs: positive(options.sweep, 10, "--sweep") * 1000,
    serverUrl,
    redisUrl,
  };

  const results: Record<string, unknown> = {};
  for (const adapter of adapters) {
    results[adapter] = await benchAdapter(adapter, plan);
    process.stderr.write(`${adapter}: ${JSON.stringify(results[adapter])}\n`);
  }
  return {
    bench: "sla",
    cases,
    due_cases: dueCases,
    due_timers: dueCases * TIMERS_PER_DUE_CASE,
    window_s: plan.windowMs / 1000,
    sweep_interval_s: plan.sweepMs / 1000,
    horizon_s: (2 * plan.sweepMs) / 1000,
    redis: redisUrl
      ? { url_db: new URL(redisUrl).pathname.slice(1), wipe: "FLUSHDB of the bench's own database" }
      : null,
    results,
  };
}

async function benchAdapter(adapter: Adapter, plan: Plan): Promise<Record<string, unknown>> {
  const log = (line: string) => process.stderr.write(`[sla ${adapter}] ${line}\n`);
  const name = `civicdesk_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: plan.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(plan.serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), maxConnections: 16 });
  const prefix = `civicdesk-bench-${randomBytes(4).toString("hex")}`;
  let redis: Redis | null = null;
  const queues: JobQueue[] = [];
  let timers: SlaTimers | null = null;
  try {
    await migrateDatabase(database, url.toString());
    if (adapter === "bullmq") {
      redis = new Redis(plan.redisUrl!);
      const keys = await redis.dbsize();
      // The wipe below is a FLUSHDB of this database: refuse one that holds anything else.
      if (keys > 0)
        throw new Error(`Redis database ${plan.redisUrl} is not empty (${keys} keys); pick --redis-db`);
    }

    const insertStarted = Date.now();
    const firstDueAt = insertStarted + plan.leadMs;
    await seedCases(database, plan, firstDueAt);
    const insertMs = Date.now() - insertStarted;
    log(`${plan.cases} cases inserted in ${insertMs} ms`);

    const logger = createLogger({ level: "warn", redact: (t) => t, write: (line) => log(line) });
    const outcomes = { fired: 0, already_fired: 0, stale: 0 };
    const onOutcome = (outcome: SlaTimerOutcome) => {
      outcomes[outcome.outcome]++;
    };
    const newQueue = (): JobQueue => {
      const queue =
        adapter === "bullmq"
          ? createBullmqJobQueue({ redisUrl: plan.redisUrl!, prefix, concurrency: 64, logger })
          : createInProcessJobQueue({ concurrency: 64, logger });
      queues.push(queue);
      return queue;
    };
    const start = async () => {
      const startedAt = Date.now();
      const started = await startSlaTimers({
        database,
        queue: newQueue(),
        logger,
        sweepIntervalMs: plan.sweepMs,
        onOutcome,
      });
      const startMs = Date.now() - startedAt;
      const counts = await started.firstSweep;
      return { started, startMs, sweepMs: Date.now() - startedAt, queued: counts.added };
    };

    const first = await start();
    timers = first.started;
    log(
      `started in ${first.startMs} ms, first sweep queued ${first.queued} timers in ${first.sweepMs} ms; ` +
        `first timer due in ${firstDueAt - Date.now()} ms`,
    );

    const wipeAt = firstDueAt + plan.windowMs / 2;
    await sleep(wipeAt - Date.now());
    const wipedAt = Date.now();
    if (adapter === "bullmq") await redis!.flushdb();
    await timers.stop();
    await queues
      .at(-1)!
      .stop()
      .catch((error: unknown) => log(`old worker stopped with: ${String(error)}`));
    const restart = await start();
    timers = restart.started;
    const restoredAt = Date.now();
    log(
      `wiped at +${wipedAt - firstDueAt} ms; worker back and sweep done in ${restoredAt - wipedAt} ms ` +
        `(${restart.queued} timers queued again)`,
    );

    const lastDueAt = firstDueAt + plan.windowMs + STEP_GAP_MS;
    const expected = plan.dueCases * TIMERS_PER_DUE_CASE;
    const deadline = lastDueAt + 20_000;
    let fired = 0;
    while (Date.now() < deadline) {
      await sleep(Math.min(1000, Math.max(50, lastDueAt - Date.now())));
      fired = await countFirings(database);
      if (Date.now() >= lastDueAt && fired >= expected) break;
    }
    await sleep(500); // late duplicates, if any, would land now
    return {
      wiped_at_s: round((wipedAt - firstDueAt) / 1000),
      insert_ms: insertMs,
      start_ms: first.startMs,
      first_sweep_ms: first.sweepMs,
      first_sweep_queued: first.queued,
      restore_ms: restoredAt - wipedAt,
      ...(await measure(database, { firstDueAt, windowMs: plan.windowMs, wipedAt, restoredAt, expected })),
      handler_outcomes: outcomes,
      queued_at_end: await queues.at(-1)!.pending(),
    };
  } finally {
    await timers?.stop().catch(() => {});
    for (const queue of queues) await queue.stop().catch(() => {});
    await database.close();
    if (redis) {
      await redis.flushdb().catch(() => {});
      await redis.quit();
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * The cases are written straight into PostgreSQL with generate_series: one statement for N rows,
 * with the SLA columns the engine stores (due times, next due time, planning basis). Due cases fall
 * due evenly over the window; the others hours later, one a second.
 */
async function seedCases(database: Database, plan: Plan, firstDueAt: number) {
  await runStatements(
    database,
    `
    insert into departments (code, names) values ('bench', '{"en":"Bench"}');
    insert into sla_calendars (code, time_zone, hours) values ('bench-24x7', 'UTC', '"all"');
    insert into sla_policies (code, calendar_code, first_response_minutes, next_response_minutes,
      resolution_minutes, warn_before_minutes, pause_when_waiting_for_citizen, escalation)
    values ('bench', 'bench-24x7', 15, 30, ${RESOLUTION_MINUTES}, 0, false,
      '[{"afterMinutes":0,"notify":"assignee"},{"afterMinutes":${STEP_GAP_MS / 60_000},"notify":"team_lead"}]');
    insert into services (code, names, department_code, sla_policy_code)
    values ('bench', '{"en":"Bench"}', 'bench', 'bench');`,
  );
  const basis = (await loadPolicyPlanBases(database.db)).get("bench");
  const first = new Date(firstDueAt).toISOString();
  const later = new Date(firstDueAt + 3600_000).toISOString();
  const stepMs = plan.windowMs / plan.dueCases;
  await runStatements(
    database,
    `
    insert into cases (reference, service_code, description, channel, lang, status, priority,
      department_code, sla_policy_code, created_at, updated_at, first_responded_at,
      first_response_due_at, resolution_due_at, sla_next_due_at, sla_planned_with)
    select 'BENCH-' || g, 'bench', 'bench case', 'bench', 'en', 'open', 'normal', 'bench', 'bench',
      due - interval '${RESOLUTION_MINUTES} minutes', due - interval '${RESOLUTION_MINUTES} minutes',
      due - interval '${RESOLUTION_MINUTES} minutes', due - interval '${RESOLUTION_MINUTES - 15} minutes', due,
      due, '${basis}'
    from (
      select g, case when g <= ${plan.dueCases}
        then '${first}'::timestamptz + ((g - 1) * ${stepMs}) * interval '1 millisecond'
        else '${later}'::timestamptz + (g - ${plan.dueCases}) * interval '1 second' end as due
      from generate_series(1, ${plan.cases}) g
    ) s;
    analyze cases`,
  );
}

async function countFirings(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    sql.raw("select count(*)::int as n from sla_timer_firings"),
  );
  return row?.n ?? 0;
}

async function measure(
  database: Database,
  run: { firstDueAt: number; windowMs: number; wipedAt: number; restoredAt: number; expected: number },
) {
  const lastBreach = new Date(run.firstDueAt + run.windowMs).toISOString();
  const [check] = await database.query<{
    due_cases: number;
    complete_cases: number;
    firings: number;
    distinct_keys: number;
    firings_not_due: number;
  }>(
    sql.raw(`
    with per_case as (
      select c.id, count(f.key)::int as n, count(distinct f.kind || ':' || coalesce(f.step, -1))::int as kinds
      from cases c left join sla_timer_firings f on f.case_id = c.id
      where c.resolution_due_at <= '${lastBreach}'::timestamptz
      group by c.id
    )
    select
      (select count(*)::int from per_case) as due_cases,
      (select count(*)::int from per_case where n = ${TIMERS_PER_DUE_CASE} and kinds = ${TIMERS_PER_DUE_CASE}) as complete_cases,
      (select count(*)::int from sla_timer_firings) as firings,
      (select count(distinct key)::int from sla_timer_firings) as distinct_keys,
      (select count(*)::int from sla_timer_firings f join cases c on c.id = f.case_id
        where c.resolution_due_at > '${lastBreach}'::timestamptz) as firings_not_due`),
  );
  const rows = await database.query<{ due_ms: string; late_ms: number; timer: string }>(
    sql.raw(`
    select (extract(epoch from due_at) * 1000)::bigint as due_ms,
      (extract(epoch from fired_at - due_at) * 1000)::float8 as late_ms,
      case when kind = 'sla.breach' then 'breach' else 'step_' || step end as timer
    from sla_timer_firings where kind in ('sla.breach', 'sla.escalate')`),
  );
  const byTimer: Record<string, number> = {};
  for (const name of new Set(rows.map((r) => r.timer))) {
    byTimer[name] = percentiles(rows.filter((r) => r.timer === name).map((r) => r.late_ms)).p99;
  }
  const all = rows.map((r) => r.late_ms);
  // Timers due between the wipe and the end of the restoring sweep could not fire on time.
  const undisturbed = rows
    .filter((r) => Number(r.due_ms) < run.wipedAt || Number(r.due_ms) > run.restoredAt)
    .map((r) => r.late_ms);
  const { due_cases, complete_cases, firings, distinct_keys, firings_not_due } = check!;
  return {
    expected_firings: run.expected,
    firings,
    exactly_once:
      firings === run.expected &&
      distinct_keys === firings &&
      due_cases * TIMERS_PER_DUE_CASE === run.expected &&
      complete_cases === due_cases &&
      firings_not_due === 0,
    cases_missing_a_firing: due_cases - complete_cases,
    firings_for_cases_not_due: firings_not_due,
    lateness_ms: percentiles(all),
    lateness_ms_outside_outage: percentiles(undisturbed),
    lateness_p99_ms_by_timer: byTimer,
    due_during_outage: all.length - undisturbed.length,
  };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? 0) };
}

function withRedisDb(raw: string, db: number): string {
  const url = new URL(raw);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Runs statements of the bench's own SQL (no semicolons inside literals) one by one. */
async function runStatements(database: Database, text: string) {
  for (const statement of text.split(";")) if (statement.trim()) await database.query(sql.raw(statement));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const round = (n: number) => Math.round(n * 10) / 10;

function positive(value: unknown, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number`);
  return n;
}
