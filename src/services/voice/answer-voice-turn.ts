import { respondToCitizenMessage } from "../assistant/respond-to-citizen-message";
import { VOICE_CHANNEL, type VoiceContext, voiceTurnKey } from "./context";

/**
 * Runs the assistant's turn on a stored spoken message (the voice turn job). The message is found by
 * its turn key, so a second run returns the first reply instead of answering twice.
 */
export async function answerVoiceTurn({
  ctx,
  conversationId,
  callSid,
  turn,
  text,
}: {
  ctx: VoiceContext;
  conversationId: string;
  callSid: string;
  turn: number;
  text: string;
}): Promise<void> {
  await respondToCitizenMessage({
    ctx: {
      deps: ctx.assistant,
      actor: { kind: "channel", channel: VOICE_CHANNEL },
      ...(ctx.now ? { now: ctx.now } : {}),
    },
    conversationId,
    input: { text, clientMessageId: voiceTurnKey(callSid, turn) },
  });
}
