import { eq, sql } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import { assignQueuedConversations, withdrawFromQueue } from "../handoff/assign-conversation";
import type { StaffAuthContext } from "./context";

/**
 * Turns a staff account off at once: its sessions end and its API tokens stop working (they are
 * checked against the account on every request), and it is no longer available for the handoff queue:
 * waiting conversations given to it and not yet taken go to someone else. `add-user` on the same
 * email turns it back on.
 */
export async function deactivateStaffUser({ ctx, input }: { ctx: StaffAuthContext; input: { id: string } }) {
  const actor = requireStaff(ctx.actor ?? { kind: "system", name: "?" }, ["admin"]);
  if (actor.userId === input.id) throw new DomainError("conflict", "You cannot turn off your own account.");
  const now = ctx.now ?? new Date();
  const result = await ctx.database.db.transaction(async (tx) => {
    const [user] = await tx
      .update(staffUsers)
      .set({ active: false, updatedAt: sql`now()` })
      .where(eq(staffUsers.id, input.id))
      .returning({ id: staffUsers.id });
    if (!user) throw new DomainError("not_found", "No such staff user.");
    const ended = await tx
      .delete(staffSessions)
      .where(eq(staffSessions.userId, user.id))
      .returning({ id: staffSessions.id });
    const withdrawn = await withdrawFromQueue(tx, user.id, {
      actorId: actor.userId,
      reason: "staff_deactivated",
      now,
    });
    const released = withdrawn?.released ?? 0;
    await recordAudit(tx, actor, ctx.requestId, {
      action: "staff_user.deactivate",
      subjectType: "staff_user",
      subjectId: user.id,
      details: { sessionsEnded: ended.length, conversationsReleased: released },
    });
    return { id: user.id, active: false as const, sessionsEnded: ended.length, released };
  });
  if (result.released > 0) await assignQueuedConversations(ctx.database.db, now);
  return { id: result.id, active: result.active, sessionsEnded: result.sessionsEnded };
}
