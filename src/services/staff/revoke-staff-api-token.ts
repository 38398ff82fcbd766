import { and, eq, isNull, sql } from "drizzle-orm";
import { staffApiTokens } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes an API token at once, for every process; admins only. Revoking twice is not an error. */
export async function revokeStaffApiToken({ ctx, input }: { ctx: StaffAuthContext; input: { id: string } }) {
  const actor = requireStaff(ctx.actor ?? { kind: "system", name: "?" }, ["admin"]);
  if (!UUID.test(input.id)) throw new DomainError("not_found", "No such API token.");
  return ctx.database.db.transaction(async (tx) => {
    const [token] = await tx.select().from(staffApiTokens).where(eq(staffApiTokens.id, input.id));
    if (!token) throw new DomainError("not_found", "No such API token.");
    await tx
      .update(staffApiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(staffApiTokens.id, input.id), isNull(staffApiTokens.revokedAt)));
    await recordAudit(tx, actor, ctx.requestId, {
      action: "staff_api_token.revoke",
      subjectType: "staff_user",
      subjectId: token.userId,
      details: { tokenId: token.id },
    });
    return { id: token.id, revoked: true };
  });
}
