import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseFollowers, type cases } from "../../db/schema";
import type { NotificationEvent } from "../../ports/notifier";
import type { CaseContext } from "./context";

export interface Recipient {
  contactId: string;
  conversationId: string | null;
  channel: string;
  lang: string;
}

/** The reporter and everyone whose duplicate report joined the case. */
export async function listCaseRecipients(tx: Db, row: typeof cases.$inferSelect): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  if (row.contactId) {
    recipients.push({
      contactId: row.contactId,
      conversationId: row.conversationId,
      channel: row.channel,
      lang: row.lang,
    });
  }
  const followers = await tx.select().from(caseFollowers).where(eq(caseFollowers.caseId, row.id));
  for (const f of followers) recipients.push(f);
  return recipients;
}

/**
 * Sends after the change has committed; a failed notice is logged and never undoes the change.
 * The text is built per recipient because each may speak another language.
 */
export async function notifyRecipients(
  ctx: CaseContext,
  recipients: Recipient[],
  event: NotificationEvent,
  caseReference: string,
  textFor: (lang: string) => string,
) {
  if (!ctx.notifier) return;
  for (const r of recipients) {
    try {
      await ctx.notifier.notify({ ...r, text: textFor(r.lang), event, caseReference });
    } catch (error) {
      ctx.logger?.error("case notice failed", {
        caseReference,
        event,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
