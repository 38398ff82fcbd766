import { eq, sql } from "drizzle-orm";
import { staffSessions, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";

/**
 * Turns a staff account off at once: its sessions end and its API tokens stop working (they are
 * checked against the account on every request). `add-user` on the same email turns it back on.
 */
export async function deactivateStaffUser({ ctx, input }: { ctx: StaffAuthContext; input: { id: string } }) {
  const actor = requireStaff(ctx.actor ?? { kind: "system", name: "?" }, ["admin"]);
  if (actor.userId === input.id) throw new DomainError("conflict", "You cannot turn off your own account.");
  return ctx.database.db.transaction(async (tx) => {
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
    await recordAudit(tx, actor, ctx.requestId, {
      action: "staff_user.deactivate",
      subjectType: "staff_user",
      subjectId: user.id,
      details: { sessionsEnded: ended.length },
    });
    return { id: user.id, active: false, sessionsEnded: ended.length };
  });
}
