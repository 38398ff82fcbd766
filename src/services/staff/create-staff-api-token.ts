import { eq } from "drizzle-orm";
import { z } from "zod";
import { staffApiTokens, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { actorColumns, requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { StaffAuthContext } from "./context";
import { parseInput, StaffEmail, StaffRoleList } from "./parse-staff-input";
import { createSecret, digestSecret } from "./secrets";

const CreateTokenInput = z
  .object({
    email: StaffEmail.optional(),
    userId: z.string().trim().min(1).max(200).optional(),
    roles: StaffRoleList,
    name: z.string().trim().min(1).max(200).default("integration"),
  })
  .refine((v) => Boolean(v.email) !== Boolean(v.userId), { message: "give either email or userId" });

/**
 * Creates an API token for a staff user, limited to roles that user holds. The token is returned
 * once; only its digest is kept. Admins only (the command line acts as the system).
 */
export async function createStaffApiToken({ ctx, input }: { ctx: StaffAuthContext; input: unknown }) {
  const actor = ctx.actor ?? { kind: "system" as const, name: "staff-admin" };
  if (actor.kind !== "system") requireStaff(actor, ["admin"]);
  const data = parseInput(CreateTokenInput, input, "API token");
  return ctx.database.db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(staffUsers)
      .where(data.email ? eq(staffUsers.email, data.email) : eq(staffUsers.id, data.userId!));
    if (!user) throw new DomainError("not_found", `No staff user ${data.email ?? data.userId}.`);
    const missing = data.roles.filter((r) => !user.roles.includes(r));
    if (missing.length > 0) {
      throw new DomainError("invalid_input", `The user does not hold the roles: ${missing.join(", ")}.`, {
        errors: [{ path: "roles", message: `not held by the user: ${missing.join(", ")}` }],
      });
    }
    const token = createSecret("cdk_");
    const [row] = await tx
      .insert(staffApiTokens)
      .values({
        tokenHash: digestSecret(token),
        userId: user.id,
        name: data.name,
        roles: data.roles,
        createdBy: actorColumns(actor).actorId,
      })
      .returning();
    await recordAudit(tx, actor, ctx.requestId, {
      action: "staff_api_token.create",
      subjectType: "staff_user",
      subjectId: user.id,
      details: { tokenId: row!.id, roles: data.roles, name: data.name },
    });
    return {
      id: row!.id,
      userId: user.id,
      name: data.name,
      roles: data.roles,
      token,
      createdAt: row!.createdAt,
    };
  });
}
