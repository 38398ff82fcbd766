import { eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { caseText } from "../../i18n/cases";
import { redactPii } from "../guardrails/redact-pii";
import { loadCaseTimerState } from "../sla/load-case-timer-states";
import { refreshCaseSla, scheduleSlaChange } from "../sla/refresh-case-sla";
import { type CaseEventView, loadCaseByReference, toEventView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { listCaseRecipients, notifyRecipients } from "./notify-case-citizens";
import { recordAudit } from "./record-audit";

export const AddCaseNoteInput = z.object({
  reference: z.string().trim().min(1),
  note: z.string().trim().min(1).max(4000),
  /** internal: staff only; public: also sent to the citizen. */
  visibility: z.enum(["internal", "public"]).default("internal"),
});

export async function addCaseNote({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CaseEventView> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const parsed = AddCaseNoteInput.parse(input);
  const { reference, visibility } = parsed;
  // Kept and sent to the citizen redacted, as chat messages are: a note may quote a phone number or an email.
  const note = redactPii(parsed.note).text;
  const now = ctx.now ?? new Date();

  const { event, recipients, slaChange } = await ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference, { forUpdate: true });
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const current = loaded.case;
    const before = visibility === "public" ? await loadCaseTimerState(tx, current.id) : null;
    const [inserted] = await tx
      .insert(caseEvents)
      .values({
        caseId: current.id,
        type: "case.note",
        note,
        visibility,
        actorType: "staff",
        actorId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!inserted) throw new Error("note insert returned no row");
    // A public reply is the city answering the citizen, which is what the first-response clock waits for.
    await tx
      .update(cases)
      .set({
        updatedAt: now,
        ...(visibility === "public"
          ? { firstRespondedAt: current.firstRespondedAt ?? now, lastStaffReplyAt: now }
          : {}),
      })
      .where(eq(cases.id, current.id));
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.note",
      subjectType: "case",
      subjectId: current.reference,
      details: { visibility },
    });
    const refreshed = before ? await refreshCaseSla(tx, { caseId: current.id, before, now }) : null;
    return {
      event: inserted,
      recipients: visibility === "public" ? await listCaseRecipients(tx, current) : [],
      slaChange: refreshed?.change ?? null,
    };
  });
  if (slaChange) await scheduleSlaChange(ctx, slaChange, now);

  await notifyRecipients(ctx, recipients, "case.note", reference.toUpperCase(), (lang) =>
    caseText(lang, "notice.public_note", { reference: reference.toUpperCase(), note }),
  );
  return toEventView(event);
}
