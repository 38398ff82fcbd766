import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { contacts, conversations } from "../../db/schema";
import { createConversationToken } from "../conversations/conversation-token";
import { VOICE_CHANNEL, type VoiceContext } from "./context";

/** A caller's conversation continues when they call back within this long. */
const IDLE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The conversation an incoming call belongs to: the caller's open voice conversation of the last day,
 * else a new one. The caller is the contact of their phone number; the same number on SMS is linked.
 */
export async function openCallConversation({
  ctx,
  callerNumber,
  lang,
}: {
  ctx: VoiceContext;
  callerNumber: string;
  lang: string;
}): Promise<{ conversationId: string; contactId: string; lang: string }> {
  const db = ctx.assistant.database.db;
  const now = ctx.now ?? new Date();
  const address = callerNumber.trim() || "anonymous";
  const [contact] = await db
    .insert(contacts)
    .values({ channel: VOICE_CHANNEL, address, preferredLanguage: lang, createdAt: now })
    .onConflictDoUpdate({ target: [contacts.channel, contacts.address], set: { address } })
    .returning({ id: contacts.id, preferredLanguage: contacts.preferredLanguage });
  const [open] = await db
    .select({ id: conversations.id, lang: conversations.lang })
    .from(conversations)
    .where(
      and(
        eq(conversations.contactId, contact!.id),
        inArray(conversations.channel, [VOICE_CHANNEL]),
        ne(conversations.state, "closed"),
        gt(conversations.updatedAt, new Date(now.getTime() - IDLE_WINDOW_MS)),
      ),
    )
    .orderBy(desc(conversations.updatedAt))
    .limit(1);
  if (open) return { conversationId: open.id, contactId: contact!.id, lang: open.lang };
  const { tokenHash } = await createConversationToken();
  const [created] = await db
    .insert(conversations)
    .values({
      channel: VOICE_CHANNEL,
      contactId: contact!.id,
      lang: contact!.preferredLanguage ?? lang,
      tokenHash,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: conversations.id, lang: conversations.lang });
  return { conversationId: created!.id, contactId: contact!.id, lang: created!.lang };
}
