import { asc } from "drizzle-orm";
import { staffUsers } from "../../db/schema";
import { requireStaff } from "../cases/context";
import type { StaffAuthContext } from "./context";

/** Every staff account with its roles, departments and languages (never a password hash); admins only. */
export async function listStaffUsers({ ctx }: { ctx: StaffAuthContext }) {
  requireStaff(ctx.actor ?? { kind: "system", name: "?" }, ["admin"]);
  return ctx.database.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      roles: staffUsers.roles,
      departments: staffUsers.departments,
      languages: staffUsers.languages,
      capacity: staffUsers.capacity,
      active: staffUsers.active,
      lockedUntil: staffUsers.lockedUntil,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.email));
}
