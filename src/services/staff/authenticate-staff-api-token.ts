import { and, eq, isNull, sql } from "drizzle-orm";
import { staffApiTokens, staffUsers } from "../../db/schema";
import type { StaffActor, StaffRole } from "../cases/context";
import type { StaffAuthContext } from "./context";
import { digestSecret } from "./secrets";

/**
 * The staff actor an API token stands for: its own roles, narrowed to those its user still holds, so
 * taking a role from a person also takes it from their tokens. Undefined when unknown or revoked.
 */
export async function authenticateStaffApiToken({
  ctx,
  token,
}: {
  ctx: StaffAuthContext;
  token: string;
}): Promise<StaffActor | undefined> {
  const [row] = await ctx.database.db
    .select({
      id: staffApiTokens.id,
      roles: staffApiTokens.roles,
      lastUsedAt: staffApiTokens.lastUsedAt,
      userId: staffUsers.id,
      userRoles: staffUsers.roles,
      active: staffUsers.active,
    })
    .from(staffApiTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, staffApiTokens.userId))
    .where(and(eq(staffApiTokens.tokenHash, digestSecret(token)), isNull(staffApiTokens.revokedAt)));
  if (!row?.active) return undefined;
  const now = ctx.now ?? new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await ctx.database.db
      .update(staffApiTokens)
      .set({ lastUsedAt: sql`${now.toISOString()}::timestamptz` })
      .where(eq(staffApiTokens.id, row.id));
  }
  const roles = row.roles.filter((r) => row.userRoles.includes(r)) as StaffRole[];
  return { kind: "staff", userId: row.userId, roles };
}
