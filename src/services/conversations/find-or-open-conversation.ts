import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { contacts, conversations } from "../../db/schema";
import { type ConversationRow, linkedChannels, PHONE_CHANNELS } from "./context";
import { createConversationToken } from "./conversation-token";
import type { LanguageSettings } from "./create-conversation";

export const DEFAULT_IDLE_WINDOW_HOURS = 24;

export const FindOrOpenConversationInput = z.object({
  channel: z.enum(["web", "sms", "voice", "teams"]),
  /** E.164 for sms and voice, the Teams user id, or a web contact id. */
  address: z.string().trim().min(1).max(200),
  /** The language to open a new conversation in, when the channel knows one. */
  lang: z.string().trim().min(2).max(20).optional(),
});
export type FindOrOpenConversationInput = z.infer<typeof FindOrOpenConversationInput>;

export interface FindOrOpenConversationContext {
  database: Database;
  languages: LanguageSettings;
  /** A conversation quiet for longer than this is left behind and a new one opened. */
  idleWindowHours?: number;
  now?: Date;
}

export type ContactRow = typeof contacts.$inferSelect;

export interface FoundConversation {
  contact: ContactRow;
  conversation: ConversationRow;
  /** True when no open conversation was found within the idle window and this one was opened. */
  opened: boolean;
}

/** The contact key of a channel address: phone channels share one identity per number. */
export function contactIdentity(channel: string, address: string): { channel: string; address: string } {
  if ((PHONE_CHANNELS as readonly string[]).includes(channel)) {
    return { channel: "phone", address: normalizePhoneNumber(address) };
  }
  return { channel, address };
}

/** E.164 with the spaces, dots, dashes and brackets people and providers add taken out. */
export function normalizePhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d]/g, "");
  if (trimmed.startsWith("+")) return `+${digits}`;
  if (trimmed.startsWith("00")) return `+${digits.slice(2)}`;
  return digits ? `+${digits}` : trimmed;
}

/**
 * The conversation of a contact on a channel address: the contact is found or created, and its latest
 * conversation on a linked channel continues when it is not closed and was active within the idle
 * window; otherwise a new one opens on this channel. Channel adapters call it after verifying the sender.
 */
export async function findOrOpenConversation({
  ctx,
  input,
}: {
  ctx: FindOrOpenConversationContext;
  input: unknown;
}): Promise<FoundConversation> {
  const parsed = FindOrOpenConversationInput.parse(input);
  const now = ctx.now ?? new Date();
  const identity = contactIdentity(parsed.channel, parsed.address);
  const requested = parsed.lang?.slice(0, 2).toLowerCase();
  const lang = requested && ctx.languages.supported.includes(requested) ? requested : undefined;
  const idleMs = (ctx.idleWindowHours ?? DEFAULT_IDLE_WINDOW_HOURS) * 3_600_000;
  const db = ctx.database.db;

  // Nearly every text continues a conversation: one read finds it without opening a transaction.
  const [known] = await db
    .select({ contact: contacts, conversation: conversations })
    .from(contacts)
    .leftJoin(
      conversations,
      and(
        eq(conversations.contactId, contacts.id),
        inArray(conversations.channel, linkedChannels(parsed.channel)),
        ne(conversations.state, "closed"),
        gt(conversations.updatedAt, new Date(now.getTime() - idleMs)),
      ),
    )
    .where(and(eq(contacts.channel, identity.channel), eq(contacts.address, identity.address)))
    .orderBy(desc(conversations.updatedAt))
    .limit(1);
  if (known?.conversation) return { contact: known.contact, conversation: known.conversation, opened: false };

  return db.transaction(async (tx) => {
    await tx
      .insert(contacts)
      .values({ ...identity, preferredLanguage: lang ?? null, createdAt: now })
      .onConflictDoNothing({ target: [contacts.channel, contacts.address] });
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.channel, identity.channel), eq(contacts.address, identity.address)))
      .limit(1)
      .for("update");
    if (!contact) throw new Error("contact upsert returned no row");

    const [open] = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.contactId, contact.id),
          inArray(conversations.channel, linkedChannels(parsed.channel)),
          ne(conversations.state, "closed"),
          gt(conversations.updatedAt, new Date(now.getTime() - idleMs)),
        ),
      )
      .orderBy(desc(conversations.updatedAt))
      .limit(1);
    if (open) return { contact, conversation: open, opened: false };

    // Channel conversations are authorised by the channel's own signature; the token is never handed out.
    const { tokenHash } = await createConversationToken();
    const [conversation] = await tx
      .insert(conversations)
      .values({
        channel: parsed.channel,
        contactId: contact.id,
        lang: lang ?? contact.preferredLanguage ?? ctx.languages.fallback,
        tokenHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!conversation) throw new Error("conversation insert returned no row");
    return { contact, conversation, opened: true };
  });
}
