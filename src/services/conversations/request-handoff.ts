import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { messages } from "../../db/schema";
import { markHandoff } from "../handoff/request-handoff";
import { authorizeConversation, type ConversationContext, isWithStaff, type Translate } from "./context";
import { type MessageView, toMessageView } from "./message-view";

export const RequestHandoffInput = z.object({
  reason: z.enum(["citizen_request", "no_answer", "sensitive", "unsure"]).default("citizen_request"),
});
export type RequestHandoffInput = z.infer<typeof RequestHandoffInput>;

/**
 * The citizen asks for a person ("talk to a person" button): the conversation waits for staff,
 * and the bot stays silent until it is handed back. Asking again changes nothing.
 */
export async function requestHandoff({
  ctx,
  conversationId,
  input,
}: {
  ctx: ConversationContext & { translate: Translate };
  conversationId: string;
  input: unknown;
}): Promise<{ state: string; message: MessageView }> {
  const db = ctx.database.db;
  const conversation = await authorizeConversation(db, ctx.actor, conversationId);
  const parsed = RequestHandoffInput.parse(input ?? {});
  const now = ctx.now ?? new Date();

  return db.transaction(async (tx) => {
    if (isWithStaff(conversation.state)) {
      const [latest] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.status, "handoff")))
        .orderBy(desc(messages.sequence))
        .limit(1);
      if (latest) return { state: conversation.state, message: toMessageView(latest) };
    }
    const state = await markHandoff(tx, conversation.id, parsed.reason, now, {
      kind: "citizen",
      contactId: conversation.contactId,
    });
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        role: "assistant",
        text: ctx.translate(conversation.lang, "reply.handoff"),
        lang: conversation.lang,
        status: "handoff",
        meta: { handoff: true, reason: parsed.reason },
        createdAt: now,
      })
      .returning();
    return { state, message: toMessageView(message!) };
  });
}
