import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { createLogger } from "../../logger";

const ACCOUNTS: Record<string, { email: string; name: string; groups: string[] }> = {
  ana: { email: "ana@city.example", name: "Ana Popescu", groups: ["cc-agents", "cc-leads", "unrelated"] },
  bob: { email: "bob@city.example", name: "Bob", groups: ["finance"] },
};
const REDIRECT_URI = "http://localhost/staff/sign-in/sso/callback";

let server: Server;
let issuer: string;

/** A real OpenID provider (oidc-provider) on a free port, with its development login and consent pages. */
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "civicdesk",
        client_secret: "civicdesk-test-secret-0123456789",
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    claims: { email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    cookies: { keys: ["test-cookie-key"] },
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
  });
  server.on("request", provider.callback());
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Follows the provider's redirects and fills its login and consent forms as a person would. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form (${response.status}): ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) fields.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
    if (fields.has("login")) fields.set("login", login);
    if (fields.has("password")) fields.set("password", "any");
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: fields.toString(),
    };
  }
  throw new Error("the provider never redirected back");
}

forEachDatabase("staff single sign-on through OpenID Connect", (use) => {
  let app: ReturnType<typeof buildApp>;
  beforeAll(() => {
    app = buildApp({
      config: loadConfig({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: "civicdesk",
        OIDC_CLIENT_SECRET: "civicdesk-test-secret-0123456789",
        OIDC_SCOPES: "openid email profile groups",
        OIDC_ROLE_GROUPS: "agent=cc-agents,supervisor=cc-leads,admin=it-admins",
        AUTH_FAILURE_LIMIT_PER_IP: "0",
      }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });
  });

  const start = async () => {
    const response = await app.request("/staff/sign-in/sso");
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
    return { location, cookie };
  };

  it("signs a person in with the authorization code flow and PKCE, with roles from their groups", async () => {
    const { location, cookie } = await start();
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);

    const callback = await signInAtProvider(location.href, "ana");
    const done = await app.request(`${callback.pathname}${callback.search}`, { headers: { cookie } });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/staff");
    const session = done.headers
      .getSetCookie()
      .find((c) => c.startsWith("civicdesk_staff="))!
      .split(";")[0]!;
    const me = await app.request("/v1/staff/me", { headers: { cookie: session } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: "ana@city.example",
      name: "Ana Popescu",
      roles: ["agent", "supervisor"],
    });

    // The code is single-use: replaying the callback is refused.
    const replay = await app.request(`${callback.pathname}${callback.search}`, { headers: { cookie } });
    expect(replay.status).toBe(401);
  }, 30_000);

  it("refuses a person in no mapped group, a callback without the starting cookie, and a forged state", async () => {
    const bob = await start();
    const bobBack = await signInAtProvider(bob.location.href, "bob");
    const refused = await app.request(`${bobBack.pathname}${bobBack.search}`, {
      headers: { cookie: bob.cookie },
    });
    expect(refused.status).toBe(403);

    const ana = await start();
    const back = await signInAtProvider(ana.location.href, "ana");
    expect((await app.request(`${back.pathname}${back.search}`)).status).toBe(400);
    const forged = new URL(back);
    forged.searchParams.set("state", "forged-state");
    const wrongState = await app.request(`${forged.pathname}${forged.search}`, {
      headers: { cookie: ana.cookie },
    });
    expect(wrongState.status).toBe(401);
  }, 30_000);

  it("answers 404 on the single sign-on routes when it is not configured", async () => {
    const plain = buildApp({
      config: loadConfig({}),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });
    expect((await plain.request("/staff/sign-in/sso")).status).toBe(404);
    expect((await plain.request("/staff/sign-in/sso/callback?code=x&state=y")).status).toBe(404);
  });
});
