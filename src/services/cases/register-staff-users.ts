import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { staffUsers } from "../../db/schema";
import type { StaffRole } from "./context";

/**
 * Makes sure every staff user named in the configuration exists, so cases can be assigned to them;
 * their roles follow the configuration. Other columns are the staff console's to edit.
 */
export async function registerStaffUsers(
  database: Database,
  users: { userId: string; roles: StaffRole[] }[],
) {
  for (const user of users) {
    await database.db
      .insert(staffUsers)
      .values({ id: user.userId, roles: user.roles })
      .onConflictDoUpdate({ target: staffUsers.id, set: { roles: user.roles, updatedAt: sql`now()` } });
  }
}
