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
  hit(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitOutcome>;
}

/** Counts one request against the rule and throws `rate_limited` (→ 429 with Retry-After) past the limit. */
export async function enforceRateLimit(limiter: RateLimiter, key: string, rule: RateLimitRule, now: Date) {
  const outcome = await limiter.hit(key, rule, now);
  if (!outcome.allowed) {
    throw new DomainError("rate_limited", "Too many messages; please wait a moment.", {
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}

function outcomeOf(hits: number, windowStart: number, rule: RateLimitRule, now: number): RateLimitOutcome {
  const endsIn = windowStart + rule.windowSeconds * 1000 - now;
  return { allowed: hits <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(endsIn / 1000)) };
}

export function createMemoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; hits: number }>();
  return {
    async hit(key, rule, now) {
      const at = now.getTime();
      let entry = windows.get(key);
      if (!entry || at - entry.start >= rule.windowSeconds * 1000) {
        if (windows.size > 50_000) prune(windows, at, rule.windowSeconds);
        entry = { start: at, hits: 0 };
        windows.set(key, entry);
      }
      entry.hits++;
      return outcomeOf(entry.hits, entry.start, rule, at);
    },
  };
}

function prune(windows: Map<string, { start: number }>, at: number, windowSeconds: number) {
  for (const [key, entry] of windows) if (at - entry.start >= windowSeconds * 1000) windows.delete(key);
}

/** One upsert per hit on the `rate_limits` table; the row's window restarts once it has passed. */
export function createPostgresRateLimiter(database: Database): RateLimiter {
  return {
    async hit(key, rule, now) {
      const nowIso = now.toISOString();
      const rows = await database.query<{ window_start: string | Date; hits: number }>(sql`
        insert into rate_limits (key, window_start, hits) values (${key}, ${nowIso}::timestamptz, 1)
        on conflict (key) do update set
          hits = case when rate_limits.window_start <= ${nowIso}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                      then 1 else rate_limits.hits + 1 end,
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
      return outcomeOf(Number(row.hits), new Date(row.window_start).getTime(), rule, now.getTime());
    },
  };
}
