import { eq } from "drizzle-orm";
import { contacts, conversations } from "../../db/schema";
import { respondToCitizenMessage } from "../assistant/respond-to-citizen-message";
import type { MessageView } from "../conversations/message-view";
import { connectCallerToPerson } from "./connect-caller-to-person";
import { VOICE_CHANNEL, type VoiceContext, voiceTurnKey } from "./context";
import { textCaller } from "./text-caller";

/**
 * Runs the assistant's turn on a stored spoken message (the voice turn job). The message is found by
 * its turn key, so a second run returns the first reply instead of answering twice. `afterCall` marks a
 * turn the line stopped waiting for (the sweep queued it again after its job was lost): the caller will
 * not hear the reply, so what it owes them is settled here instead (see settleAfterCall).
 */
export async function answerVoiceTurn({
  ctx,
  conversationId,
  callSid,
  turn,
  text,
  afterCall = false,
}: {
  ctx: VoiceContext;
  conversationId: string;
  callSid: string;
  turn: number;
  text: string;
  afterCall?: boolean | undefined;
}): Promise<void> {
  const answered = await respondToCitizenMessage({
    ctx: {
      deps: ctx.assistant,
      actor: { kind: "channel", channel: VOICE_CHANNEL },
      ...(ctx.now ? { now: ctx.now } : {}),
    },
    conversationId,
    input: { text, clientMessageId: voiceTurnKey(callSid, turn) },
  });
  if (afterCall) await settleAfterCall(ctx, conversationId, answered.message);
}

/**
 * What the line would have done with a reply the caller never heard: the reference of a case the turn
 * opened is texted to them, and a turn that handed the caller to a person gets a call-back case (its
 * reference texted too). Both are idempotent (one text per reference, one open call back per
 * conversation), so a job run twice, or a line that rendered the reply after all, settles them once.
 */
async function settleAfterCall(ctx: VoiceContext, conversationId: string, reply: MessageView): Promise<void> {
  const [caller] = await ctx.assistant.database.db
    .select({ contactId: contacts.id, address: contacts.address, lang: conversations.lang })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!caller) return;
  const lang = reply.lang ?? caller.lang;
  let reference: string | undefined;
  if (reply.case && (reply.status === "case_opened" || reply.status === "case_linked")) {
    reference = reply.case.reference;
  } else if (reply.status === "handoff") {
    const outcome = await connectCallerToPerson({
      ctx,
      conversationId,
      contactId: caller.contactId,
      callerNumber: caller.address,
      lang,
    });
    if (outcome.kind === "callback") reference = outcome.reference;
  }
  if (!reference) return;
  await textCaller({
    ctx,
    conversationId,
    contactId: caller.contactId,
    callerNumber: caller.address,
    lang,
    what: { kind: "reference", reference, city: ctx.cityName ?? "" },
  });
}
