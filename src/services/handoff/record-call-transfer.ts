import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conversationEvents, messages } from "../../db/schema";
import { redactPii } from "../guardrails/redact-pii";
import { lockConversation } from "./context";
import { extractiveSummary } from "./get-staff-conversation";
import { announceHandoffActivity } from "./handoff-activity";
import { markHandoff } from "./request-handoff";

/** Who the note is from, as the console shows a note's author. */
export const VOICE_LINE_ACTOR = "voice line";

/** The most messages of the call the summary is drawn from. */
const CALL_MESSAGES = 200;

const ROLE_NAMES: Record<string, string> = { citizen: "Caller", assistant: "Assistant", staff: "Staff" };

const WHY: Record<string, string> = {
  voice_agent: "the caller asked for a person",
  voice_no_input: "the line could not hear the caller",
};

/**
 * A call put through by phone to the contact centre. The person who answers is a staff member taking the
 * conversation, so it is handled like any request for a person: it is queued with its reason (one
 * already waiting or held keeps its owner and reason), and the voice line leaves a note on it saying
 * where the call went and what was said, in the staff console's extractive summary of the call. The
 * console's conversation view shows the note beside the transcript and its own summary; the queue and the
 * Teams card show the reason. A retried webhook that would write the same note again writes none.
 */
export async function recordCallTransfer(
  db: Db,
  input: { conversationId: string; reason: string; transferredTo: string; now: Date },
): Promise<void> {
  await markHandoff(db, input.conversationId, input.reason, input.now, {
    kind: "system",
    name: VOICE_LINE_ACTOR,
  });
  const recorded = await db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, input.conversationId);
    const rows = await tx
      .select({ role: messages.role, text: messages.text })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversation.id),
          inArray(messages.role, ["citizen", "assistant", "staff"]),
        ),
      )
      .orderBy(desc(messages.sequence))
      .limit(CALL_MESSAGES);
    const summary = extractiveSummary(
      rows.reverse().map((m) => ({ role: m.role, text: redactPii(m.text).text })),
    );
    const reason = conversation.handoffReason ?? input.reason;
    const why = WHY[reason] ?? `reason: ${reason}`;
    const said = summary.lines
      .map((line) => `${ROLE_NAMES[line.role] ?? line.role}: ${line.text}`)
      .join(" / ");
    const text = `Call put through to ${input.transferredTo} (${why}). Summary of the call: ${said || "nothing was said."}`;
    const [last] = await tx
      .select({ text: conversationEvents.text })
      .from(conversationEvents)
      .where(
        and(
          eq(conversationEvents.conversationId, conversation.id),
          eq(conversationEvents.kind, "note"),
          eq(conversationEvents.actorKind, "system"),
          eq(conversationEvents.actorId, VOICE_LINE_ACTOR),
        ),
      )
      .orderBy(desc(conversationEvents.createdAt))
      .limit(1);
    if (last?.text === text) return false;
    await tx.insert(conversationEvents).values({
      conversationId: conversation.id,
      kind: "note",
      actorKind: "system",
      actorId: VOICE_LINE_ACTOR,
      reason,
      text,
      createdAt: input.now,
    });
    return true;
  });
  if (recorded) announceHandoffActivity(input.conversationId);
}
