import { eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { caseText } from "../../i18n/cases";
import { redactPii } from "../guardrails/redact-pii";
import { loadCaseTimerState } from "../sla/load-case-timer-states";
import { refreshCaseSla, scheduleSlaChange } from "../sla/refresh-case-sla";
import { CaseStatus, canMoveTo } from "./case-status";
import { type CaseView, loadCaseByReference, pickLanguage, toCaseView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { listCaseRecipients, notifyRecipients } from "./notify-case-citizens";
import { recordAudit } from "./record-audit";

export const ChangeCaseStatusInput = z.object({
  reference: z.string().trim().min(1),
  status: CaseStatus,
  /** Shown to the citizen with the notice (Open311 status_notes). */
  note: z.string().trim().min(1).max(4000).optional(),
});

/** Moves a case along its lifecycle, records the step and tells the citizen on the channel they used. */
export async function changeCaseStatus({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CaseView> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const parsed = ChangeCaseStatusInput.parse(input);
  const { reference, status } = parsed;
  // The status note is stored, shown on Open311 and sent to the citizen: only its redacted copy is kept.
  const note = parsed.note === undefined ? undefined : redactPii(parsed.note).text;
  const now = ctx.now ?? new Date();

  const { row, serviceNames, recipients, slaChange } = await ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference, { forUpdate: true });
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const current = loaded.case;
    const from = CaseStatus.parse(current.status);
    if (from === status) throw new DomainError("conflict", `The case is already ${status}.`);
    if (!canMoveTo(from, status))
      throw new DomainError("conflict", `A ${from} case cannot become ${status}.`);
    if (from === "closed" && !actor.roles.includes("admin")) {
      throw new DomainError("forbidden", "Only an admin can reopen a closed case.");
    }

    const before = await loadCaseTimerState(tx, current.id);
    const reopened = status !== "resolved" && status !== "closed";
    const [updated] = await tx
      .update(cases)
      .set({
        status,
        updatedAt: now,
        resolvedAt: status === "resolved" ? now : reopened ? null : current.resolvedAt,
        closedAt: status === "closed" ? now : null,
        firstRespondedAt: current.firstRespondedAt ?? now,
        // The citizen is told about every status change, which counts as the city's reply.
        lastStaffReplyAt: now,
      })
      .where(eq(cases.id, current.id))
      .returning();
    if (!updated) throw new Error("case update returned no row");
    await tx.insert(caseEvents).values({
      caseId: current.id,
      type: "case.status_change",
      fromStatus: from,
      toStatus: status,
      note: note ?? null,
      visibility: "public",
      actorType: "staff",
      actorId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.status_change",
      subjectType: "case",
      subjectId: current.reference,
      details: { from, to: status },
    });
    // After the status event: the new status is part of the history the due times come from.
    const { row: refreshed, change } = await refreshCaseSla(tx, { caseId: current.id, before, now });
    return {
      row: refreshed,
      serviceNames: loaded.serviceNames,
      recipients: await listCaseRecipients(tx, refreshed),
      slaChange: change,
    };
  });
  await scheduleSlaChange(ctx, slaChange, now);

  await notifyRecipients(ctx, recipients, "case.status_change", row.reference, (lang) => {
    const notice = caseText(lang, "notice.status_change", {
      reference: row.reference,
      service: pickLanguage(serviceNames, lang),
      status: caseText(lang, `status.${status}`),
    });
    return note ? `${notice} ${caseText(lang, "notice.note", { note })}` : notice;
  });
  return toCaseView(row, serviceNames);
}
