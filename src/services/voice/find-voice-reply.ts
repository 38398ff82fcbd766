import { and, eq } from "drizzle-orm";
import { messages } from "../../db/schema";
import { findReply } from "../conversations/find-reply";
import { type MessageView, toMessageView } from "../conversations/message-view";
import { type VoiceContext, voiceTurnKey } from "./context";

interface TurnRef {
  ctx: VoiceContext;
  conversationId: string;
  callSid: string;
  turn: number;
}

/** The stored message of one spoken turn, found by its turn key. */
async function storedTurn({ ctx, conversationId, callSid, turn }: TurnRef) {
  const [turnMessage] = await ctx.assistant.database.db
    .select({ id: messages.id, text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.idempotencyKey, voiceTurnKey(callSid, turn)),
      ),
    )
    .limit(1);
  return turnMessage;
}

/** The assistant's reply to one spoken turn once the turn job stored it; undefined while it runs. */
export async function findVoiceReply(ref: TurnRef): Promise<MessageView | undefined> {
  const turnMessage = await storedTurn(ref);
  if (!turnMessage) return undefined;
  const reply = await findReply(ref.ctx.assistant.database.db, turnMessage.id);
  return reply ? toMessageView(reply) : undefined;
}

/** The stored words of one spoken turn (redacted) and whether the turn job has answered them yet. */
export async function findVoiceTurn(ref: TurnRef): Promise<{ text: string; answered: boolean } | undefined> {
  const turnMessage = await storedTurn(ref);
  if (!turnMessage?.text) return undefined;
  const reply = await findReply(ref.ctx.assistant.database.db, turnMessage.id);
  return { text: turnMessage.text, answered: reply !== undefined };
}
