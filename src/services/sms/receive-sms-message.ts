import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { messages } from "../../db/schema";
import { smsText } from "../../i18n/sms";
import { findOrOpenConversation } from "../conversations/find-or-open-conversation";
import { postCitizenMessage } from "../conversations/post-citizen-message";
import { hasConsent, setContactConsent } from "../deliveries/set-contact-consent";
import { type SmsContext, smsMessageKey } from "./context";
import { detectSmsKeyword, type SmsKeyword } from "./detect-sms-keyword";

export const ReceiveSmsMessageInput = z.object({
  messageSid: z.string().regex(/^(SM|MM)[0-9a-zA-Z]{32}$/, "must be a Twilio message SID"),
  from: z.string().trim().min(3).max(32),
  to: z.string().trim().max(32).optional(),
  body: z.string().max(1600).default(""),
  media: z
    .array(z.object({ url: z.url({ protocol: /^https?$/ }), contentType: z.string().max(100).optional() }))
    .max(10)
    .default([]),
  /** Set by Twilio when its own opt-out handling recognised and answered a keyword. */
  optOutType: z.enum(["STOP", "START", "HELP"]).optional(),
});

export type ReceivedSms =
  | { outcome: "duplicate"; messageId: string }
  | { outcome: "keyword"; messageId: string; keyword: SmsKeyword; replied: boolean }
  | { outcome: "opted_out"; messageId: string }
  /** Too many texts from this contact within the window: nothing stored, nothing answered. */
  | { outcome: "rate_limited" }
  | { outcome: "queued"; messageId: string; conversationId: string };

/**
 * An inbound text, stored before anything else (redacted, keyed by MessageSid so Twilio's retries add
 * nothing). STOP/START/HELP set the contact's consent; anything else queues the assistant's turn,
 * which runs in a job so the webhook answers at once.
 */
export async function receiveSmsMessage({
  ctx,
  input,
}: {
  ctx: SmsContext;
  input: unknown;
}): Promise<ReceivedSms> {
  const parsed = ReceiveSmsMessageInput.parse(input);
  const { assistant } = ctx;
  const db = assistant.database.db;
  const now = ctx.now ?? new Date();
  // Twilio's retry lands in the same open conversation, where the key is unique: nothing new is stored.
  const key = smsMessageKey(parsed.messageSid);
  const { contact, conversation } = await findOrOpenConversation({
    ctx: {
      database: assistant.database,
      languages: assistant.languages,
      idleWindowHours: ctx.idleWindowHours,
      now,
    },
    input: { channel: "sms", address: parsed.from },
  });
  const optedOut = !hasConsent(contact.consent, "sms");
  const detected = detectSmsKeyword(parsed.body, optedOut);
  const keyword = parsed.optOutType ? (parsed.optOutType.toLowerCase() as SmsKeyword) : detected?.kind;

  const text = parsed.body.trim() || (parsed.media.length > 0 ? "[photo]" : "[empty]");
  const meta = {
    channel: "sms",
    ...(parsed.media.length > 0 ? { media: parsed.media } : {}),
    ...(keyword ? { keyword } : {}),
    ...(parsed.optOutType ? { optOutType: parsed.optOutType } : {}),
  };
  // A flood from one number is cut off before storage; STOP, START and HELP always get through.
  if (!keyword) {
    const limit = await assistant.rateLimiter.hit(
      `contact:${contact.id}`,
      assistant.settings.contactRateLimit,
      now,
    );
    if (!limit.allowed) return { outcome: "rate_limited" };
  }
  const posted = await postCitizenMessage({
    ctx: {
      database: assistant.database,
      // The Twilio signature already proved the sender; the conversation may have started as a call.
      actor: { kind: "channel", channel: "sms" },
      languages: assistant.languages,
      meta,
      found: conversation,
      now,
    },
    conversationId: conversation.id,
    input: { text, clientMessageId: key },
  });
  if (posted.duplicate) return { outcome: "duplicate", messageId: posted.message.id };
  if (keyword) {
    if (keyword !== "help") {
      await setContactConsent(db, contact.id, "sms", {
        allowed: keyword === "start",
        source: parsed.optOutType ? "twilio_opt_out" : "keyword",
        now,
      });
    }
    // Twilio already answered when it tagged the message; a second confirmation would be noise.
    const replied = !parsed.optOutType && ctx.optOutReplies;
    if (replied) {
      // A one-word text says little about its language: a local keyword names it, else the conversation's.
      const lang = detected?.lang ?? conversation.lang;
      const reply = smsText(lang, keyword, {
        city: assistant.settings.cityName,
        emergency: assistant.settings.emergencyNumber,
      });
      const [stored] = await db
        .insert(messages)
        .values({
          conversationId: conversation.id,
          role: "system",
          text: reply,
          lang,
          status: "answered",
          replyToId: posted.message.id,
          meta: { channel: "sms", keyword },
          createdAt: new Date(now.getTime() + 1),
        })
        .onConflictDoNothing()
        .returning({ id: messages.id });
      if (stored) {
        await queueOrLeaveForSweep(ctx, () =>
          ctx.enqueueDelivery("reply", { messageId: stored.id, channel: "sms", address: contact.address }),
        );
      }
    }
    return { outcome: "keyword", messageId: posted.message.id, keyword, replied };
  }
  // Nothing is ever sent to an opted-out contact, so a turn would only produce an unsent reply.
  if (optedOut) {
    // Marked, so a later START does not make the SMS sweep answer it, nor later texts wait for it.
    await db
      .update(messages)
      .set({ meta: sql`${messages.meta} || '{"noTurn": true}'::jsonb` })
      .where(eq(messages.id, posted.message.id));
    return { outcome: "opted_out", messageId: posted.message.id };
  }
  await queueOrLeaveForSweep(ctx, () => ctx.enqueueTurn(posted.message.id));
  return { outcome: "queued", messageId: posted.message.id, conversationId: conversation.id };
}

/**
 * The text is stored, so Twilio may be told so even when its job cannot be queued (Redis out of
 * reach): the SMS sweep finds stored texts without a reply, and replies without a delivery, and
 * queues them once the queue answers again. Failing the webhook instead would only make Twilio's retry
 * find a duplicate and queue nothing.
 */
async function queueOrLeaveForSweep(ctx: SmsContext, enqueue: () => Promise<void>): Promise<void> {
  try {
    await enqueue();
  } catch (error) {
    ctx.assistant.logger.warn("SMS job not queued; the SMS sweep will queue it", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
