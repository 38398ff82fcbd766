import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { messages } from "../../db/schema";
import { type PiiType, redactPii } from "../guardrails/redact-pii";
import { detectLanguage } from "../language/detect-language";
import { authorizeConversation, type ConversationContext, type ConversationRow } from "./context";
import type { LanguageSettings } from "./create-conversation";
import { findReply, type MessageColumns, type MessageRow, messageRowOf } from "./find-reply";

export const PostCitizenMessageInput = z.object({
  text: z.string().trim().min(1, "a message needs some text").max(4000),
  /** The channel's idempotency key: a retry with the same key never creates a second message. */
  clientMessageId: z.string().trim().min(1).max(200).optional(),
});
export type PostCitizenMessageInput = z.infer<typeof PostCitizenMessageInput>;

export interface PostedCitizenMessage {
  conversation: ConversationRow;
  /** The stored message; its text is the redacted copy. */
  message: MessageRow;
  /** True when the idempotency key had been seen: nothing new was stored. */
  duplicate: boolean;
  /** The reply already given to this message, when it is a retry of an answered one. */
  reply: MessageRow | undefined;
  /** Kinds of personal data removed before storing. */
  redacted: PiiType[];
  /**
   * With `readEarlier`, for a newly stored message: the conversation's messages before it, newest
   * first, read in the same statement as the insert.
   */
  earlier?: EarlierMessage[];
}

export interface EarlierMessage {
  role: string;
  text: string;
  status: string | null;
}

/** The roles a turn reads back as the conversation so far. */
export const HISTORY_ROLES = ["citizen", "assistant", "staff"] as const;

/**
 * Stores an inbound citizen message before anything else happens to it: personal data is redacted
 * first (only the redacted copy is kept) and its language detected against the conversation's.
 */
export async function postCitizenMessage({
  ctx,
  conversationId,
  input,
}: {
  ctx: ConversationContext & {
    languages: LanguageSettings;
    /** Runs once the actor is authorised and before anything is stored (the per-contact rate limit). */
    beforeStore?: (conversation: ConversationRow) => Promise<void>;
    /** Channel facts kept with the message (media links, a keyword), stored in the same insert. */
    meta?: Record<string, unknown>;
    /** The conversation a channel adapter just found for its verified sender; saves reading it again. */
    found?: ConversationRow;
    /** Also read up to this many earlier messages (HISTORY_ROLES) with the insert: one round trip, not two. */
    readEarlier?: number;
  };
  conversationId: string;
  input: unknown;
}): Promise<PostedCitizenMessage> {
  const db = ctx.database.db;
  const conversation =
    ctx.actor.kind === "channel" && ctx.found?.id === conversationId
      ? ctx.found
      : await authorizeConversation(db, ctx.actor, conversationId);
  const parsed = PostCitizenMessageInput.parse(input);
  await ctx.beforeStore?.(conversation);

  const redaction = redactPii(parsed.text);
  const redacted = [...new Set(redaction.found.map((m) => m.type))];
  const guess = detectLanguage(redaction.text, {
    supported: ctx.languages.supported,
    prior: conversation.lang,
  });

  const values = {
    conversationId: conversation.id,
    role: "citizen",
    text: redaction.text,
    lang: guess.lang,
    idempotencyKey: parsed.clientMessageId ?? null,
    meta: {
      ...ctx.meta,
      redacted,
      langConfidence: Math.round(guess.confidence * 100) / 100,
      langReliable: guess.reliable,
    },
    ...(ctx.now ? { createdAt: ctx.now } : {}),
  };
  if (ctx.readEarlier !== undefined) {
    const stored = await insertReadingEarlier(ctx.database, values, ctx.readEarlier);
    if (stored)
      return {
        conversation,
        message: stored.message,
        duplicate: false,
        reply: undefined,
        redacted,
        earlier: stored.earlier,
      };
  } else {
    const [inserted] = await db
      .insert(messages)
      .values(values)
      .onConflictDoNothing({
        target: [messages.conversationId, messages.idempotencyKey],
        where: sql`${messages.idempotencyKey} is not null`,
      })
      .returning();
    if (inserted) return { conversation, message: inserted, duplicate: false, reply: undefined, redacted };
  }

  const [existing] = await db
    .select()
    .from(messages)
    .where(
      and(eq(messages.conversationId, conversation.id), eq(messages.idempotencyKey, parsed.clientMessageId!)),
    )
    .limit(1);
  if (!existing) throw new Error("idempotent insert conflicted but no message holds the key");
  return {
    conversation,
    message: existing,
    duplicate: true,
    reply: await findReply(db, existing.id),
    redacted: (existing.meta as { redacted?: PiiType[] }).redacted ?? [],
  };
}

/**
 * The insert above and the read of the messages before the new one, as one statement. The read sees
 * the conversation as it was when the statement began, which holds every earlier message. Undefined
 * when the idempotency key was taken (nothing stored).
 */
async function insertReadingEarlier(
  database: Database,
  values: {
    conversationId: string;
    text: string;
    lang: string;
    idempotencyKey: string | null;
    meta: Record<string, unknown>;
    createdAt?: Date;
  },
  limit: number,
): Promise<{ message: MessageRow; earlier: EarlierMessage[] } | undefined> {
  const createdAt = values.createdAt ? sql`${values.createdAt.toISOString()}::timestamptz` : sql`default`;
  const roles = sql.join(
    HISTORY_ROLES.map((role) => sql`${role}`),
    sql`, `,
  );
  const [row] = await database.query<MessageColumns & { earlier: EarlierMessage[] | string }>(sql`
    with stored as (
      insert into messages (conversation_id, role, text, lang, idempotency_key, meta, created_at)
      values (${values.conversationId}::uuid, 'citizen', ${values.text}::text, ${values.lang}::text,
        ${values.idempotencyKey}::text, ${JSON.stringify(values.meta)}::jsonb, ${createdAt})
      on conflict (conversation_id, idempotency_key) where idempotency_key is not null do nothing
      returning *
    )
    select stored.*, (
      select coalesce(json_agg(json_build_object('role', e.role, 'text', e.text, 'status', e.status)
        order by e.sequence desc), '[]'::json)
      from (
        select role, text, status, sequence from messages
        where conversation_id = stored.conversation_id and sequence < stored.sequence and role in (${roles})
        order by sequence desc limit ${limit}
      ) e
    ) as earlier
    from stored`);
  if (!row) return undefined;
  const earlier =
    typeof row.earlier === "string" ? (JSON.parse(row.earlier) as EarlierMessage[]) : row.earlier;
  return { message: messageRowOf(row), earlier };
}
