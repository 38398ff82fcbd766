import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { conversations, messages } from "../../db/schema";
import type { ConversationActor } from "../conversations/context";
import { findReply, type MessageColumns, type MessageRow, messageRowOf } from "../conversations/find-reply";
import { type MessageView, toMessageView } from "../conversations/message-view";
import { postCitizenMessage } from "../conversations/post-citizen-message";
import { enforceRateLimit } from "../conversations/rate-limiter";
import type { AssistantDeps } from "./assistant-deps";
import { heldOutcome, runTurn, type TurnOutcome } from "./run-turn";

export interface RespondContext {
  deps: AssistantDeps;
  actor: ConversationActor;
  now?: Date;
}

export interface RespondOptions {
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

/**
 * A citizen message in, the assistant's stored reply out. The message is stored (redacted) before
 * the turn runs; a retry with the same client message id returns the first reply instead of a new one.
 */
export async function respondToCitizenMessage(
  { ctx, conversationId, input }: { ctx: RespondContext; conversationId: string; input: unknown },
  options: RespondOptions = {},
): Promise<{ message: MessageView; duplicate: boolean }> {
  const { deps } = ctx;
  const now = ctx.now ?? new Date();
  const posted = await postCitizenMessage({
    ctx: {
      database: deps.database,
      actor: ctx.actor,
      now,
      languages: deps.languages,
      beforeStore: (conversation) =>
        enforceRateLimit(
          deps.rateLimiter,
          `contact:${conversation.contactId}`,
          deps.settings.contactRateLimit,
          now,
        ),
      // The turn reads the conversation so far; it comes back with the insert instead of a second statement.
      readEarlier: deps.settings.historyMessages,
    },
    conversationId,
    input,
  });
  if (posted.reply) return { message: toMessageView(posted.reply), duplicate: true };

  const outcome = await runTurn(deps, {
    conversation: posted.conversation,
    message: posted.message,
    now,
    piiRemoved: posted.redacted.length > 0,
    ...(posted.earlier ? { earlier: posted.earlier } : {}),
    ...options,
  });
  const reply = await storeReply(deps, posted.conversation, posted.message, outcome, now);
  deps.logger.info("turn", {
    status: outcome.status,
    lang: outcome.lang,
    channel: posted.conversation.channel,
    ms: outcome.meta.ms,
    model: outcome.meta.model,
    fallback: outcome.meta.fallback !== undefined,
  });
  return { message: toMessageView(reply), duplicate: posted.duplicate };
}

/**
 * Stores the reply once per citizen message; a concurrent duplicate gets the reply that won. The owner
 * is read again here, under the conversation's row lock that every handoff verb takes: a turn that
 * began before a person took over stores nothing the citizen would see, so nothing is sent.
 */
export async function storeReply(
  deps: AssistantDeps,
  conversation: { id: string; lang: string; state: string },
  message: MessageRow,
  turn: TurnOutcome,
  now: Date,
): Promise<MessageRow> {
  // The usual case, a bot reply in a conversation no person has taken, costs one statement; anything
  // else (taken over, a duplicate reply, a missing conversation) takes the transaction below.
  if (turn.role === "assistant") {
    const stored = await storeUnlessTaken(deps.database, conversation, message, turn, now);
    if (stored) return stored;
  }
  return deps.database.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ state: conversations.state })
      .from(conversations)
      .where(eq(conversations.id, conversation.id))
      .for("update");
    const overtaken = current?.state === "human" && turn.role === "assistant";
    const outcome = overtaken
      ? heldOutcome(turn.lang, { ...turn.meta, withheld: { status: turn.status, text: turn.text } })
      : turn;
    return insertReply(tx, conversation, message, outcome, now);
  });
}

async function insertReply(
  db: Db,
  conversation: { id: string; lang: string },
  message: MessageRow,
  outcome: TurnOutcome,
  now: Date,
): Promise<MessageRow> {
  const [stored] = await db
    .insert(messages)
    .values({
      conversationId: conversation.id,
      role: outcome.role,
      text: outcome.text,
      lang: outcome.lang,
      status: outcome.status,
      citations: outcome.citations,
      replyToId: message.id,
      meta: replyMeta(outcome),
      createdAt: new Date(now.getTime() + 1),
    })
    .onConflictDoNothing()
    .returning();
  if (!stored) {
    const winner = await findReply(db, message.id);
    if (!winner) throw new Error("reply insert conflicted but no reply exists");
    return winner;
  }
  await db
    .update(conversations)
    .set({ updatedAt: now, ...(outcome.lang !== conversation.lang ? { lang: outcome.lang } : {}) })
    .where(eq(conversations.id, conversation.id));
  return stored;
}

function replyMeta(outcome: TurnOutcome): Record<string, unknown> {
  return {
    ...outcome.meta,
    ...(outcome.case ? { case: outcome.case } : {}),
    ...(outcome.intake ? { intake: outcome.intake } : {}),
    ...(outcome.options ? { options: outcome.options } : {}),
    ...(outcome.handoff ? { handoff: true } : {}),
  };
}

/**
 * insertReply and the conversation's touch in one statement, under the same row lock the handoff verbs
 * take: nothing is stored when a person owns the conversation, the reply already exists or the
 * conversation is gone (the caller then takes the slower path that handles each).
 */
async function storeUnlessTaken(
  database: Database,
  conversation: { id: string; lang: string },
  message: MessageRow,
  outcome: TurnOutcome,
  now: Date,
): Promise<MessageRow | undefined> {
  const createdAt = new Date(now.getTime() + 1).toISOString();
  const touchLang = outcome.lang !== conversation.lang ? sql`, lang = ${outcome.lang}::text` : sql``;
  const [row] = await database.query<MessageColumns>(sql`
    with owner as (
      select id from conversations where id = ${conversation.id}::uuid and state <> 'human' for update
    ), stored as (
      insert into messages (conversation_id, role, text, lang, status, citations, reply_to_id, meta, created_at)
      select id, ${outcome.role}::text, ${outcome.text}::text, ${outcome.lang}::text, ${outcome.status}::text,
        ${JSON.stringify(outcome.citations)}::jsonb, ${message.id}::uuid, ${JSON.stringify(replyMeta(outcome))}::jsonb,
        ${createdAt}::timestamptz
      from owner
      on conflict do nothing
      returning *
    ), touched as (
      update conversations set updated_at = ${now.toISOString()}::timestamptz${touchLang}
      where id in (select conversation_id from stored)
    )
    select * from stored`);
  return row ? messageRowOf(row) : undefined;
}
