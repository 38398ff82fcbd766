import { sql } from "drizzle-orm";
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
  };
}

function prune(windows: Map<string, { start: number }>, at: number, windowSeconds: number) {
  for (const [key, entry] of windows) if (at - entry.start >= windowSeconds * 1000) windows.delete(key);
}

/** One upsert per hit on the `rate_limits` table; the row's window restarts once it has passed. */
export function createPostgresRateLimiter(database: Database): RateLimiter {
  return {
    async hit(key, rule, now, weight = 1) {
      const nowIso = now.toISOString();
      if (weight === 0) {
        const [current] = await database.query<{ window_start: string | Date; hits: number }>(sql`
          select window_start, hits from rate_limits where key = ${key}
            and window_start > ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})`);
        if (!current) return outcomeOf(0, now.getTime(), rule, now.getTime(), 0);
        return outcomeOf(
          Number(current.hits),
          new Date(current.window_start).getTime(),
          rule,
          now.getTime(),
          0,
        );
      }
      const rows = await database.query<{ window_start: string | Date; hits: number }>(sql`
        insert into rate_limits (key, window_start, hits) values (${key}, ${nowIso}::timestamptz, ${weight})
        on conflict (key) do update set
          hits = case when rate_limits.window_start <= ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then ${weight} else rate_limits.hits + ${weight} end,
          window_start = case when rate_limits.window_start <= ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then ${nowIso}::timestamptz else rate_limits.window_start end
        returning window_start, hits`);
      const row = rows[0]!;
      // Old rows of contacts that went quiet are swept now and then rather than by a separate job.
      if (Math.random() < 0.001) {
        await database.query(
          sql`delete from rate_limits where window_start < ${nowIso}::timestamptz - interval '1 day'`,
        );
      }
      return outcomeOf(Number(row.hits), new Date(row.window_start).getTime(), rule, now.getTime(), weight);
    },
  };
}
