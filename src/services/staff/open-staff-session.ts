import { and, eq, gt, lt } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../db/schema";
import { recordAudit } from "../cases/record-audit";
import { assignQueuedConversations } from "../handoff/assign-conversation";
import { DEFAULT_STAFF_AUTH_SETTINGS, type StaffAuthContext } from "./context";
import { createSecret, digestSecret } from "./secrets";

export interface OpenedStaffSession {
  /** The cookie's value; only its digest is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  /** True when this sign-in made them available again, as they were when they signed out. */
  availabilityRestored: boolean;
}

/**
 * Opens a session for a user already authenticated (password or single sign-on). Someone who was
 * available when they signed out, not long ago (see `signOutStaff`), is available again, and the
 * queue assigns them what waits for them.
 */
export async function openStaffSession({
  ctx,
  userId,
  method,
}: {
  ctx: StaffAuthContext;
  userId: string;
  method: "local" | "oidc";
}): Promise<OpenedStaffSession> {
  const settings = ctx.settings ?? DEFAULT_STAFF_AUTH_SETTINGS;
  const now = ctx.now ?? new Date();
  const sessionToken = createSecret();
  const csrfToken = createSecret();
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  const availabilityRestored = await ctx.database.db.transaction(async (tx) => {
    // Expired sessions go when their user next signs in, so the table stays as small as the live ones.
    await tx
      .delete(staffSessions)
      .where(and(eq(staffSessions.userId, userId), lt(staffSessions.expiresAt, now)));
    await tx.insert(staffSessions).values({
      tokenHash: digestSecret(sessionToken),
      userId,
      csrfToken,
      method,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    const restored = await tx
      .update(staffUsers)
      .set({ available: true, resumeAvailableUntil: null })
      .where(
        and(eq(staffUsers.id, userId), eq(staffUsers.active, true), gt(staffUsers.resumeAvailableUntil, now)),
      )
      .returning({ id: staffUsers.id });
    await recordAudit(tx, { kind: "staff", userId, roles: [] }, ctx.requestId, {
      action: "staff.sign_in",
      subjectType: "staff_user",
      subjectId: userId,
      details: { method, ...(restored.length > 0 ? { availabilityRestored: true } : {}) },
    });
    return restored.length > 0;
  });
  if (availabilityRestored) await assignQueuedConversations(ctx.database.db, now);
  return { sessionToken, csrfToken, expiresAt, userId, availabilityRestored };
}
