import { eq } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../db/schema";
import { recordAudit } from "../cases/record-audit";
import { assignQueuedConversations, withdrawFromQueue } from "../handoff/assign-conversation";
import type { StaffAuthContext } from "./context";
import { digestSecret } from "./secrets";

/**
 * Ends this session, or with `everywhere` every session of its user (other browsers, other devices).
 * Whoever signs out is no longer available for the handoff queue: the conversations it gave them and
 * they have not taken go to someone else. Someone who was available is remembered as such for
 * `RESUME_AVAILABILITY_HOURS`: signing in again within that time makes them available again (a new
 * browser, a break, signing out everywhere after losing a laptop); after it they sign in unavailable
 * and turn it on themselves, so signing in after a night or a holiday just to read brings no
 * conversations unasked.
 */
/** How long after signing out an available staff member's next sign-in makes them available again. */
export const RESUME_AVAILABILITY_HOURS = 12;

export async function signOutStaff({
  ctx,
  sessionToken,
  everywhere,
}: {
  ctx: StaffAuthContext;
  sessionToken: string;
  everywhere: boolean;
}): Promise<{ ended: number }> {
  const now = ctx.now ?? new Date();
  const result = await ctx.database.db.transaction(async (tx) => {
    const [session] = await tx
      .select({ userId: staffSessions.userId })
      .from(staffSessions)
      .where(eq(staffSessions.tokenHash, digestSecret(sessionToken)));
    if (!session) return { ended: 0, released: 0 };
    const ended = await tx
      .delete(staffSessions)
      .where(
        everywhere
          ? eq(staffSessions.userId, session.userId)
          : eq(staffSessions.tokenHash, digestSecret(sessionToken)),
      )
      .returning({ id: staffSessions.id });
    const withdrawn = await withdrawFromQueue(tx, session.userId, {
      actorId: session.userId,
      reason: everywhere ? "staff_signed_out_everywhere" : "staff_signed_out",
      now,
    });
    if (withdrawn?.wasAvailable) {
      await tx
        .update(staffUsers)
        .set({ resumeAvailableUntil: new Date(now.getTime() + RESUME_AVAILABILITY_HOURS * 3_600_000) })
        .where(eq(staffUsers.id, session.userId));
    }
    await recordAudit(tx, { kind: "staff", userId: session.userId, roles: [] }, ctx.requestId, {
      action: everywhere ? "staff.sign_out_everywhere" : "staff.sign_out",
      subjectType: "staff_user",
      subjectId: session.userId,
      details: {
        sessions: ended.length,
        wasAvailable: withdrawn?.wasAvailable ?? false,
        released: withdrawn?.released ?? 0,
      },
    });
    return { ended: ended.length, released: withdrawn?.released ?? 0 };
  });
  // What they had not taken goes to whoever is available now (or waits unassigned for anyone).
  if (result.released > 0) await assignQueuedConversations(ctx.database.db, now);
  return { ended: result.ended };
}
