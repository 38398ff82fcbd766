import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { messages } from "../../db/schema";

export type MessageRow = typeof messages.$inferSelect;

/** The bot's reply to a citizen message, if one was stored. */
export async function findReply(db: Db, citizenMessageId: string): Promise<MessageRow | undefined> {
  const [reply] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.replyToId, citizenMessageId), inArray(messages.role, ["assistant", "system"])))
    .limit(1);
  return reply;
}

/** A messages row as a raw statement returns it (`returning *`), column names as in the table. */
export interface MessageColumns {
  id: string;
  conversation_id: string;
  role: string;
  text: string;
  lang: string | null;
  status: string | null;
  citations: MessageRow["citations"];
  idempotency_key: string | null;
  reply_to_id: string | null;
  feedback: number | null;
  meta: Record<string, unknown>;
  sequence: number | string;
  created_at: string | Date;
}

/** The row as drizzle would have returned it. */
export function messageRowOf(row: MessageColumns): MessageRow {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    text: row.text,
    lang: row.lang,
    status: row.status,
    citations: row.citations,
    idempotencyKey: row.idempotency_key,
    replyToId: row.reply_to_id,
    feedback: row.feedback,
    meta: row.meta,
    sequence: Number(row.sequence),
    createdAt: new Date(row.created_at),
  };
}
