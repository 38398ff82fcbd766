import { and, desc, eq, sql } from "drizzle-orm";
import { messages } from "../../db/schema";
import { voiceText } from "../../i18n/voice";
import { queueOutboundMessage } from "../deliveries/queue-outbound-message";
import type { VoiceContext } from "./context";

export type TextOutcome = "sent" | "nothing_to_send" | "unavailable";

/**
 * Texts the caller what the call offered: the page the last answer cited, or a case reference. It goes
 * through the SMS channel's delivery queue (consent checked, retried, kept in the conversation).
 */
export async function textCaller({
  ctx,
  conversationId,
  contactId,
  callerNumber,
  lang,
  what,
}: {
  ctx: VoiceContext;
  conversationId: string;
  contactId: string;
  callerNumber: string;
  lang: string;
  what: { kind: "last_link" } | { kind: "reference"; reference: string; city: string };
}): Promise<TextOutcome> {
  if (!ctx.enqueueDelivery || !/^\+\d{6,15}$/.test(callerNumber)) return "unavailable";
  const database = ctx.assistant.database;
  let text: string;
  if (what.kind === "reference") {
    text = voiceText(lang, "sms_reference", { city: what.city, reference: what.reference });
  } else {
    const [cited] = await database.db
      .select({ citations: messages.citations })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.role, "assistant"),
          sql`jsonb_array_length(${messages.citations}) > 0`,
        ),
      )
      .orderBy(desc(messages.sequence))
      .limit(1);
    const first = cited?.citations[0];
    if (!first) return "nothing_to_send";
    text = voiceText(lang, "sms_link", { title: first.title, url: first.url });
  }
  const id = await queueOutboundMessage({
    ctx: { database, enqueueDelivery: ctx.enqueueDelivery, ...(ctx.now ? { now: ctx.now } : {}) },
    input: {
      contactId,
      conversationId,
      channel: "sms",
      text,
      lang,
      kind: "reply",
      // A reference is texted once per conversation, whether the line or the sweep's job gets there first.
      ...(what.kind === "reference"
        ? { caseReference: what.reference, idempotencyKey: `voice-text:${what.reference}` }
        : {}),
    },
  });
  return id ? "sent" : "unavailable";
}
