import { z } from "zod";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { sendCitizenNotice, storeStaffJoinedNotice } from "./citizen-notice";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

export const TakeOverInput = z.object({
  conversationId: z.string(),
  reason: z.string().trim().min(1).max(500).default("staff_take_over"),
});

/**
 * A staff member takes the conversation from the queue or from the bot. From then on the bot says
 * nothing until it is handed back, and the citizen is told who joined (by first name), on their channel. Only a supervisor or admin may take one another person holds.
 */
export async function takeOverConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const actor = requireHandoffStaff(ctx);
  const parsed = TakeOverInput.parse(input);
  const now = ctx.now ?? new Date();
  const { summary, notice } = await ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, parsed.conversationId);
    // Asked again (a retried request, a second click): nothing changes and the citizen is not told twice.
    if (conversation.state === "human" && conversation.assignedStaffId === actor.userId) {
      return { summary: toHandoffSummary(conversation, now), notice: undefined };
    }
    if (
      conversation.state === "human" &&
      !actor.roles.some((role) => role === "supervisor" || role === "admin")
    ) {
      throw new DomainError("conflict", "Another staff member holds this conversation.");
    }
    const moved = await changeOwner(tx, ctx, conversation, {
      to: "human",
      reason: parsed.reason,
      assignedStaffId: actor.userId,
      now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.take_over",
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { from: conversation.state, previousAssignee: conversation.assignedStaffId },
    });
    const notice = await storeStaffJoinedNotice(tx, moved, actor.userId, now);
    return { summary: toHandoffSummary(moved, now), notice };
  });
  announceHandoffActivity(summary.id);
  await sendCitizenNotice(ctx, notice);
  return summary;
}
