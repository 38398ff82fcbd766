import { eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { Priority } from "../catalogue/catalogue-files";
import { loadCaseTimerState } from "../sla/load-case-timer-states";
import { refreshCaseSla, scheduleSlaChange } from "../sla/refresh-case-sla";
import { type CaseView, loadCaseByReference, toCaseView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

export const SetCasePriorityInput = z.object({
  reference: z.string().trim().min(1),
  priority: Priority,
  reason: z.string().trim().min(1).max(1000).optional(),
});

export async function setCasePriority({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CaseView> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const { reference, priority, reason } = SetCasePriorityInput.parse(input);
  const now = ctx.now ?? new Date();

  const { view, slaChange } = await ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference, { forUpdate: true });
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const from = loaded.case.priority;
    if (from === priority) return { view: toCaseView(loaded.case, loaded.serviceNames), slaChange: null };
    const before = await loadCaseTimerState(tx, loaded.case.id);
    const [updated] = await tx
      .update(cases)
      .set({ priority, updatedAt: now })
      .where(eq(cases.id, loaded.case.id))
      .returning();
    if (!updated) throw new Error("case update returned no row");
    await tx.insert(caseEvents).values({
      caseId: loaded.case.id,
      type: "case.priority_change",
      note: reason ?? null,
      actorType: "staff",
      actorId: actor.userId,
      data: { from, to: priority },
      createdAt: now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.priority_change",
      subjectType: "case",
      subjectId: loaded.case.reference,
      details: { from, to: priority },
    });
    const { row, change } = await refreshCaseSla(tx, { caseId: updated.id, before, now });
    return { view: toCaseView(row, loaded.serviceNames), slaChange: change };
  });
  if (slaChange) await scheduleSlaChange(ctx, slaChange, now);
  return view;
}
