import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { SsoIdentity } from "../../ports/staff-sso";
import type { StaffRole } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";
import { openStaffSession } from "./open-staff-session";

/**
 * Signs in a person the identity provider vouched for. Their roles come from their groups on every
 * sign-in (the provider is the source of truth); someone in no mapped group is refused. The account is
 * found by email, so a local account and single sign-on are one person.
 */
export async function signInWithSso({
  ctx,
  identity,
  roleGroups,
}: {
  ctx: StaffAuthContext;
  identity: SsoIdentity;
  roleGroups: Partial<Record<StaffRole, readonly string[]>>;
}) {
  const roles = (Object.entries(roleGroups) as [StaffRole, readonly string[]][])
    .filter(([, groups]) => groups.some((g) => identity.groups.includes(g)))
    .map(([role]) => role);
  const email = identity.email.trim().toLowerCase();
  const { db } = ctx.database;
  if (roles.length === 0) {
    await recordAudit(db, { kind: "system", name: "sso" }, ctx.requestId, {
      action: "staff.sign_in_refused",
      subjectType: "staff_user",
      subjectId: null,
      details: { email, issuer: identity.issuer, reason: "no mapped group" },
    });
    throw new DomainError(
      "forbidden",
      "Your account is in none of the groups that give access to CivicDesk.",
    );
  }
  const userId = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
    if (existing && !existing.active) throw new DomainError("forbidden", "This staff account is disabled.");
    if (existing) {
      await tx
        .update(staffUsers)
        .set({ roles, ...(identity.name ? { name: identity.name } : {}), updatedAt: sql`now()` })
        .where(eq(staffUsers.id, existing.id));
      return existing.id;
    }
    const id = `staff-${randomUUID()}`;
    await tx
      .insert(staffUsers)
      .values({ id, email, roles, ...(identity.name ? { name: identity.name } : {}) });
    return id;
  });
  return openStaffSession({ ctx, userId, method: "oidc" });
}
