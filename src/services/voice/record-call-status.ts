import { and, desc, eq, like, sql } from "drizzle-orm";
import { z } from "zod";
import { conversationEvents, messages } from "../../db/schema";
import type { VoiceContext } from "./context";

/** Twilio's final call states; the others (queued, ringing, in-progress) say nothing lasting. */
export const FINAL_CALL_STATES = ["completed", "busy", "failed", "no-answer", "canceled"] as const;

export const RecordCallStatusInput = z.object({
  callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, "must be a Twilio call SID"),
  status: z.enum(["queued", "initiated", "ringing", "in-progress", ...FINAL_CALL_STATES]),
  /** Seconds, sent with `completed`. */
  durationSeconds: z.coerce.number().int().min(0).max(86_400).optional(),
});

export type RecordedCallStatus =
  | { outcome: "recorded"; conversationId: string }
  | { outcome: "updated"; conversationId: string }
  /** Not a final state, or a call this service never stored a word of (it hung up during the greeting). */
  | { outcome: "ignored" };

/**
 * Twilio's call status callback: a call's final state (completed with its length, busy, failed, no
 * answer, cancelled) is recorded once on the conversation the call spoke in, as a conversation event
 * staff see beside the transcript. Twilio may send the callback again; the call keeps one event.
 */
export async function recordCallStatus({
  ctx,
  input,
}: {
  ctx: Pick<VoiceContext, "assistant" | "now">;
  input: unknown;
}): Promise<RecordedCallStatus> {
  const parsed = RecordCallStatusInput.parse(input);
  if (!(FINAL_CALL_STATES as readonly string[]).includes(parsed.status)) return { outcome: "ignored" };
  const db = ctx.assistant.database.db;
  const now = ctx.now ?? new Date();
  const [spoken] = await db
    .select({ conversationId: messages.conversationId })
    .from(messages)
    .where(like(messages.idempotencyKey, `call:${parsed.callSid}:%`))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  if (!spoken) return { outcome: "ignored" };
  const reason = `twilio:${parsed.callSid}`;
  const text =
    parsed.status === "completed" && parsed.durationSeconds !== undefined
      ? `Call ${parsed.status} after ${parsed.durationSeconds} s`
      : `Call ${parsed.status}`;
  return db.transaction(async (tx) => {
    // Two deliveries of the same callback at once still leave one event for the call.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${reason}))`);
    const [existing] = await tx
      .select({ id: conversationEvents.id })
      .from(conversationEvents)
      .where(and(eq(conversationEvents.kind, "call_status"), eq(conversationEvents.reason, reason)))
      .limit(1);
    if (existing) {
      await tx
        .update(conversationEvents)
        .set({ toState: parsed.status, text })
        .where(eq(conversationEvents.id, existing.id));
      return { outcome: "updated", conversationId: spoken.conversationId } as const;
    }
    await tx.insert(conversationEvents).values({
      conversationId: spoken.conversationId,
      kind: "call_status",
      toState: parsed.status,
      actorKind: "system",
      reason,
      text,
      createdAt: now,
    });
    return { outcome: "recorded", conversationId: spoken.conversationId } as const;
  });
}
