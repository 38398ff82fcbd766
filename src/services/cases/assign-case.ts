import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, cases, departments, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { loadCaseTimerState } from "../sla/load-case-timer-states";
import { refreshCaseSla, scheduleSlaChange } from "../sla/refresh-case-sla";
import { type CaseView, loadCaseByReference, toCaseView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

export const AssignCaseInput = z.object({
  reference: z.string().trim().min(1),
  /** null gives the case back to its department's queue. */
  assigneeId: z.string().trim().min(1).max(200).nullable(),
  /** Moves the case to another department at the same time. */
  department: z.string().trim().min(1).optional(),
});

export async function assignCase({ ctx, input }: { ctx: CaseContext; input: unknown }): Promise<CaseView> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const { reference, assigneeId, department } = AssignCaseInput.parse(input);
  const now = ctx.now ?? new Date();

  const { view, slaChange } = await ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference, { forUpdate: true });
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    if (assigneeId) {
      const [assignee] = await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, assigneeId), eq(staffUsers.active, true)));
      if (!assignee) {
        throw new DomainError("invalid_input", "No active staff user with that id.", {
          errors: [{ path: "assigneeId", message: "unknown staff user" }],
        });
      }
    }
    if (department) {
      const [known] = await tx
        .select({ code: departments.code })
        .from(departments)
        .where(eq(departments.code, department));
      if (!known) {
        throw new DomainError("not_found", `No department ${department}.`, {
          errors: [{ path: "department", message: "unknown department" }],
        });
      }
    }
    const current = loaded.case;
    const before = await loadCaseTimerState(tx, current.id);
    const [updated] = await tx
      .update(cases)
      .set({ assigneeId, departmentCode: department ?? current.departmentCode, updatedAt: now })
      .where(eq(cases.id, current.id))
      .returning();
    if (!updated) throw new Error("case update returned no row");
    const data = {
      fromAssignee: current.assigneeId,
      toAssignee: assigneeId,
      fromDepartment: current.departmentCode,
      toDepartment: updated.departmentCode,
    };
    await tx.insert(caseEvents).values({
      caseId: current.id,
      type: "case.assigned",
      actorType: "staff",
      actorId: actor.userId,
      data,
      createdAt: now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.assign",
      subjectType: "case",
      subjectId: current.reference,
      details: data,
    });
    // A move to another team replaces the case's timers (the old team's stop, the new team's start).
    const { row, change } = await refreshCaseSla(tx, { caseId: updated.id, before, now });
    return { view: toCaseView(row, loaded.serviceNames), slaChange: change };
  });
  await scheduleSlaChange(ctx, slaChange, now);
  return view;
}
