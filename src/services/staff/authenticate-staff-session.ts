import { and, eq, gt, sql } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../db/schema";
import type { StaffActor, StaffRole } from "../cases/context";
import type { StaffAuthContext } from "./context";
import { digestSecret } from "./secrets";

/** How stale last_seen_at may get before a request refreshes it (one write per session per interval). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * The staff member behind a session cookie, with their current roles (a role removed by an admin
 * applies at the next request); undefined when the session is unknown, expired or the user inactive.
 */
export async function authenticateStaffSession({
  ctx,
  sessionToken,
}: {
  ctx: StaffAuthContext;
  sessionToken: string;
}): Promise<{ actor: StaffActor; csrfToken: string; sessionId: string } | undefined> {
  const now = ctx.now ?? new Date();
  const [row] = await ctx.database.db
    .select({
      sessionId: staffSessions.id,
      csrfToken: staffSessions.csrfToken,
      lastSeenAt: staffSessions.lastSeenAt,
      userId: staffUsers.id,
      roles: staffUsers.roles,
      active: staffUsers.active,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenHash, digestSecret(sessionToken)), gt(staffSessions.expiresAt, now)));
  if (!row?.active) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.database.db
      .update(staffSessions)
      .set({ lastSeenAt: sql`${now.toISOString()}::timestamptz` })
      .where(eq(staffSessions.id, row.sessionId));
  }
  return {
    actor: { kind: "staff", userId: row.userId, roles: row.roles as StaffRole[] },
    csrfToken: row.csrfToken,
    sessionId: row.sessionId,
  };
}
