import type { Hono, MiddlewareHandler } from "hono";
import { checkRateLimit, type RateLimiter, type RateLimitRule } from "../services/conversations/rate-limiter";
import type { AppEnv } from "./context";

/**
 * The pages need their own script file, inline styles (the page's and the widget's shadow root), and
 * calls back to this origin; nothing else may load, frame them or receive their forms.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join("; ");

/** Adds the Content-Security-Policy to every HTML answer that does not set its own. */
export function contentSecurityPolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (type.startsWith("text/html") && !c.res.headers.has("content-security-policy")) {
      c.res.headers.set("content-security-policy", PAGE_CSP);
    }
  };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Links the app builds from the request URL must not come from a client's Host header. With
 * PUBLIC_BASE_URL every request is seen at that origin; without it only loopback hosts (local
 * development) are kept, and any other Host is replaced by http://localhost:PORT.
 */
export function canonicalOrigin(options: {
  publicBaseUrl?: string | undefined;
  port: number;
}): MiddlewareHandler {
  const fixed = options.publicBaseUrl ? new URL(options.publicBaseUrl).origin : undefined;
  const fallback = `http://localhost:${options.port}`;
  return async (c, next) => {
    const url = new URL(c.req.url);
    const origin = fixed ?? (LOOPBACK_HOSTS.has(url.hostname) ? url.origin : fallback);
    if (origin !== url.origin) {
      // Joined as text: a path starting with "//" must stay a path, not become another host.
      const rewritten = new URL(`${origin}${url.pathname}${url.search}`);
      c.req.raw = new Request(rewritten, {
        method: c.req.raw.method,
        headers: c.req.raw.headers,
        body: c.req.raw.body,
        signal: c.req.raw.signal,
        duplex: "half",
      } as RequestInit);
    }
    await next();
  };
}

/**
 * A per-IP cap on refused credentials (401 and 403): once an address has collected `rule.limit`
 * refusals in the window it gets 429 until the window ends. Only refusals count, so clients with good
 * credentials never spend this budget.
 */
export function limitAuthFailures(
  limiter: RateLimiter,
  rule: RateLimitRule,
  isGuarded: (path: string) => boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (rule.limit <= 0 || !isGuarded(c.req.path)) return next();
    const key = `auth-failures:${c.var.clientIp}`;
    await checkRateLimit(
      limiter,
      key,
      rule,
      new Date(),
      "Too many refused credentials from this address; please wait before trying again.",
    );
    await next();
    if (c.res.status === 401 || c.res.status === 403) await limiter.hit(key, rule, new Date());
  };
}

/** Turns a path pattern (`/v1/cases/:reference`, `/open311/*`) into a matcher. */
function patternMatcher(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((part) => {
      if (part === "*") return ".*";
      if (part.startsWith(":")) return "[^/]+";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods the app answers on `path` (none when the path is unknown), from its route table; the
 * not-found handler uses it to answer 405 with Allow instead of 404.
 */
export function allowedMethods(app: Hono<AppEnv>): (path: string) => string[] {
  let table: { method: string; matcher: RegExp }[] | undefined;
  return (path) => {
    table ??= app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => ({ method: r.method, matcher: patternMatcher(r.path) }));
    const methods = new Set(table.filter((r) => r.matcher.test(path)).map((r) => r.method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
