import { z } from "zod";
import { conversationEvents } from "../../db/schema";
import { recordAudit } from "../cases/record-audit";
import { type HandoffContext, lockConversation, requireHandoffStaff } from "./context";

export const AddConversationNoteInput = z.object({
  conversationId: z.string(),
  text: z.string().trim().min(1, "a note needs some text").max(4000),
});

export interface ConversationNote {
  id: string;
  staffId: string;
  text: string;
  createdAt: string;
}

/** A private note for colleagues on the conversation; the citizen never sees it. */
export async function addConversationNote({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<ConversationNote> {
  const actor = requireHandoffStaff(ctx);
  const parsed = AddConversationNoteInput.parse(input);
  const now = ctx.now ?? new Date();
  return ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, parsed.conversationId);
    const [note] = await tx
      .insert(conversationEvents)
      .values({
        conversationId: conversation.id,
        kind: "note",
        actorKind: "staff",
        actorId: actor.userId,
        text: parsed.text,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.note",
      subjectType: "conversation",
      subjectId: conversation.id,
    });
    return {
      id: note!.id,
      staffId: actor.userId,
      text: note!.text!,
      createdAt: note!.createdAt.toISOString(),
    };
  });
}
