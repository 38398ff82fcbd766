import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createStaffUser, signInAs, TEST_STAFF_PASSWORD } from "../../../test/staff-session";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { auditLog, staffApiTokens, staffSessions, staffUsers } from "../../db/schema";
import { createLogger } from "../../logger";
import { createStaffApiToken } from "./create-staff-api-token";

forEachDatabase("staff sign-in, sessions and API tokens", (use) => {
  let app: ReturnType<typeof buildApp>;
  let now = new Date("2026-12-07T10:00:00Z");
  beforeAll(async () => {
    await createStaffUser(use(), { email: "ada@city.example", roles: ["agent"], departments: ["waste"] });
    await createStaffUser(use(), { email: "root@city.example", roles: ["admin", "agent"] });
    await createStaffUser(use(), { email: "lock@city.example", roles: ["agent"] });
    app = buildApp({
      config: loadConfig({ AUTH_FAILURE_LIMIT_PER_IP: "0", STAFF_MAX_FAILED_SIGN_INS: "3" }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
      clock: () => now,
    });
  });

  const me = (headers: Record<string, string>) => app.request("/v1/staff/me", { headers });

  describe("local accounts", () => {
    it("stores the password as an argon2id hash, never the password", async () => {
      const [user] = await use().db.select().from(staffUsers).where(eq(staffUsers.email, "ada@city.example"));
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(user?.passwordHash).not.toContain(TEST_STAFF_PASSWORD);
    });

    it("signs in with the right password and the session cookie then authenticates staff routes", async () => {
      const response = await app.request("/staff/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ADA@city.example", password: TEST_STAFF_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const cookies = response.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith("civicdesk_staff="));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/Secure/);
      expect(session).toMatch(/SameSite=Lax/);
      const { cookie } = await signInAs(app, "ada@city.example");
      const profile = await me({ cookie });
      expect(profile.status).toBe(200);
      expect(await profile.json()).toMatchObject({
        email: "ada@city.example",
        roles: ["agent"],
        departments: ["waste"],
      });
    });

    it("refuses a wrong password or an unknown email with the same 401", async () => {
      const wrong = await app.request("/staff/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ada@city.example", password: "not the password" }),
      });
      const unknown = await app.request("/staff/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@city.example", password: "not the password" }),
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
    });

    it("locks the account after repeated failures, even for the right password, until the lock ends", async () => {
      const attempt = (password: string) =>
        app.request("/staff/sign-in", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "lock@city.example", password }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt("guess-guess-guess")).status).toBe(401);
      const locked = await attempt(TEST_STAFF_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
      now = new Date(now.getTime() + 16 * 60_000);
      expect((await attempt(TEST_STAFF_PASSWORD)).status).toBe(200);
      const failures = await use()
        .db.select()
        .from(auditLog)
        .where(eq(auditLog.action, "staff.sign_in_failed"));
      expect(failures.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe("CSRF on cookie-authenticated writes", () => {
    it("refuses a write without the session's CSRF token, or from another origin, and accepts it with", async () => {
      const { cookie, csrfToken } = await signInAs(app, "root@city.example");
      const body = JSON.stringify({ email: "ada@city.example", roles: ["agent"], name: "crm" });
      const post = (headers: Record<string, string>) =>
        app.request("/v1/staff/api-tokens", {
          method: "POST",
          headers: { cookie, "content-type": "application/json", ...headers },
          body,
        });
      expect((await post({})).status).toBe(403);
      expect((await post({ "x-csrf-token": "forged" })).status).toBe(403);
      expect((await post({ "x-csrf-token": csrfToken, origin: "https://evil.example" })).status).toBe(403);
      expect((await post({ "x-csrf-token": csrfToken, "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await post({ "x-csrf-token": csrfToken, origin: "http://localhost" })).status).toBe(201);
    });

    it("protects the sign-in form with its own token and escapes what it echoes", async () => {
      const page = await app.request('/staff/sign-in?next=/staff"><script>alert(1)</script>');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toContain('<label for="password">');
      const formCookie = page.headers.getSetCookie()[0]!.split(";")[0]!;
      const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
      const submit = (cookie: string, token: string) =>
        app.request("/staff/sign-in", {
          method: "POST",
          // What Chromium sends for a page's own form under Referrer-Policy: no-referrer.
          headers: {
            cookie,
            "content-type": "application/x-www-form-urlencoded",
            origin: "null",
            "sec-fetch-site": "same-origin",
          },
          body: new URLSearchParams({
            csrf: token,
            email: "ada@city.example",
            password: TEST_STAFF_PASSWORD,
            next: "//evil.example/",
          }).toString(),
        });
      const crossSite = await app.request("/staff/sign-in", {
        method: "POST",
        headers: {
          cookie: formCookie,
          "content-type": "application/x-www-form-urlencoded",
          origin: "null",
          "sec-fetch-site": "cross-site",
        },
        body: new URLSearchParams({
          csrf,
          email: "ada@city.example",
          password: TEST_STAFF_PASSWORD,
        }).toString(),
      });
      expect(crossSite.status).toBe(403);
      expect((await submit("", csrf)).status).toBe(403);
      expect((await submit(formCookie, "other")).status).toBe(403);
      const ok = await submit(formCookie, csrf);
      expect(ok.status).toBe(303);
      expect(ok.headers.get("location")).toBe("/staff");
      expect(ok.headers.getSetCookie().some((c) => c.startsWith("civicdesk_staff="))).toBe(true);

      const bad = await app.request("/staff/sign-in", {
        method: "POST",
        headers: { cookie: formCookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf, email: '"><b>x', password: "wrong" }).toString(),
      });
      expect(bad.status).toBe(401);
      const badHtml = await bad.text();
      expect(badHtml).toContain('role="alert"');
      expect(badHtml).not.toContain("<b>x");
    });
  });

  describe("sign-out", () => {
    it("ends one session, or every session of the user with everywhere", async () => {
      const first = await signInAs(app, "ada@city.example");
      const second = await signInAs(app, "ada@city.example");
      const third = await signInAs(app, "ada@city.example");
      const signOut = (s: typeof first, body: unknown, csrf = s.csrfToken) =>
        app.request("/staff/sign-out", {
          method: "POST",
          headers: { cookie: s.cookie, "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify(body),
        });
      expect((await signOut(first, {}, "forged")).status).toBe(403);
      expect((await signOut(first, {})).status).toBe(200);
      expect((await me({ cookie: first.cookie })).status).toBe(401);
      expect((await me({ cookie: second.cookie })).status).toBe(200);
      const everywhere = await signOut(second, { everywhere: true });
      // The earlier tests' sessions of this user end too.
      expect(((await everywhere.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
      expect((await me({ cookie: third.cookie })).status).toBe(401);
    });

    it("ends a session when it expires", async () => {
      const session = await signInAs(app, "ada@city.example");
      expect((await me({ cookie: session.cookie })).status).toBe(200);
      now = new Date(now.getTime() + 13 * 3_600_000);
      expect((await me({ cookie: session.cookie })).status).toBe(401);
      const user = session.userId;
      const before = await use().db.select().from(staffSessions).where(eq(staffSessions.userId, user));
      expect(before.length).toBeGreaterThan(0);
      await signInAs(app, "ada@city.example");
      // Signing in again clears the expired rows; only the new session is left.
      const after = await use().db.select().from(staffSessions).where(eq(staffSessions.userId, user));
      expect(after).toHaveLength(1);
    });
  });

  describe("staff accounts", () => {
    it("an admin adds a person, lists accounts without hashes, and turns one off with its sessions and tokens", async () => {
      const admin = await signInAs(app, "root@city.example");
      const write = (path: string, body: unknown) =>
        app.request(path, {
          method: "POST",
          headers: {
            cookie: admin.cookie,
            "x-csrf-token": admin.csrfToken,
            "content-type": "application/json",
          },
          body: JSON.stringify(body),
        });
      const added = await write("/v1/staff/users", {
        email: "new@city.example",
        roles: ["supervisor"],
        departments: ["highways"],
        languages: ["ro"],
        password: "a new person's password",
      });
      expect(added.status).toBe(201);
      const { id } = (await added.json()) as { id: string };
      const listed = await app.request("/v1/staff/users", { headers: { cookie: admin.cookie } });
      const text = await listed.text();
      expect(text).toContain("new@city.example");
      expect(text).not.toContain("argon2");

      const person = await signInAs(app, "new@city.example", "a new person's password");
      const token = await createStaffApiToken({
        ctx: { database: use() },
        input: { email: "new@city.example", roles: ["supervisor"] },
      });
      expect((await me({ authorization: `Bearer ${token.token}` })).status).toBe(200);
      const off = await write(`/v1/staff/users/${id}/deactivate`, {});
      expect(off.status).toBe(200);
      expect((await me({ cookie: person.cookie })).status).toBe(401);
      expect((await me({ authorization: `Bearer ${token.token}` })).status).toBe(401);
      const again = await app.request("/staff/sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "new@city.example", password: "a new person's password" }),
      });
      expect(again.status).toBe(401);
    });
  });

  describe("API tokens", () => {
    it("an admin creates one, it is shown once, stored hashed, scoped, and revocable", async () => {
      const admin = await signInAs(app, "root@city.example");
      const created = await app.request("/v1/staff/api-tokens", {
        method: "POST",
        headers: {
          cookie: admin.cookie,
          "x-csrf-token": admin.csrfToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: "root@city.example", roles: ["agent"], name: "crm sync" }),
      });
      expect(created.status).toBe(201);
      const { id, token } = (await created.json()) as { id: string; token: string };
      expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
      const rows = await use().db.select().from(staffApiTokens).where(eq(staffApiTokens.id, id));
      expect(JSON.stringify(rows)).not.toContain(token);

      const bearer = { authorization: `Bearer ${token}` };
      const profile = await me(bearer);
      expect((await profile.json()).roles).toEqual(["agent"]);
      // Scoped to agent although its owner is an admin.
      expect((await app.request("/v1/staff/api-tokens", { headers: bearer })).status).toBe(403);

      const listed = await app.request("/v1/staff/api-tokens", { headers: { cookie: admin.cookie } });
      const list = JSON.stringify(await listed.json());
      expect(list).toContain(id);
      expect(list).not.toContain(token);

      const revoked = await app.request(`/v1/staff/api-tokens/${id}`, {
        method: "DELETE",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      });
      expect(revoked.status).toBe(200);
      expect((await me(bearer)).status).toBe(401);
    });

    it("refuses roles the user does not hold, and token creation by non-admins", async () => {
      const admin = await signInAs(app, "root@city.example");
      const tooMuch = await app.request("/v1/staff/api-tokens", {
        method: "POST",
        headers: {
          cookie: admin.cookie,
          "x-csrf-token": admin.csrfToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: "ada@city.example", roles: ["admin"] }),
      });
      expect(tooMuch.status).toBe(400);
      const agent = await signInAs(app, "ada@city.example");
      const denied = await app.request("/v1/staff/api-tokens", {
        method: "POST",
        headers: {
          cookie: agent.cookie,
          "x-csrf-token": agent.csrfToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: "ada@city.example", roles: ["agent"] }),
      });
      expect(denied.status).toBe(403);
    });
  });
});
