import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import { caseEvents, cases, contacts, conversations, messages } from "../../db/schema";
import { storeReply } from "../assistant/respond-to-citizen-message";
import { runTurn } from "../assistant/run-turn";
import type { MessageRow } from "../conversations/find-reply";
import { findReply } from "../conversations/find-reply";
import type { SmsContext } from "./context";

interface SmsMedia {
  url: string;
  contentType?: string;
}

/**
 * The `sms.turn` job: the assistant's turn on a stored inbound text, its reply sized for SMS and
 * stored, then queued for delivery. A retried job finds the stored reply and only queues it again
 * (the delivery is keyed by the reply, so it is still sent once). Photos sent during the intake are
 * attached to the case the turn opened.
 */
export async function answerSmsMessage({
  ctx,
  messageId,
}: {
  ctx: SmsContext;
  messageId: string;
}): Promise<{ replyId: string; status: string | null } | undefined> {
  const { assistant } = ctx;
  const db = assistant.database.db;
  const now = ctx.now ?? new Date();
  const [row] = await db
    .select({ message: messages, conversation: conversations, contact: contacts })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(messages.id, messageId))
    .limit(1);
  if (!row) return undefined;
  if (row.message.role !== "citizen") return undefined;
  const target = { channel: "sms" as const, address: row.contact.address };

  const existing = await findReply(db, row.message.id);
  if (existing) {
    if (existing.status !== "held") await ctx.enqueueDelivery("reply", { ...target, messageId: existing.id });
    return { replyId: existing.id, status: existing.status };
  }

  // Texts of one conversation are answered one at a time, in the order they arrived: two sent together
  // would otherwise run side by side, and the second would be answered without the first.
  await waitForEarlierTexts(ctx, row.message);
  const again = await findReply(db, row.message.id);
  if (again) {
    if (again.status !== "held") await ctx.enqueueDelivery("reply", { ...target, messageId: again.id });
    return { replyId: again.id, status: again.status };
  }

  const redacted = (row.message.meta as { redacted?: string[] }).redacted ?? [];
  const outcome = await runTurn(assistant, {
    conversation: row.conversation,
    message: row.message,
    now,
    piiRemoved: redacted.length > 0,
  });
  const text = ctx.render(outcome, outcome.lang);
  const reply = await storeReply(
    assistant,
    row.conversation,
    row.message,
    { ...outcome, meta: { ...outcome.meta, channel: "sms", fullText: outcome.text }, text },
    now,
  );
  if (outcome.case && (outcome.status === "case_opened" || outcome.status === "case_linked")) {
    await attachConversationMedia(ctx, row.conversation.id, outcome.case.reference, now);
  }
  // While a person holds the conversation the bot's turn is stored silent and nothing is texted.
  if (reply.status !== "held") await ctx.enqueueDelivery("reply", { ...target, messageId: reply.id });
  assistant.logger.info("turn", {
    status: outcome.status,
    lang: outcome.lang,
    channel: "sms",
    ms: outcome.meta.ms,
  });
  return { replyId: reply.id, status: reply.status };
}

/** How long a turn waits for the texts before it in its conversation, then lets the queue retry it. */
const ORDER_WAIT_MS = 30_000;
const ORDER_POLL_MS = 100;
/** An earlier text older than this that still has no reply is not waited for (it failed for good). */
const ORDER_STALE_MS = 10 * 60_000;

/**
 * Waits until every earlier inbound text of the conversation that is due a turn has its reply. Texts
 * that get no turn (keywords, texts from an opted-out contact) are not waited for. Throws after
 * ORDER_WAIT_MS so the job is retried later instead of holding its worker.
 */
async function waitForEarlierTexts(ctx: SmsContext, message: MessageRow): Promise<void> {
  const db = ctx.assistant.database.db;
  const since = new Date(message.createdAt.getTime() - ORDER_STALE_MS);
  const deadline = Date.now() + ORDER_WAIT_MS;
  for (;;) {
    const [earlier] = await db
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, message.conversationId),
          eq(messages.role, "citizen"),
          lt(messages.sequence, message.sequence),
          gt(messages.createdAt, since),
          sql`${messages.meta}->>'channel' = 'sms' and not (${messages.meta} ? 'keyword') and not (${messages.meta} ? 'noTurn')`,
          sql`not exists (select 1 from messages r where r.reply_to_id = ${messages.id} and r.role in ('assistant', 'system'))`,
        ),
      )
      .limit(1);
    if (!earlier) return;
    if (Date.now() >= deadline) {
      throw new Error("an earlier text of this conversation is still being answered");
    }
    await new Promise((resolve) => setTimeout(resolve, ORDER_POLL_MS));
  }
}

/** MMS photos of this conversation's recent texts, not yet on a case, become the case's attachments. */
async function attachConversationMedia(
  ctx: SmsContext,
  conversationId: string,
  reference: string,
  now: Date,
) {
  const db = ctx.assistant.database.db;
  const since = new Date(now.getTime() - ctx.idleWindowHours * 3_600_000);
  const rows: MessageRow[] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.role, "citizen"),
        gt(messages.createdAt, since),
        sql`${messages.meta} ? 'media' and not (${messages.meta} ? 'mediaCase')`,
      ),
    )
    .orderBy(desc(messages.sequence));
  const urls = rows.flatMap((m) =>
    ((m.meta as { media?: SmsMedia[] }).media ?? []).map((media) => media.url),
  );
  if (urls.length === 0) return;
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(cases)
      .where(eq(cases.reference, reference))
      .limit(1)
      .for("update");
    if (!current) return;
    const added = urls.filter((url) => !current.mediaUrls.includes(url));
    if (added.length > 0) {
      await tx
        .update(cases)
        .set({ mediaUrls: [...current.mediaUrls, ...added], updatedAt: now })
        .where(eq(cases.id, current.id));
      for (const url of added) {
        await tx.insert(caseEvents).values({
          caseId: current.id,
          type: "case.attachment",
          note: "Photo sent by MMS",
          actorType: "citizen",
          actorId: current.contactId,
          data: { url, channel: "sms" },
          createdAt: now,
        });
      }
    }
    for (const m of rows) {
      await tx
        .update(messages)
        .set({ meta: sql`${messages.meta} || ${JSON.stringify({ mediaCase: reference })}::jsonb` })
        .where(eq(messages.id, m.id));
    }
  });
}
