import { describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import {
  createMemoryRateLimiter,
  createPostgresRateLimiter,
  enforceRateLimit,
  type RateLimiter,
} from "./rate-limiter";

const RULE = { limit: 3, windowSeconds: 60 };
const T0 = new Date("2026-03-05T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function behavesLikeAFixedWindow(limiter: () => RateLimiter) {
  it("allows the limit, refuses the next with the seconds left, and starts over after the window", async () => {
    const key = `contact:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) expect((await limiter().hit(key, RULE, at(i))).allowed).toBe(true);
    expect(await limiter().hit(key, RULE, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect((await limiter().hit(key, RULE, at(60))).allowed).toBe(true);
  });

  it("counts keys separately", async () => {
    const a = `ip:${crypto.randomUUID()}`;
    const b = `ip:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await limiter().hit(a, RULE, T0);
    expect((await limiter().hit(a, RULE, T0)).allowed).toBe(false);
    expect((await limiter().hit(b, RULE, T0)).allowed).toBe(true);
  });

  it("peeks with weight 0 without spending the budget", async () => {
    const key = `auth-failures:${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++) expect((await limiter().hit(key, RULE, at(i), 0)).allowed).toBe(true);
    for (let i = 0; i < 3; i++) await limiter().hit(key, RULE, at(10));
    expect((await limiter().hit(key, RULE, at(11), 0)).allowed).toBe(false);
    expect((await limiter().hit(key, RULE, at(71), 0)).allowed).toBe(true);
  });

  it("counts several keys in one call as one by one, a peek spending nothing", async () => {
    const messages = `ip:messages:${crypto.randomUUID()}`;
    const cases = `ip:cases:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await limiter().hit(cases, RULE, at(i));
    const both = [
      { key: messages, rule: RULE },
      { key: cases, rule: RULE, weight: 0 },
    ];
    expect(await limiter().hitAll(both, at(10))).toEqual([
      { allowed: true, retryAfterSeconds: 60 },
      { allowed: false, retryAfterSeconds: 50 },
    ]);
    await limiter().hitAll(both, at(11));
    expect(await limiter().hit(messages, RULE, at(12))).toEqual({ allowed: true, retryAfterSeconds: 58 });
    expect(await limiter().hit(messages, RULE, at(13))).toEqual({ allowed: false, retryAfterSeconds: 57 });
    const fresh = `ip:cases:${crypto.randomUUID()}`;
    expect(await limiter().hitAll([{ key: fresh, rule: RULE, weight: 0 }], at(80))).toEqual([
      { allowed: true, retryAfterSeconds: 60 },
    ]);
    await expect(limiter().hitAll([both[0]!, both[0]!], at(14))).rejects.toThrow(/distinct/);
  });

  it("turns a refusal into rate_limited with Retry-After", async () => {
    const key = `contact:${crypto.randomUUID()}`;
    const rule = { limit: 1, windowSeconds: 30 };
    await enforceRateLimit(limiter(), key, rule, T0);
    await expect(enforceRateLimit(limiter(), key, rule, at(5))).rejects.toMatchObject({
      code: "rate_limited",
      details: { retryAfterSeconds: 25 },
    });
  });
}

describe("in-memory rate limiter", () => {
  const limiter = createMemoryRateLimiter();
  behavesLikeAFixedWindow(() => limiter);
});

forEachDatabase("PostgreSQL rate limiter", (use) => {
  behavesLikeAFixedWindow(() => createPostgresRateLimiter(use()));

  it("shares one count between limiters on the same database (several processes)", async () => {
    const key = `contact:${crypto.randomUUID()}`;
    const one = createPostgresRateLimiter(use());
    const two = createPostgresRateLimiter(use());
    await Promise.all([one.hit(key, RULE, T0), two.hit(key, RULE, T0), one.hit(key, RULE, T0)]);
    expect((await two.hit(key, RULE, T0)).allowed).toBe(false);
  });
});
