import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { DomainError } from "../domain/errors";
import { STAFF_ROLES, type StaffActor, type StaffRole } from "../services/cases/context";
import type { AppEnv, StaffAuthenticator } from "./context";

export interface StaffEnv {
  Variables: AppEnv["Variables"] & { staff: StaffActor; staffSessionCsrf?: string };
}

export interface StaffTokenEntry {
  token: string;
  userId: string;
  roles: StaffRole[];
}

/** The session cookie: HTTP-only, Secure, SameSite=Lax; its value is a random secret stored as a digest. */
export const STAFF_SESSION_COOKIE = "civicdesk_staff";
/** The page's copy of the session's CSRF token, readable by the console's scripts (not a credential alone). */
export const STAFF_CSRF_COOKIE = "civicdesk_csrf";
/** Header a cookie-authenticated write must carry with the session's CSRF token. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * Parses STAFF_TOKENS: comma-separated `token:user-id:role+role`. Deprecated bootstrap path for
 * development and tests; real deployments use `npm run staff -- add-token`.
 */
export function parseStaffTokens(value: string | undefined): StaffTokenEntry[] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [token, userId, roleList, ...rest] = entry.split(":");
      const roles = (roleList ?? "").split("+").filter(Boolean);
      const bad = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
      if (!token || token.length < 16 || !userId || roles.length === 0 || bad.length > 0 || rest.length > 0) {
        throw new Error(
          `STAFF_TOKENS entry ${i + 1}: expected token:user-id:role+role with a token of 16+ characters and roles among ${STAFF_ROLES.join(", ")}`,
        );
      }
      return { token, userId, roles: roles as StaffRole[] };
    });
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Staff authentication for a route group: `Authorization: Bearer` (an API token, or a STAFF_TOKENS
 * entry) or the session cookie. Cookie-authenticated writes must also send the session's CSRF token
 * in X-CSRF-Token and, when the browser sends an Origin, come from this site.
 */
export function staffAuth(entries: StaffTokenEntry[] = []): MiddlewareHandler<StaffEnv> {
  const byDigest = Promise.all(entries.map(async (e) => [await sha256Hex(e.token), e] as const)).then(
    (pairs) => new Map(pairs),
  );
  return async (c, next) => {
    const authenticator = c.var.staffAuthenticator;
    const header = c.req.header("authorization");
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new DomainError("unauthorized", "Authorization must be 'Bearer <token>'.");
      const entry = (await byDigest).get(await sha256Hex(match[1]));
      const actor = entry
        ? ({ kind: "staff", userId: entry.userId, roles: entry.roles } satisfies StaffActor)
        : await authenticator?.fromApiToken(match[1]);
      if (!actor) throw new DomainError("unauthorized", "The staff token is not valid.");
      c.set("staff", actor);
      return next();
    }
    const sessionToken = getCookie(c, STAFF_SESSION_COOKIE);
    if (!sessionToken) {
      throw new DomainError("unauthorized", "Staff sign-in (session cookie) or a bearer token is required.");
    }
    const session = authenticator ? await authenticator.fromSession(sessionToken) : undefined;
    if (!session) throw new DomainError("unauthorized", "The staff session has ended; sign in again.");
    if (!SAFE_METHODS.has(c.req.method)) checkCsrf(c, session.csrfToken, c.req.header(CSRF_HEADER));
    c.set("staff", session.actor);
    c.set("staffSessionCsrf", session.csrfToken);
    await next();
  };
}

/** Refuses a cookie-authenticated write that lacks the session's CSRF token or comes from another site. */
export function checkCsrf(c: Context, expected: string, given: string | undefined) {
  if (!isSameOrigin(c)) throw new DomainError("forbidden", "Cross-site requests are refused.");
  if (!given || !timingSafeEqualText(given, expected)) {
    throw new DomainError("forbidden", `This write needs the session's CSRF token in ${CSRF_HEADER}.`);
  }
}

/** True unless the browser says the request came from another origin (Sec-Fetch-Site, else Origin). */
export function isSameOrigin(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  // Pages served with Referrer-Policy: no-referrer make browsers send "Origin: null" on their own forms.
  if (origin === undefined || (origin === "null" && site !== undefined)) return true;
  return origin === new URL(c.req.url).origin;
}

function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Route guard: the signed-in staff user must hold one of these roles. */
export function allowRoles(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!c.var.staff.roles.some((r) => roles.includes(r))) {
      throw new DomainError("forbidden", `This needs one of the roles: ${roles.join(", ")}.`);
    }
    await next();
  };
}

/** Makes every route's staffAuth accept sessions and API tokens stored in the database. */
export function provideStaffAuthenticator(authenticator: StaffAuthenticator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("staffAuthenticator", authenticator);
    await next();
  };
}
