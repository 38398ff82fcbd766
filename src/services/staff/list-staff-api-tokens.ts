import { desc } from "drizzle-orm";
import { staffApiTokens } from "../../db/schema";
import { requireStaff } from "../cases/context";
import type { StaffAuthContext } from "./context";

/** Every API token without its secret, newest first; admins only. */
export async function listStaffApiTokens({ ctx }: { ctx: StaffAuthContext }) {
  requireStaff(ctx.actor ?? { kind: "system", name: "?" }, ["admin"]);
  return ctx.database.db
    .select({
      id: staffApiTokens.id,
      userId: staffApiTokens.userId,
      name: staffApiTokens.name,
      roles: staffApiTokens.roles,
      createdBy: staffApiTokens.createdBy,
      createdAt: staffApiTokens.createdAt,
      lastUsedAt: staffApiTokens.lastUsedAt,
      revokedAt: staffApiTokens.revokedAt,
    })
    .from(staffApiTokens)
    .orderBy(desc(staffApiTokens.createdAt));
}
