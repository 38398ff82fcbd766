import { eq, inArray, like, or, sql } from "drizzle-orm";
import { z } from "zod";
import { cases, contacts, conversations, messages, rateLimits } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import { redactPii } from "../guardrails/redact-pii";
import { anonymiseCases } from "./anonymise-cases";
import { type PrivacyContext, UUID } from "./context";

const EraseContactInput = z.object({
  contactId: z.string().trim().regex(UUID, "must be a contact id"),
  /** Why (the request's reference in the city's records); kept in the audit log. */
  reason: z.string().trim().min(1, "say why (e.g. the request's reference)").max(500),
});

export interface ErasureCounts {
  conversations: number;
  messages: number;
  casesAnonymised: number;
}

/**
 * Erases a contact at their verified request: the contact, its conversations, messages and intakes go;
 * the cases they reported stay as anonymised operational records (see anonymiseCases); they stop
 * following other cases. One transaction, audited with counts but no personal data. The generated
 * summaries this process keeps of them are dropped too.
 */
export async function eraseContact({
  ctx,
  input,
}: {
  ctx: PrivacyContext;
  input: unknown;
}): Promise<ErasureCounts> {
  const staff = requireStaff(ctx.actor, ["admin"]);
  const { contactId, reason } = EraseContactInput.parse(input);
  const now = ctx.now ?? new Date();
  const counts = await ctx.database.db.transaction(async (tx) => {
    const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId));
    if (!contact) throw new DomainError("not_found", "No such contact.");
    const convIds = (
      await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.contactId, contactId))
    ).map((c) => c.id);
    const [counted] = convIds.length
      ? await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(messages)
          .where(inArray(messages.conversationId, convIds))
      : [{ n: 0 }];
    const owned = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(
        or(
          eq(cases.contactId, contactId),
          convIds.length ? inArray(cases.conversationId, convIds) : sql`false`,
        ),
      );
    const casesAnonymised = await anonymiseCases(
      tx,
      owned.map((c) => c.id),
      now,
      "erasure",
    );
    // Conversations, messages, intakes and followings go with the contact (cascades).
    await tx.delete(contacts).where(eq(contacts.id, contactId));
    await tx.delete(rateLimits).where(like(rateLimits.key, `%${contactId}%`));
    const counts = { conversations: convIds.length, messages: counted?.n ?? 0, casesAnonymised };
    await recordAudit(tx, staff, ctx.requestId, {
      action: "privacy.erase",
      subjectType: "contact",
      subjectId: contactId,
      details: { ...counts, reason: redactPii(reason).text },
    });
    return counts;
  });
  // After the commit: a failed erasure keeps the contact, and their summary may stay too. Other
  // processes' caches drop it when it expires (see createSummaryCache).
  ctx.summaryCache?.forgetContact(contactId);
  return counts;
}
