import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { messages } from "../../db/schema";
import type { HandoffSettings } from "../handoff/context";
import { queueForPerson } from "../handoff/request-handoff";
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
  ctx: ConversationContext & { translate: Translate; handoff?: HandoffSettings | undefined };
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
    const queued = await queueForPerson(
      tx,
      conversation.id,
      parsed.reason,
      now,
      { kind: "citizen", contactId: conversation.contactId },
      ctx.handoff,
    );
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        role: "assistant",
        text: queued.closed
          ? ctx.translate(conversation.lang, "reply.handoff_closed", {
              opens: formatOpening(conversation.lang, queued.closed),
            })
          : ctx.translate(conversation.lang, "reply.handoff"),
        lang: conversation.lang,
        status: "handoff",
        meta: { handoff: !queued.closed, reason: parsed.reason, ...(queued.closed ? { closed: true } : {}) },
        createdAt: now,
      })
      .returning();
    return { state: queued.state, message: toMessageView(message!) };
  });
}

/** When the team is back, in the citizen's language and the calendar's time zone. */
export function formatOpening(lang: string, closed: { opensAt: Date; timeZone: string }): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: closed.timeZone,
  }).format(closed.opensAt);
}
