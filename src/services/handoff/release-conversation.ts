import { recordAudit } from "../cases/record-audit";
import type { ConversationRow } from "../conversations/context";
import { assignQueuedConversations } from "./assign-conversation";
import { sendCitizenNotice, storeCitizenNotice } from "./citizen-notice";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

/**
 * Staff let go of a conversation (hand it back to the bot, or close it): the owner changes under the
 * conversation's lock, the change is audited, the citizen is told when a person hands it back or staff close it, and the place that came free goes to the next waiting
 * conversation the staff member fits. Asked again once done, it changes nothing.
 */
export async function releaseConversation(
  ctx: HandoffContext,
  release: {
    conversationId: string;
    reason: string;
    to: "bot" | "closed";
    action: "conversation.hand_back" | "conversation.close";
    /** Throws when the conversation cannot be released this way (a closed one handed back). */
    refuse?: (conversation: ConversationRow) => void;
  },
): Promise<HandoffSummary> {
  const actor = requireHandoffStaff(ctx);
  const now = ctx.now ?? new Date();
  const { summary, notice } = await ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, release.conversationId);
    if (conversation.state === release.to)
      return { summary: toHandoffSummary(conversation, now), notice: undefined };
    release.refuse?.(conversation);
    const moved = await changeOwner(tx, ctx, conversation, {
      to: release.to,
      reason: release.reason,
      assignedStaffId: null,
      now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: release.action,
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { from: conversation.state, reason: release.reason },
    });
    // A person held it and now the assistant answers again, or staff ended it: the citizen is told so.
    const notice =
      release.to === "closed"
        ? await storeCitizenNotice(tx, moved, { key: "reply.conversation_closed", kind: "closed", now })
        : conversation.state === "human"
          ? await storeCitizenNotice(tx, moved, { key: "reply.handed_back", kind: "handed_back", now })
          : undefined;
    return { summary: toHandoffSummary(moved, now), notice };
  });
  announceHandoffActivity(summary.id);
  await sendCitizenNotice(ctx, notice);
  await assignQueuedConversations(ctx.database.db, now);
  return summary;
}
