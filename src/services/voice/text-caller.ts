import { and, desc, eq, sql } from "drizzle-orm";
import { messages } from "../../db/schema";
import { voiceText } from "../../i18n/voice";
import type { VoiceContext } from "./context";

export type TextOutcome = "sent" | "nothing_to_send" | "unavailable";

/**
 * Texts the caller what the call offered: the page the last answer cited, or a case reference. The
 * sent text is kept in the conversation, so an SMS reply later reads in context.
 */
export async function textCaller({
  ctx,
  conversationId,
  callerNumber,
  lang,
  what,
}: {
  ctx: VoiceContext;
  conversationId: string;
  callerNumber: string;
  lang: string;
  what: { kind: "last_link" } | { kind: "reference"; reference: string; city: string };
}): Promise<TextOutcome> {
  if (!ctx.sendText || !/^\+\d{6,15}$/.test(callerNumber)) return "unavailable";
  const db = ctx.assistant.database.db;
  let body: string;
  if (what.kind === "reference") {
    body = voiceText(lang, "sms_reference", { city: what.city, reference: what.reference });
  } else {
    const [cited] = await db
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
    body = voiceText(lang, "sms_link", { title: first.title, url: first.url });
  }
  await ctx.sendText({ to: callerNumber, body });
  await db.insert(messages).values({
    conversationId,
    role: "system",
    text: body,
    lang,
    meta: { channel: "sms", sentTo: "caller" },
    ...(ctx.now ? { createdAt: ctx.now } : {}),
  });
  return "sent";
}
