import { z } from "zod";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { assignQueuedConversations } from "./assign-conversation";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

export const HandBackInput = z.object({
  conversationId: z.string(),
  reason: z.string().trim().min(1).max(500).default("staff_hand_back"),
});

/**
 * The only way back to the bot: staff hand the conversation back and the bot answers the citizen's
 * next message, with what staff said in its history.
 */
export async function handBackConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const actor = requireHandoffStaff(ctx);
  const parsed = HandBackInput.parse(input);
  const now = ctx.now ?? new Date();
  const summary = await ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, parsed.conversationId);
    if (conversation.state === "bot") return toHandoffSummary(conversation, now);
    if (conversation.state === "closed") {
      throw new DomainError("conflict", "This conversation is closed.");
    }
    const moved = await changeOwner(tx, ctx, conversation, {
      to: "bot",
      reason: parsed.reason,
      assignedStaffId: null,
      now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.hand_back",
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { from: conversation.state },
    });
    return toHandoffSummary(moved, now);
  });
  // A place came free for whoever held it: the queue gives them the next waiting conversation they fit.
  await assignQueuedConversations(ctx.database.db, now);
  return summary;
}
