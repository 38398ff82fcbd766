import { eq } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { conversations } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { digestsMatch, hashConversationToken } from "./conversation-token";

/**
 * Who is acting on a conversation: the holder of its bearer token (web), or a channel adapter
 * that already verified the sender (Twilio signature, Bot Framework token).
 */
export type ConversationActor =
  | { kind: "conversation_token"; token: string }
  | { kind: "channel"; channel: string };

export interface ConversationContext {
  database: Database;
  actor: ConversationActor;
  /** Injected clock; tests pass their own. */
  now?: Date;
}

export type ConversationRow = typeof conversations.$inferSelect;

/** A fixed, translated text by key (the i18n catalogue), with `{name}` parameters filled. */
export type Translate = (lang: string, key: string, params?: Record<string, string | number>) => string;

/** Channels whose address is a phone number: one number is one contact, whichever of them it used. */
export const PHONE_CHANNELS = ["sms", "voice"] as const;

/** Channels whose conversations one contact continues across (a call, then a text from the same number). */
export function linkedChannels(channel: string): string[] {
  return (PHONE_CHANNELS as readonly string[]).includes(channel) ? [...PHONE_CHANNELS] : [channel];
}

/** Owners of a conversation: the bot, the queue for a person, a staff member; or closed by staff. */
export const CONVERSATION_STATES = ["bot", "waiting", "human", "closed"] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** States in which a person, not the bot, owns the conversation. */
export function isWithStaff(state: string): boolean {
  return state === "waiting" || state === "human";
}

/** Loads the conversation and checks that the actor may act on it. */
export async function authorizeConversation(
  db: Db,
  actor: ConversationActor,
  conversationId: string,
): Promise<ConversationRow> {
  if (actor.kind === "conversation_token" && !actor.token) {
    throw new DomainError("unauthorized", "This conversation needs its bearer token.");
  }
  const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(conversationId)
    ? conversationId
    : undefined;
  const [conversation] = id
    ? await db.select().from(conversations).where(eq(conversations.id, id)).limit(1)
    : [];
  if (!conversation) throw new DomainError("not_found", "No such conversation.");
  if (actor.kind === "conversation_token") {
    if (!digestsMatch(await hashConversationToken(actor.token), conversation.tokenHash)) {
      throw new DomainError("forbidden", "This token does not authorise this conversation.");
    }
  } else if (!linkedChannels(actor.channel).includes(conversation.channel)) {
    throw new DomainError("forbidden", "This conversation belongs to another channel.");
  }
  return conversation;
}
