import { asc, sql } from "drizzle-orm";
import { departments, staffUsers } from "../../db/schema";
import { pickLanguage } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";

export interface CaseAssignees {
  departments: { code: string; name: string }[];
  /** Active staff who work cases, with the departments they belong to. */
  staff: { id: string; name: string | null; departments: string[] }[];
}

/** Who and where a case can be assigned to: every department, and the active case workers. */
export async function listCaseAssignees({ ctx }: { ctx: CaseContext }): Promise<CaseAssignees> {
  requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const db = ctx.database.db;
  const depts = await db
    .select({ code: departments.code, names: departments.names })
    .from(departments)
    .orderBy(asc(departments.code));
  const people = await db
    .select({ id: staffUsers.id, name: staffUsers.name, departments: staffUsers.departments })
    .from(staffUsers)
    .where(
      sql`${staffUsers.active} and ${staffUsers.roles} && ${sql.raw(`array['${CASE_WORKER_ROLES.join("','")}']::text[]`)}`,
    )
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .limit(500);
  return {
    departments: depts.map((d) => ({ code: d.code, name: pickLanguage(d.names, "en") || d.code })),
    staff: people,
  };
}
