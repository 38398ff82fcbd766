import { type Context, Hono } from "hono";
import type { Database } from "../../db/client";
import { addStaffUser } from "../../services/staff/add-staff-user";
import type { StaffAuthContext } from "../../services/staff/context";
import { createStaffApiToken } from "../../services/staff/create-staff-api-token";
import { deactivateStaffUser } from "../../services/staff/deactivate-staff-user";
import { getStaffProfile } from "../../services/staff/get-staff-profile";
import { listStaffApiTokens } from "../../services/staff/list-staff-api-tokens";
import { listStaffUsers } from "../../services/staff/list-staff-users";
import { revokeStaffApiToken } from "../../services/staff/revoke-staff-api-token";
import { limitBody, readJsonBody } from "../body";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";

/** GET /v1/staff/me for any staff member; staff accounts and API tokens for admins. */
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

  app.use("/v1/staff/users", staffAuth(deps.staffTokens), limitBody(8 * 1024), allowRoles("admin"));
  app.use("/v1/staff/users/*", staffAuth(deps.staffTokens), limitBody(8 * 1024), allowRoles("admin"));

  app.get("/v1/staff/users", async (c) => c.json({ users: await listStaffUsers({ ctx: ctx(c) }) }));

  app.post("/v1/staff/users", async (c) => {
    const user = await addStaffUser({ ctx: ctx(c), input: await readJsonBody(c) });
    return c.json(user, user.created ? 201 : 200);
  });

  app.post("/v1/staff/users/:id/deactivate", async (c) =>
    c.json(await deactivateStaffUser({ ctx: ctx(c), input: { id: c.req.param("id") } })),
  );

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
