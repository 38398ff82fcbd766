import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { DomainError } from "../../domain/errors";
import type { SsoIdentity, StaffSso } from "../../ports/staff-sso";
import type { OpenedStaffSession } from "../../services/staff/open-staff-session";
import type { AppEnv } from "../context";
import { setStaffSessionCookies } from "./staff-sign-in";

/** Holds the PKCE verifier, state and nonce between leaving for the provider and coming back. */
const SSO_COOKIE = "civicdesk_sso";
const SSO_PATH = "/staff/sign-in/sso";

/** GET /staff/sign-in/sso and its callback; both answer 404 when single sign-on is not configured. */
export function staffSsoRoutes(deps: {
  sso?: StaffSso | undefined;
  signIn: (identity: SsoIdentity, requestId: string) => Promise<OpenedStaffSession>;
}) {
  const app = new Hono<AppEnv>();
  const sso = (): StaffSso => {
    if (!deps.sso) throw new DomainError("not_found", "Single sign-on is not configured.");
    return deps.sso;
  };
  const callbackUrl = (c: Context<AppEnv>) => `${new URL(c.req.url).origin}${SSO_PATH}/callback`;

  app.get(SSO_PATH, async (c) => {
    const { url, state } = await sso().start(callbackUrl(c));
    // Lax, so the cookie comes back on the provider's top-level redirect to the callback.
    setCookie(c, SSO_COOKIE, state, {
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      path: SSO_PATH,
      maxAge: 600,
    });
    c.header("cache-control", "no-store");
    return c.redirect(url, 302);
  });

  app.get(`${SSO_PATH}/callback`, async (c) => {
    const provider = sso();
    const saved = getCookie(c, SSO_COOKIE);
    if (!saved)
      throw new DomainError(
        "invalid_input",
        "The sign-in had expired or was started elsewhere; start again.",
      );
    deleteCookie(c, SSO_COOKIE, { path: SSO_PATH, secure: true });
    const identity = await provider.finish(c.req.url, saved);
    const session = await deps.signIn(identity, c.var.requestId);
    setStaffSessionCookies(c, session);
    c.header("cache-control", "no-store");
    return c.redirect("/staff", 303);
  });
  return app;
}
