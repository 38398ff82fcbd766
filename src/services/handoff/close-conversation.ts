import { z } from "zod";
import { recordAudit } from "../cases/record-audit";
import { assignQueuedConversations } from "./assign-conversation";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

export const CloseConversationInput = z.object({
  conversationId: z.string(),
  reason: z.string().trim().min(1).max(500).default("resolved"),
});

/** Staff end the conversation: it leaves the queue, and the citizen's next text starts a new one. */
export async function closeConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const actor = requireHandoffStaff(ctx);
  const parsed = CloseConversationInput.parse(input);
  const now = ctx.now ?? new Date();
  const summary = await ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, parsed.conversationId);
    if (conversation.state === "closed") return toHandoffSummary(conversation, now);
    const moved = await changeOwner(tx, ctx, conversation, {
      to: "closed",
      reason: parsed.reason,
      assignedStaffId: null,
      now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.close",
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { from: conversation.state, reason: parsed.reason },
    });
    return toHandoffSummary(moved, now);
  });
  // A place came free for whoever held it: the queue gives them the next waiting conversation they fit.
  await assignQueuedConversations(ctx.database.db, now);
  return summary;
}
