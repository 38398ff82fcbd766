import { and, eq } from "drizzle-orm";
import { messages } from "../../db/schema";
import { findReply } from "../conversations/find-reply";
import { type MessageView, toMessageView } from "../conversations/message-view";
import { type VoiceContext, voiceTurnKey } from "./context";

/** The assistant's reply to one spoken turn once the turn job stored it; undefined while it runs. */
export async function findVoiceReply({
  ctx,
  conversationId,
  callSid,
  turn,
}: {
  ctx: VoiceContext;
  conversationId: string;
  callSid: string;
  turn: number;
}): Promise<MessageView | undefined> {
  const db = ctx.assistant.database.db;
  const [turnMessage] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.idempotencyKey, voiceTurnKey(callSid, turn)),
      ),
    )
    .limit(1);
  if (!turnMessage) return undefined;
  const reply = await findReply(db, turnMessage.id);
  return reply ? toMessageView(reply) : undefined;
}
