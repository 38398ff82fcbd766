import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../test/db";
import { createStaffUser, signInAs } from "../../test/staff-session";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import type { StaffRole } from "../services/cases/context";

/**
 * Every staff, supervisor, editor and admin route with the status each caller gets: no credentials,
 * a wrong bearer token, a wrong session cookie, and a token of each single role. Allowed callers reach
 * the handler, which answers 400/404 for the placeholder ids and empty bodies used here.
 */
type Expected = { anonymous: number; allowed: readonly StaffRole[]; allowedStatus: number };
const anyStaff: readonly StaffRole[] = ["agent", "supervisor", "editor", "admin"];
const caseWorkers: readonly StaffRole[] = ["agent", "supervisor", "admin"];
const admins: readonly StaffRole[] = ["admin"];
const handoffStaff: readonly StaffRole[] = ["agent", "supervisor", "admin"];
const supervisors: readonly StaffRole[] = ["supervisor", "admin"];

const ROUTES: Record<string, Expected> = {
  "GET /v1/staff/cases": { anonymous: 401, allowed: caseWorkers, allowedStatus: 200 },
  "POST /v1/staff/cases": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "GET /v1/staff/cases/:reference": { anonymous: 401, allowed: caseWorkers, allowedStatus: 404 },
  "POST /v1/staff/cases/:reference/status": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "POST /v1/staff/cases/:reference/assign": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "POST /v1/staff/cases/:reference/priority": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "POST /v1/staff/cases/:reference/attachments": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "POST /v1/staff/cases/:reference/notes": { anonymous: 401, allowed: caseWorkers, allowedStatus: 400 },
  "GET /v1/staff/cases/:reference/audit": { anonymous: 401, allowed: admins, allowedStatus: 200 },
  "GET /v1/staff/privacy/contacts": { anonymous: 401, allowed: admins, allowedStatus: 400 },
  "GET /v1/staff/privacy/contacts/:contactId/export": { anonymous: 401, allowed: admins, allowedStatus: 404 },
  "POST /v1/staff/privacy/contacts/:contactId/erase": { anonymous: 401, allowed: admins, allowedStatus: 400 },
  "GET /v1/staff/me": { anonymous: 401, allowed: anyStaff, allowedStatus: 200 },
  "GET /v1/staff/api-tokens": { anonymous: 401, allowed: admins, allowedStatus: 200 },
  "POST /v1/staff/api-tokens": { anonymous: 401, allowed: admins, allowedStatus: 400 },
  "DELETE /v1/staff/api-tokens/:id": { anonymous: 401, allowed: admins, allowedStatus: 404 },
  "GET /v1/staff/users": { anonymous: 401, allowed: admins, allowedStatus: 200 },
  "POST /v1/staff/users": { anonymous: 401, allowed: admins, allowedStatus: 400 },
  "POST /v1/staff/users/:id/deactivate": { anonymous: 401, allowed: admins, allowedStatus: 404 },
  "GET /v1/staff/conversations": { anonymous: 401, allowed: handoffStaff, allowedStatus: 200 },
  "GET /v1/staff/conversations/:id": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  "POST /v1/staff/conversations/take-next": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  "POST /v1/staff/conversations/:id/take-over": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  "POST /v1/staff/conversations/:id/hand-back": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  "POST /v1/staff/conversations/:id/close": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  "POST /v1/staff/conversations/:id/messages": { anonymous: 401, allowed: handoffStaff, allowedStatus: 400 },
  "POST /v1/staff/conversations/:id/notes": { anonymous: 401, allowed: handoffStaff, allowedStatus: 400 },
  "POST /v1/staff/conversations/:id/assign": { anonymous: 401, allowed: supervisors, allowedStatus: 400 },
  "POST /v1/staff/me/availability": { anonymous: 401, allowed: handoffStaff, allowedStatus: 400 },
  "GET /v1/staff/conversations/:id/suggestions": {
    anonymous: 401,
    allowed: handoffStaff,
    allowedStatus: 404,
  },
  // Server-sent events: allowed callers get the open stream (200); it ends when the database closes.
  "GET /v1/staff/queue/stream": { anonymous: 401, allowed: handoffStaff, allowedStatus: 200 },
  // No such conversation: 404 before any stream opens.
  "GET /v1/staff/conversations/:id/stream": { anonymous: 401, allowed: handoffStaff, allowedStatus: 404 },
  // Console pages send a browser without a valid session to the sign-in page.
  "GET /staff": { anonymous: 303, allowed: handoffStaff, allowedStatus: 200 },
  "GET /staff/conversations/:id": { anonymous: 303, allowed: handoffStaff, allowedStatus: 404 },
  "GET /staff/cases": { anonymous: 303, allowed: handoffStaff, allowedStatus: 200 },
  "GET /staff/cases/:reference": { anonymous: 303, allowed: caseWorkers, allowedStatus: 404 },
  "GET /staff/console.js": { anonymous: 200, allowed: anyStaff, allowedStatus: 200 },
  // Public by design: the sign-in page, and sign-in/out, which carry their own checks.
  "GET /staff/sign-in": { anonymous: 200, allowed: anyStaff, allowedStatus: 200 },
  "POST /staff/sign-in": { anonymous: 400, allowed: anyStaff, allowedStatus: 400 },
  "POST /staff/sign-out": { anonymous: 200, allowed: anyStaff, allowedStatus: 200 },
  // Single sign-on is not configured here, so these answer 404 (staff-sso.test.ts covers them configured).
  "GET /staff/sign-in/sso": { anonymous: 404, allowed: anyStaff, allowedStatus: 404 },
  "GET /staff/sign-in/sso/callback": { anonymous: 404, allowed: anyStaff, allowedStatus: 404 },
};

/** Paths that belong to staff, supervisors, editors or admins. */
const STAFF_PATH = /^\/(v1\/staff|staff|editor|admin)(\/|$)/;

const PLACEHOLDERS: Record<string, string> = {
  reference: "CD-2026-999999",
  contactId: "00000000-0000-4000-8000-000000000000",
  id: "00000000-0000-4000-8000-000000000000",
};

forEachDatabase("staff route authorisation table", (use) => {
  let app: ReturnType<typeof buildApp>;
  const tokens: Partial<Record<StaffRole, string>> = {};
  let adminSession: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    app = buildApp({
      config: loadConfig({ AUTH_FAILURE_LIMIT_PER_IP: "0", CASE_LOOKUP_LIMIT_PER_IP: "0" }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });
    for (const role of anyStaff) {
      const user = await createStaffUser(use(), { email: `${role}@table.example`, roles: [role] });
      tokens[role] = await user.createToken();
    }
    adminSession = await signInAs(app, "admin@table.example");
  });

  const staffRoutes = () => {
    const seen = new Set<string>();
    for (const route of app.routes) {
      if (route.method === "ALL" || !STAFF_PATH.test(route.path)) continue;
      seen.add(`${route.method} ${route.path}`);
    }
    return [...seen].sort();
  };

  const call = (key: string, headers: Record<string, string>) => {
    const [method, pattern] = key.split(" ") as [string, string];
    const path = pattern.replace(/:(\w+)/g, (_, name: string) => PLACEHOLDERS[name] ?? "x");
    const hasBody = method !== "GET" && method !== "DELETE";
    return app.request(path, {
      method,
      headers: { ...headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
      ...(hasBody ? { body: "{}" } : {}),
    });
  };

  it("has a row for every staff route the app registers, and no row for a route that is gone", () => {
    const registered = staffRoutes();
    expect(registered.filter((key) => !(key in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !registered.includes(key))).toEqual([]);
  });

  describe.each(Object.entries(ROUTES))("%s", (key, expected) => {
    it("refuses missing and wrong credentials", async () => {
      expect((await call(key, {})).status).toBe(expected.anonymous);
      const wrongToken = expected.anonymous === 401 ? 401 : expected.anonymous;
      expect((await call(key, { authorization: "Bearer cdk_wrong-token-wrong-token" })).status).toBe(
        wrongToken,
      );
      expect((await call(key, { cookie: "civicdesk_staff=not-a-session" })).status).toBe(wrongToken);
    });

    it.each(anyStaff)("answers the %s role as the table says", async (role) => {
      const status = (await call(key, { authorization: `Bearer ${tokens[role]}` })).status;
      expect(status).toBe(expected.allowed.includes(role) ? expected.allowedStatus : 403);
    });

    it("answers an admin's session cookie (with its CSRF token) as it answers the admin's token", async () => {
      const status = (
        await call(key, {
          cookie: adminSession.cookie,
          "x-csrf-token": adminSession.csrfToken,
          origin: "http://localhost",
        })
      ).status;
      const expectedStatus = expected.allowed.includes("admin") ? expected.allowedStatus : 403;
      // Signing out with the shared session would end it for the rows after this one.
      if (key === "POST /staff/sign-out") return;
      expect(status).toBe(expectedStatus);
    });
  });
});
