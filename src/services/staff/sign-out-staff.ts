import { eq } from "drizzle-orm";
import { staffSessions } from "../../db/schema";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";
import { digestSecret } from "./secrets";

/** Ends this session, or with `everywhere` every session of its user (other browsers, other devices). */
export async function signOutStaff({
  ctx,
  sessionToken,
  everywhere,
}: {
  ctx: StaffAuthContext;
  sessionToken: string;
  everywhere: boolean;
}): Promise<{ ended: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const [session] = await tx
      .select({ userId: staffSessions.userId })
      .from(staffSessions)
      .where(eq(staffSessions.tokenHash, digestSecret(sessionToken)));
    if (!session) return { ended: 0 };
    const ended = await tx
      .delete(staffSessions)
      .where(
        everywhere
          ? eq(staffSessions.userId, session.userId)
          : eq(staffSessions.tokenHash, digestSecret(sessionToken)),
      )
      .returning({ id: staffSessions.id });
    await recordAudit(tx, { kind: "staff", userId: session.userId, roles: [] }, ctx.requestId, {
      action: everywhere ? "staff.sign_out_everywhere" : "staff.sign_out",
      subjectType: "staff_user",
      subjectId: session.userId,
      details: { sessions: ended.length },
    });
    return { ended: ended.length };
  });
}
