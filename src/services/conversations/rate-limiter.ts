import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitOutcome {
  allowed: boolean;
  /** Seconds until the current window ends; what `Retry-After` carries. */
  retryAfterSeconds: number;
}

/** Fixed-window counters: in memory for one embedded process, in PostgreSQL when several share the load. */
export interface RateLimiter {
  /** Counts `weight` hits (default 1); weight 0 only reads whether the window still has room. */
  hit(key: string, rule: RateLimitRule, now: Date, weight?: number): Promise<RateLimitOutcome>;
  /**
   * Several `hit`s on distinct keys at once, outcomes in the same order: one round trip on PostgreSQL
   * instead of one per counter. Every hit is counted whatever the others' outcomes.
   */
  hitAll(hits: RateLimitHit[], now: Date): Promise<RateLimitOutcome[]>;
}

export interface RateLimitHit {
  key: string;
  rule: RateLimitRule;
  /** As for `hit`: default 1, and 0 only reads. */
  weight?: number;
}

/** Throws `rate_limited` (→ 429 with Retry-After) for an outcome that was refused. */
export function refuseUnlessAllowed(outcome: RateLimitOutcome, message: string) {
  if (!outcome.allowed) {
    throw new DomainError("rate_limited", message, { retryAfterSeconds: outcome.retryAfterSeconds });
  }
}

/** Counts one request against the rule and throws `rate_limited` (→ 429 with Retry-After) past the limit. */
export async function enforceRateLimit(
  limiter: RateLimiter,
  key: string,
  rule: RateLimitRule,
  now: Date,
  message = "Too many messages; please wait a moment.",
) {
  const outcome = await limiter.hit(key, rule, now);
  if (!outcome.allowed) {
    throw new DomainError("rate_limited", message, { retryAfterSeconds: outcome.retryAfterSeconds });
  }
}

/**
 * Throws `rate_limited` when the window is already full, without counting this request: for budgets
 * that only some outcomes spend (refused credentials, opened cases).
 */
export async function checkRateLimit(
  limiter: RateLimiter,
  key: string,
  rule: RateLimitRule,
  now: Date,
  message: string,
) {
  const outcome = await limiter.hit(key, rule, now, 0);
  if (!outcome.allowed) {
    throw new DomainError("rate_limited", message, { retryAfterSeconds: outcome.retryAfterSeconds });
  }
}

function outcomeOf(
  hits: number,
  windowStart: number,
  rule: RateLimitRule,
  now: number,
  weight: number,
): RateLimitOutcome {
  const endsIn = windowStart + rule.windowSeconds * 1000 - now;
  // A peek asks whether one more hit would still fit.
  const allowed = weight === 0 ? hits < rule.limit : hits <= rule.limit;
  return { allowed, retryAfterSeconds: Math.max(1, Math.ceil(endsIn / 1000)) };
}

export function createMemoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    async hit(key, rule, now, weight = 1) {
      const at = now.getTime();
      let entry = windows.get(key);
      if (!entry || at - entry.start >= rule.windowSeconds * 1000) {
        if (windows.size > 50_000) prune(windows, at, rule.windowSeconds);
        entry = { start: at, hits: 0 };
        if (weight > 0) windows.set(key, entry);
      }
      entry.hits += weight;
      return outcomeOf(entry.hits, entry.start, rule, at, weight);
    },
    async hitAll(hits, now) {
      requireDistinctKeys(hits);
      const outcomes: RateLimitOutcome[] = [];
      for (const { key, rule, weight } of hits) outcomes.push(await this.hit(key, rule, now, weight));
      return outcomes;
    },
  };
}

function prune(windows: Map<string, { start: number }>, at: number, windowSeconds: number) {
  for (const [key, entry] of windows) if (at - entry.start >= windowSeconds * 1000) windows.delete(key);
}

/** One upsert per hit on the `rate_limits` table; the row's window restarts once it has passed. */
export function createPostgresRateLimiter(database: Database): RateLimiter {
  const limiter: RateLimiter = {
    async hit(key, rule, now, weight = 1) {
      const [outcome] = await limiter.hitAll([{ key, rule, weight }], now);
      return outcome!;
    },
    async hitAll(hits, now) {
      if (hits.length === 0) return [];
      requireDistinctKeys(hits);
      const nowIso = now.toISOString();
      const steps = hits.map(({ key, rule, weight = 1 }) =>
        weight === 0 ? peekStatement(key, rule, nowIso) : upsertStatement(key, rule, nowIso, weight),
      );
      // One counter is its own statement, as it always was; several are joined into one, each a CTE.
      const statement =
        steps.length === 1
          ? sql`${steps[0]!}`
          : sql`with ${sql.join(
              steps.map((step, i) => sql`${sql.raw(`c${i}`)} as (${step})`),
              sql`, `,
            )} ${sql.join(
              steps.map((_, i) => sql`select ${i}::int as i, window_start, hits from ${sql.raw(`c${i}`)}`),
              sql` union all `,
            )}`;
      const rows = await database.query<{ i?: number; window_start: string | Date; hits: number }>(statement);
      // Old rows of contacts that went quiet are swept now and then rather than by a separate job.
      if (hits.some((h) => h.weight !== 0) && Math.random() < 0.001) {
        await database.query(
          sql`delete from rate_limits where window_start < ${nowIso}::timestamptz - interval '1 day'`,
        );
      }
      return hits.map(({ rule, weight = 1 }, i) => {
        const row = steps.length === 1 ? rows[0] : rows.find((r) => Number(r.i) === i);
        // A peek at a key with no current window finds no row: nothing counted yet.
        if (!row) return outcomeOf(0, now.getTime(), rule, now.getTime(), weight);
        return outcomeOf(Number(row.hits), new Date(row.window_start).getTime(), rule, now.getTime(), weight);
      });
    },
  };
  return limiter;
}

/** One statement sees a key's row only as it was before the statement, so a key is counted once a call. */
function requireDistinctKeys(hits: RateLimitHit[]) {
  if (new Set(hits.map((h) => h.key)).size < hits.length) throw new Error("hitAll takes distinct keys");
}

function peekStatement(key: string, rule: RateLimitRule, nowIso: string): SQL {
  return sql`
          select window_start, hits from rate_limits where key = ${key}
            and window_start > ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})`;
}

function upsertStatement(key: string, rule: RateLimitRule, nowIso: string, weight: number): SQL {
  return sql`
        insert into rate_limits (key, window_start, hits) values (${key}, ${nowIso}::timestamptz, ${weight})
        on conflict (key) do update set
          hits = case when rate_limits.window_start <= ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then ${weight} else rate_limits.hits + ${weight} end,
          window_start = case when rate_limits.window_start <= ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then ${nowIso}::timestamptz else rate_limits.window_start end
        returning window_start, hits`;
}
