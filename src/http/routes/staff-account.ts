import { type Context, Hono } from "hono";
import type { Database } from "../../db/client";
import type { StaffAuthContext } from "../../services/staff/context";
import { createStaffApiToken } from "../../services/staff/create-staff-api-token";
import { getStaffProfile } from "../../services/staff/get-staff-profile";
import { listStaffApiTokens } from "../../services/staff/list-staff-api-tokens";
import { revokeStaffApiToken } from "../../services/staff/revoke-staff-api-token";
import { limitBody, readJsonBody } from "../body";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";

/** GET /v1/staff/me for any staff member; API tokens under /v1/staff/api-tokens for admins. */
export function staffAccountRoutes(deps: { database: Database; staffTokens: StaffTokenEntry[] }) {
  const app = new Hono<StaffEnv>();
  const ctx = (c: Context<StaffEnv>): StaffAuthContext => ({
    database: deps.database,
    actor: c.var.staff,
    requestId: c.var.requestId,
  });
  app.use("/v1/staff/me", staffAuth(deps.staffTokens));
  app.use("/v1/staff/api-tokens", staffAuth(deps.staffTokens), limitBody(4 * 1024), allowRoles("admin"));
  app.use("/v1/staff/api-tokens/*", staffAuth(deps.staffTokens), limitBody(4 * 1024), allowRoles("admin"));

  app.get("/v1/staff/me", async (c) => {
    c.header("cache-control", "no-store");
    const profile = await getStaffProfile({ ctx: ctx(c) });
    return c.json({ ...profile, csrfToken: c.var.staffSessionCsrf ?? null });
  });

  app.get("/v1/staff/api-tokens", async (c) => c.json({ tokens: await listStaffApiTokens({ ctx: ctx(c) }) }));

  app.post("/v1/staff/api-tokens", async (c) => {
    const created = await createStaffApiToken({ ctx: ctx(c), input: await readJsonBody(c) });
    c.header("cache-control", "no-store");
    return c.json(created, 201);
  });

  app.delete("/v1/staff/api-tokens/:id", async (c) =>
    c.json(await revokeStaffApiToken({ ctx: ctx(c), input: { id: c.req.param("id") } })),
  );
  return app;
}
