import { and, eq, sql } from "drizzle-orm";
import { departments, staffUsers, teamsUsers } from "../../db/schema";
import type { TeamsUser } from "../../ports/teams-channel";
import { STAFF_ROLES, type StaffActor, type StaffRole } from "../cases/context";
import type { TeamsContext } from "./context";

export interface TeamsStaffMember extends StaffActor {
  name: string | null;
}

/**
 * The staff account of a Teams user: the stored mapping, else the account already mapped to the same
 * Entra object id, else the account with the user's e-mail address (asked of Teams only when needed).
 * A match is stored, so the look-up happens once. Unknown or deactivated people get null.
 */
export async function resolveTeamsStaff({
  ctx,
  user,
  email,
}: {
  ctx: Pick<TeamsContext, "database">;
  user: TeamsUser;
  email?: () => Promise<string | undefined>;
}): Promise<TeamsStaffMember | null> {
  const db = ctx.database.db;
  const [known] = await db.select().from(teamsUsers).where(eq(teamsUsers.teamsUserId, user.id)).limit(1);
  let staffUserId = known?.staffUserId;
  let matchedBy: "aad_object_id" | "email" | undefined;
  if (!staffUserId && user.aadObjectId) {
    const [same] = await db
      .select({ staffUserId: teamsUsers.staffUserId })
      .from(teamsUsers)
      .where(eq(teamsUsers.aadObjectId, user.aadObjectId))
      .limit(1);
    if (same) {
      staffUserId = same.staffUserId;
      matchedBy = "aad_object_id";
    }
  }
  if (!staffUserId && email) {
    const address = (await email())?.trim().toLowerCase();
    if (address) {
      const [byEmail] = await db
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(eq(staffUsers.email, address))
        .limit(1);
      if (byEmail) {
        staffUserId = byEmail.id;
        matchedBy = "email";
      }
    }
  }
  if (!staffUserId) return null;
  const [account] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.id, staffUserId), eq(staffUsers.active, true)))
    .limit(1);
  if (!account) return null;
  if (!known && matchedBy) {
    await db
      .insert(teamsUsers)
      .values({ teamsUserId: user.id, aadObjectId: user.aadObjectId ?? null, staffUserId, matchedBy })
      .onConflictDoNothing();
  }
  return {
    kind: "staff",
    userId: account.id,
    roles: account.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
    name: account.name,
  };
}

/** Whether a department code names a known department. */
export async function departmentExists(ctx: Pick<TeamsContext, "database">, code: string): Promise<boolean> {
  const [row] = await ctx.database.db
    .select({ code: departments.code })
    .from(departments)
    .where(sql`lower(${departments.code}) = ${code.toLowerCase()}`)
    .limit(1);
  return Boolean(row);
}
