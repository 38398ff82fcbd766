import { eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { type CaseView, loadCaseByReference, toCaseView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

const MAX_ATTACHMENTS = 20;

export const AddCaseAttachmentInput = z.object({
  reference: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  note: z.string().trim().min(1).max(1000).optional(),
});

/** Attachments are links (photos in the city's media store); the file itself never passes through here. */
export async function addCaseAttachment({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CaseView> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const { reference, url, note } = AddCaseAttachmentInput.parse(input);
  const now = ctx.now ?? new Date();

  return ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference, { forUpdate: true });
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const current = loaded.case;
    if (current.mediaUrls.includes(url)) return toCaseView(current, loaded.serviceNames);
    if (current.mediaUrls.length >= MAX_ATTACHMENTS) {
      throw new DomainError("conflict", `A case holds at most ${MAX_ATTACHMENTS} attachments.`);
    }
    const [updated] = await tx
      .update(cases)
      .set({ mediaUrls: [...current.mediaUrls, url], updatedAt: now })
      .where(eq(cases.id, current.id))
      .returning();
    if (!updated) throw new Error("case update returned no row");
    await tx.insert(caseEvents).values({
      caseId: current.id,
      type: "case.attachment",
      note: note ?? null,
      actorType: "staff",
      actorId: actor.userId,
      data: { url },
      createdAt: now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.attachment",
      subjectType: "case",
      subjectId: current.reference,
      details: { url },
    });
    return toCaseView(updated, loaded.serviceNames);
  });
}
