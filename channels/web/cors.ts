import type { MiddlewareHandler } from "hono";

/** The citizen API the widget calls; staff, Open311 and channel webhooks are never opened to other sites. */
const WIDGET_API = [/^\/v1\/conversations(\/|$)/, /^\/v1\/search\/?$/, /^\/v1\/cases\//];

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = "authorization, content-type, accept";
const EXPOSED_HEADERS = "x-request-id, retry-after";

/**
 * CORS for embedding the widget on a city's own site: only origins listed in `WIDGET_ORIGINS` get the
 * headers. Others get none, so their browsers refuse the response; a preflight from them falls through
 * to the app's ordinary refusal. The conversation token travels in a header, so no credentials are allowed.
 */
export function widgetCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins.map((o) => o.toLowerCase()));
  return async (c, next) => {
    if (allowed.size === 0 || !WIDGET_API.some((route) => route.test(c.req.path))) return next();
    const origin = c.req.header("origin");
    const permitted = origin !== undefined && allowed.has(origin.toLowerCase());
    if (permitted && c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": "600",
        vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
      });
    }
    await next();
    // Responses differ by Origin, so shared caches must key on it, allowed or not.
    c.res.headers.append("vary", "Origin");
    if (!permitted) return;
    c.res.headers.set("access-control-allow-origin", origin);
    c.res.headers.set("access-control-expose-headers", EXPOSED_HEADERS);
  };
}
