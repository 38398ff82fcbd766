import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { caseFollowers, conversations, messages } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { loadCaseByReference } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

export const ListCaseNoticesInput = z.object({ reference: z.string().trim().min(1) });

/** One notice the city sent a citizen about a case, as it was stored in their conversation. */
export interface CaseNoticeView {
  at: string;
  /** case.opened, case.status_change, case.note ... */
  event: string | null;
  /** The channel it went out on (web chat, SMS). */
  channel: string;
  lang: string | null;
  text: string;
  /** Whether it went to the reporter or to a citizen whose duplicate report joined the case. */
  to: "reporter" | "follower";
}

/**
 * The notices sent to the case's reporter and followers (web chat and SMS notifiers store each one as a
 * system message carrying the case reference), oldest first; the read is audited like the case itself.
 */
export async function listCaseNotices({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CaseNoticeView[]> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const { reference } = ListCaseNoticesInput.parse(input);
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference);
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const followers = await tx
      .select({ contactId: caseFollowers.contactId })
      .from(caseFollowers)
      .where(eq(caseFollowers.caseId, loaded.case.id));
    const reporter = loaded.case.contactId;
    const contactIds = [...(reporter ? [reporter] : []), ...followers.map((f) => f.contactId)];
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.notices_read",
      subjectType: "case",
      subjectId: loaded.case.reference,
    });
    if (contactIds.length === 0) return [];
    const rows = await tx
      .select({
        at: messages.createdAt,
        meta: messages.meta,
        text: messages.text,
        lang: messages.lang,
        conversationChannel: conversations.channel,
        contactId: conversations.contactId,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(
        and(
          inArray(conversations.contactId, contactIds),
          eq(messages.role, "system"),
          sql`${messages.meta}->>'caseReference' = ${loaded.case.reference}`,
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.sequence))
      .limit(200);
    return rows.map((row) => ({
      at: row.at.toISOString(),
      event: typeof row.meta.event === "string" ? row.meta.event : null,
      channel: typeof row.meta.channel === "string" ? row.meta.channel : row.conversationChannel,
      lang: row.lang,
      text: row.text,
      to: row.contactId === reporter ? "reporter" : "follower",
    }));
  });
}
