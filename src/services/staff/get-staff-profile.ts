import { eq } from "drizzle-orm";
import { staffUsers } from "../../db/schema";
import { requireStaff, STAFF_ROLES } from "../cases/context";
import type { StaffAuthContext } from "./context";

/** Who the caller is, with the roles this request carries (a token's may be fewer than the person's). */
export async function getStaffProfile({ ctx }: { ctx: StaffAuthContext }) {
  const actor = requireStaff(ctx.actor ?? { kind: "system", name: "?" }, STAFF_ROLES);
  const [user] = await ctx.database.db.select().from(staffUsers).where(eq(staffUsers.id, actor.userId));
  return {
    userId: actor.userId,
    email: user?.email ?? null,
    name: user?.name ?? null,
    roles: actor.roles,
    departments: user?.departments ?? [],
    languages: user?.languages ?? [],
    /** Whether the handoff queue may assign them conversations, and how many at once. */
    available: user?.available ?? false,
    capacity: user?.capacity ?? 0,
  };
}
