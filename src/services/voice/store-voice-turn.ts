import { postCitizenMessage } from "../conversations/post-citizen-message";
import { VOICE_CHANNEL, type VoiceContext, voiceTurnKey } from "./context";

/**
 * Stores what the caller said, before anything else happens to it, under the call's turn key: a
 * Gather that Twilio retries stores nothing new. Returns the stored message's id and whether it
 * already has a reply.
 */
export async function storeVoiceTurn({
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
}): Promise<{ messageId: string; duplicate: boolean; answered: boolean }> {
  const posted = await postCitizenMessage({
    ctx: {
      database: ctx.assistant.database,
      actor: { kind: "channel", channel: VOICE_CHANNEL },
      languages: ctx.assistant.languages,
      ...(ctx.now ? { now: ctx.now } : {}),
    },
    conversationId,
    input: { text, clientMessageId: voiceTurnKey(callSid, turn) },
  });
  return { messageId: posted.message.id, duplicate: posted.duplicate, answered: posted.reply !== undefined };
}
