import { eq } from "drizzle-orm";
import { z } from "zod";
import { contacts, conversations, messages, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { PHONE_CHANNELS } from "../conversations/context";
import { type MessageView, toMessageView } from "../conversations/message-view";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { announceHandoffActivity } from "./handoff-activity";

export const PostStaffReplyInput = z.object({
  conversationId: z.string(),
  text: z.string().trim().min(1, "a reply needs some text").max(1600),
});

/**
 * A staff member writes to the citizen. Any staff message makes a person the owner, so the bot stays
 * silent from here on. Web citizens see it in the widget; on a phone number it is texted through the
 * SMS delivery queue.
 */
export async function postStaffReply({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<{ message: MessageView; state: string; delivery: "widget" | "sms" }> {
  const actor = requireHandoffStaff(ctx);
  const parsed = PostStaffReplyInput.parse(input);
  const now = ctx.now ?? new Date();
  const { message, conversation, address } = await ctx.database.db.transaction(async (tx) => {
    let conversation = await lockConversation(tx, parsed.conversationId);
    const phone = (PHONE_CHANNELS as readonly string[]).includes(conversation.channel);
    if (phone && !ctx.enqueueDelivery) {
      throw new DomainError("unavailable", "Texts to citizens are not configured on this server.");
    }
    if (conversation.state === "human" && conversation.assignedStaffId !== actor.userId) {
      if (!actor.roles.some((role) => role === "supervisor" || role === "admin")) {
        throw new DomainError("conflict", "Another staff member holds this conversation.");
      }
    }
    if (conversation.state !== "human" || conversation.assignedStaffId !== actor.userId) {
      conversation = await changeOwner(tx, ctx, conversation, {
        to: "human",
        reason: "staff_reply",
        assignedStaffId: actor.userId,
        now,
      });
    }
    // Citizens see the first name only, as a contact centre agent would introduce themselves.
    const [profile] = await tx
      .select({ name: staffUsers.name })
      .from(staffUsers)
      .where(eq(staffUsers.id, actor.userId))
      .limit(1);
    const firstName = profile?.name?.trim().split(/\s+/)[0];
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        role: "staff",
        text: parsed.text,
        lang: conversation.lang,
        meta: {
          staffId: actor.userId,
          ...(firstName ? { staffFirstName: firstName } : {}),
          ...(phone ? { channel: "sms" } : {}),
        },
        createdAt: now,
      })
      .returning();
    await tx.update(conversations).set({ updatedAt: now }).where(eq(conversations.id, conversation.id));
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.reply",
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { messageId: message!.id },
    });
    const [contact] = phone
      ? await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)).limit(1)
      : [];
    return { message: message!, conversation, address: contact?.address };
  });
  announceHandoffActivity(conversation.id);
  if (address && ctx.enqueueDelivery) {
    await ctx.enqueueDelivery("reply", { messageId: message.id, channel: "sms", address });
  }
  return { message: toMessageView(message), state: conversation.state, delivery: address ? "sms" : "widget" };
}
