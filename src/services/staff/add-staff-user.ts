import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";
import { parseInput, StaffEmail, StaffRoleList } from "./parse-staff-input";
import { hashPassword } from "./secrets";

const Code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "must be a lower-case code");

export const AddStaffUserInput = z.object({
  email: StaffEmail,
  roles: StaffRoleList,
  departments: z.array(Code).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code")).default([]),
  name: z.string().trim().min(1).max(200).optional(),
  /** Absent for accounts that only sign in through single sign-on. */
  password: z.string().min(12, "must be at least 12 characters").max(1024).optional(),
});

/**
 * Creates a staff user, or updates the one with this email (roles, departments, languages and, when
 * given, the password); a new password also ends the user's sessions and clears any lockout.
 */
export async function addStaffUser({ ctx, input }: { ctx: StaffAuthContext; input: unknown }) {
  if (ctx.actor && ctx.actor.kind !== "system") requireStaff(ctx.actor, ["admin"]);
  const data = parseInput(AddStaffUserInput, input, "staff user");
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, data.email));
    const fields = {
      roles: data.roles,
      departments: data.departments,
      languages: data.languages,
      ...(data.name ? { name: data.name } : {}),
      ...(passwordHash ? { passwordHash, failedSignIns: 0, lockedUntil: null } : {}),
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await tx
        .update(staffUsers)
        .set({ ...fields, active: true, updatedAt: sql`now()` })
        .where(eq(staffUsers.id, id));
      if (passwordHash) await tx.execute(sql`DELETE FROM staff_sessions WHERE user_id = ${id}`);
    } else {
      id = `staff-${randomUUID()}`;
      await tx
        .insert(staffUsers)
        .values({ id, email: data.email, ...fields })
        .catch((error: unknown) => {
          throw new DomainError("conflict", `Could not create ${data.email}: ${String(error)}`);
        });
    }
    await recordAudit(tx, ctx.actor ?? { kind: "system", name: "staff-admin" }, ctx.requestId, {
      action: existing ? "staff_user.update" : "staff_user.create",
      subjectType: "staff_user",
      subjectId: id,
      details: { roles: data.roles, passwordChanged: Boolean(passwordHash) },
    });
    return {
      id,
      email: data.email,
      roles: data.roles,
      departments: data.departments,
      languages: data.languages,
      created: !existing,
    };
  });
}
