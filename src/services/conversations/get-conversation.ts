import { asc, eq } from "drizzle-orm";
import { messages } from "../../db/schema";
import { authorizeConversation, type ConversationContext, isWithStaff } from "./context";
import { type MessageView, toMessageView } from "./message-view";

export interface ConversationView {
  id: string;
  channel: string;
  lang: string;
  state: string;
  /** True while a person has, or is about to take, the conversation. */
  handoff: boolean;
  messages: MessageView[];
}

// Enough for any real chat; the widget only needs the recent part to reconnect.
const MAX_MESSAGES = 200;

/** The conversation as its token holder sees it, for reconnecting without losing it. */
export async function getConversation({
  ctx,
  conversationId,
}: {
  ctx: ConversationContext;
  conversationId: string;
}): Promise<ConversationView> {
  const db = ctx.database.db;
  const conversation = await authorizeConversation(db, ctx.actor, conversationId);
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversation.id))
    .orderBy(asc(messages.sequence))
    .limit(MAX_MESSAGES);
  return {
    id: conversation.id,
    channel: conversation.channel,
    lang: conversation.lang,
    state: conversation.state,
    handoff: isWithStaff(conversation.state),
    // A bot turn kept back while a person held the conversation is not part of what the citizen sees.
    messages: rows.filter((row) => row.status !== "held").map(toMessageView),
  };
}
