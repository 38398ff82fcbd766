import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { messages } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { authorizeConversation, type ConversationContext } from "./context";
import { type MessageView, toMessageView } from "./message-view";

export const RecordFeedbackInput = z.object({
  messageId: z.uuid(),
  /** Thumbs up or down; a second vote replaces the first. */
  value: z.enum(["up", "down"]),
});
export type RecordFeedbackInput = z.infer<typeof RecordFeedbackInput>;

/** Stores the citizen's rating of one bot reply (content editors read the thumbs down). */
export async function recordFeedback({
  ctx,
  conversationId,
  input,
}: {
  ctx: ConversationContext;
  conversationId: string;
  input: unknown;
}): Promise<MessageView> {
  const db = ctx.database.db;
  const conversation = await authorizeConversation(db, ctx.actor, conversationId);
  const parsed = RecordFeedbackInput.parse(input);
  const [updated] = await db
    .update(messages)
    .set({ feedback: parsed.value === "up" ? 1 : -1 })
    .where(
      and(
        eq(messages.id, parsed.messageId),
        eq(messages.conversationId, conversation.id),
        inArray(messages.role, ["assistant", "system"]),
      ),
    )
    .returning();
  if (!updated) throw new DomainError("not_found", "No reply with this id in this conversation.");
  return toMessageView(updated);
}
