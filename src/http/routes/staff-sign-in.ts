import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { DomainError, isDomainError } from "../../domain/errors";
import type { OpenedStaffSession } from "../../services/staff/open-staff-session";
import { limitBody, readJsonBody } from "../body";
import type { AppEnv } from "../context";
import { CSRF_HEADER, checkCsrf, isSameOrigin, STAFF_CSRF_COOKIE, STAFF_SESSION_COOKIE } from "../staff-auth";

/** Protects the sign-in form itself (login CSRF): a random value in a cookie and in the form. */
const SIGN_IN_CSRF_COOKIE = "civicdesk_sign_in";

export interface StaffSignInDeps {
  cityName: string;
  /** Offers "sign in with your organisation's account" when single sign-on is configured. */
  ssoEnabled?: boolean;
  signIn: (input: unknown, requestId: string) => Promise<OpenedStaffSession>;
  signOut: (sessionToken: string, everywhere: boolean, requestId: string) => Promise<{ ended: number }>;
  /** The CSRF token of a live session, to check sign-out requests against. */
  sessionCsrf: (sessionToken: string) => Promise<string | undefined>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** Only a path on this site; "//host" and "/\\host" would leave it. */
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/staff";
}

/** GET/POST /staff/sign-in and POST /staff/sign-out: local accounts in a browser or from a script. */
export function staffSignInRoutes(deps: StaffSignInDeps) {
  const app = new Hono<AppEnv>();
  app.use("/staff/sign-in", limitBody(8 * 1024));
  app.use("/staff/sign-out", limitBody(4 * 1024));

  const renderPage = (c: Context<AppEnv>, options: { next: string; error?: string; email?: string }) => {
    const csrf = randomBytes(24).toString("base64url");
    setCookie(c, SIGN_IN_CSRF_COOKIE, csrf, {
      httpOnly: true,
      secure: true,
      sameSite: "Strict",
      path: "/staff/sign-in",
      maxAge: 3600,
    });
    c.header("cache-control", "no-store");
    const error = options.error
      ? `<p id="sign-in-error" role="alert" class="error">${escapeHtml(options.error)}</p>`
      : "";
    const describedBy = options.error ? ' aria-describedby="sign-in-error" aria-invalid="true"' : "";
    return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Staff sign-in · ${escapeHtml(deps.cityName)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
label{display:block;margin-top:1rem;font-weight:600}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #555;border-radius:4px}
input:focus,button:focus{outline:3px solid #0b57d0;outline-offset:2px}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b57d0;color:#fff;border:0;border-radius:4px}
.error{color:#a50e0e;font-weight:600}
</style>
</head>
<body>
<main>
<h1>Staff sign-in</h1>
<p>${escapeHtml(deps.cityName)} contact centre</p>
${error}
<form method="post" action="/staff/sign-in">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? "")}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>
${deps.ssoEnabled ? '<p><a href="/staff/sign-in/sso">Sign in with your organisation account</a></p>' : ""}
</main>
</body>
</html>`);
  };

  app.get("/staff/sign-in", (c) => renderPage(c, { next: safeNext(c.req.query("next")) }));

  app.post("/staff/sign-in", async (c) => {
    if (!isSameOrigin(c)) throw new DomainError("forbidden", "Cross-site sign-in is refused.");
    const isForm = (c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    if (!isForm) {
      // A cross-site page cannot send a JSON body without a CORS preflight, which this app never grants.
      const session = await deps.signIn(await readJsonBody(c), c.var.requestId);
      setStaffSessionCookies(c, session);
      return c.json({
        userId: session.userId,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        availabilityRestored: session.availabilityRestored,
      });
    }
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    const next = safeNext(field("next"));
    const expected = getCookie(c, SIGN_IN_CSRF_COOKIE);
    if (!expected || field("csrf") !== expected) {
      c.status(403);
      return renderPage(c, { next, error: "The sign-in form had expired; please try again." });
    }
    try {
      const session = await deps.signIn(
        { email: field("email"), password: field("password") },
        c.var.requestId,
      );
      setStaffSessionCookies(c, session);
      deleteCookie(c, SIGN_IN_CSRF_COOKIE, { path: "/staff/sign-in", secure: true });
      return c.redirect(next, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const status = error.code === "rate_limited" ? 429 : error.code === "invalid_input" ? 400 : 401;
      if (error.details.retryAfterSeconds !== undefined)
        c.header("retry-after", String(error.details.retryAfterSeconds));
      c.status(status);
      return renderPage(c, { next, error: error.message, email: field("email") });
    }
  });

  app.post("/staff/sign-out", async (c) => {
    const sessionToken = getCookie(c, STAFF_SESSION_COOKIE);
    const isForm = (c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    const parsed = isForm ? await c.req.parseBody() : await readJsonBody(c, { optional: true });
    const body = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
    const everywhere = body.everywhere === true || body.everywhere === "true" || body.everywhere === "on";
    let ended = 0;
    if (sessionToken) {
      const csrf = await deps.sessionCsrf(sessionToken);
      if (csrf) {
        const given = c.req.header(CSRF_HEADER) ?? (typeof body.csrf === "string" ? body.csrf : undefined);
        checkCsrf(c, csrf, given);
        ({ ended } = await deps.signOut(sessionToken, everywhere, c.var.requestId));
      }
    }
    deleteCookie(c, STAFF_SESSION_COOKIE, { path: "/", secure: true });
    deleteCookie(c, STAFF_CSRF_COOKIE, { path: "/", secure: true });
    c.header("cache-control", "no-store");
    return isForm ? c.redirect("/staff/sign-in", 303) : c.json({ ended });
  });

  return app;
}

/** The session cookie (HTTP-only) and the page's copy of its CSRF token. */
export function setStaffSessionCookies(c: Context<AppEnv>, session: OpenedStaffSession) {
  const common = { secure: true, path: "/", expires: session.expiresAt } as const;
  setCookie(c, STAFF_SESSION_COOKIE, session.sessionToken, { ...common, httpOnly: true, sameSite: "Lax" });
  setCookie(c, STAFF_CSRF_COOKIE, session.csrfToken, { ...common, sameSite: "Strict" });
}
