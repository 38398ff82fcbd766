import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { contacts, messages, staffUsers } from "../../db/schema";
import type { MessageKey } from "../../i18n/messages/en";
import { t } from "../../i18n/translate";
import { type ConversationRow, PHONE_CHANNELS } from "../conversations/context";
import type { HandoffContext } from "./context";

/** A notice stored for the citizen, and where to text it when their conversation is on a phone channel. */
export interface StoredNotice {
  messageId: string;
  address?: string | undefined;
}

/** The first name the citizen is told, as staff replies show it; undefined when the account has no name. */
export async function staffFirstName(tx: Db, staffId: string): Promise<string | undefined> {
  const [profile] = await tx
    .select({ name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
    .limit(1);
  return profile?.name?.trim().split(/\s+/)[0] || undefined;
}

/**
 * Inside the transaction that changed the owner: stores a fixed notice for the citizen in their
 * language (the widget shows it; the transcript keeps it). Called only when the owner really changed,
 * so a verb asked again (which changes nothing) stores nothing more.
 */
export async function storeCitizenNotice(
  tx: Db,
  conversation: ConversationRow,
  notice: { key: MessageKey; params?: Record<string, string>; kind: string; now: Date },
): Promise<StoredNotice> {
  const phone = (PHONE_CHANNELS as readonly string[]).includes(conversation.channel);
  const [message] = await tx
    .insert(messages)
    .values({
      conversationId: conversation.id,
      role: "system",
      text: t(conversation.lang, notice.key, notice.params),
      lang: conversation.lang,
      meta: { notice: notice.kind, ...(phone ? { channel: "sms" } : {}) },
      createdAt: notice.now,
    })
    .returning({ id: messages.id });
  const [contact] = phone
    ? await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)).limit(1)
    : [];
  return { messageId: message!.id, address: contact?.address };
}

/** The citizen is told a person joined: by first name when the account has one. */
export async function storeStaffJoinedNotice(
  tx: Db,
  conversation: ConversationRow,
  staffId: string,
  now: Date,
): Promise<StoredNotice> {
  const name = await staffFirstName(tx, staffId);
  return name
    ? storeCitizenNotice(tx, conversation, {
        key: "reply.staff_joined",
        params: { name },
        kind: "staff_joined",
        now,
      })
    : storeCitizenNotice(tx, conversation, { key: "reply.with_staff", kind: "staff_joined", now });
}

/** After the commit: a notice for a phone citizen goes out through the SMS delivery queue. */
export async function sendCitizenNotice(
  ctx: Pick<HandoffContext, "enqueueDelivery">,
  notice: StoredNotice | undefined,
): Promise<void> {
  if (notice?.address && ctx.enqueueDelivery) {
    await ctx.enqueueDelivery("reply", {
      messageId: notice.messageId,
      channel: "sms",
      address: notice.address,
    });
  }
}
