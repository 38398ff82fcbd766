import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { contacts, conversations, messages } from "../../db/schema";
import type { NotificationEvent } from "../../ports/notifier";
import { linkedChannels } from "../conversations/context";
import type { DeliveryKind, EnqueueDelivery } from "./context";

export const QueueOutboundMessageInput = z.object({
  contactId: z.uuid(),
  /** The conversation the message belongs to; the contact's latest on a linked channel when absent. */
  conversationId: z.uuid().nullish(),
  channel: z.literal("sms"),
  text: z.string().min(1).max(4000),
  lang: z.string().min(2).max(10),
  kind: z.enum(["reply", "notification"]),
  event: z.string().optional(),
  caseReference: z.string().optional(),
  /** Stores the message once per conversation and key: a second call queues the same message again. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});

/**
 * Stores a message for the citizen in their conversation (so the transcript shows it) and queues its
 * delivery to the contact's address on `channel`: case notices by SMS, and the link a caller asks to
 * have texted. Returns the stored message id, or undefined when the contact has no conversation.
 */
export async function queueOutboundMessage({
  ctx,
  input,
}: {
  ctx: { database: Database; enqueueDelivery: EnqueueDelivery; now?: Date };
  input: unknown;
}): Promise<string | undefined> {
  const parsed = QueueOutboundMessageInput.parse(input);
  const db = ctx.database.db;
  const now = ctx.now ?? new Date();
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, parsed.contactId)).limit(1);
  if (!contact) return undefined;
  const conversationId =
    parsed.conversationId ??
    (
      await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            eq(conversations.contactId, contact.id),
            inArray(conversations.channel, linkedChannels(parsed.channel)),
          ),
        )
        .orderBy(desc(conversations.updatedAt))
        .limit(1)
    )[0]?.id;
  if (!conversationId) return undefined;

  const id = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(messages)
      .values({
        ...(parsed.idempotencyKey ? { idempotencyKey: parsed.idempotencyKey } : {}),
        conversationId,
        role: "system",
        text: parsed.text,
        lang: parsed.lang,
        meta: {
          event: (parsed.event as NotificationEvent | undefined) ?? null,
          caseReference: parsed.caseReference ?? null,
          channel: parsed.channel,
        },
        createdAt: now,
      })
      .onConflictDoNothing({
        target: [messages.conversationId, messages.idempotencyKey],
        where: sql`${messages.idempotencyKey} is not null`,
      })
      .returning({ id: messages.id });
    if (!stored) {
      // Stored before under this key: its delivery is keyed by the message, so it is sent once.
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            eq(messages.idempotencyKey, parsed.idempotencyKey!),
          ),
        )
        .limit(1);
      return existing!.id;
    }
    await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, conversationId));
    return stored!.id;
  });
  const kind: DeliveryKind = parsed.kind;
  await ctx.enqueueDelivery(kind, {
    messageId: id,
    channel: parsed.channel,
    address: contact.address,
    ...(parsed.caseReference ? { caseReference: parsed.caseReference } : {}),
  });
  return id;
}
