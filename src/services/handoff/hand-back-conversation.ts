import { z } from "zod";
import { DomainError } from "../../domain/errors";
import type { HandoffContext } from "./context";
import type { HandoffSummary } from "./handoff-view";
import { releaseConversation } from "./release-conversation";

export const HandBackInput = z.object({
  conversationId: z.string(),
  reason: z.string().trim().min(1).max(500).default("staff_hand_back"),
});

/**
 * The only way back to the bot: staff hand the conversation back and the bot answers the citizen's
 * next message, with what staff said in its history.
 */
export async function handBackConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const parsed = HandBackInput.parse(input);
  return releaseConversation(ctx, {
    ...parsed,
    to: "bot",
    action: "conversation.hand_back",
    refuse: (conversation) => {
      if (conversation.state === "closed") throw new DomainError("conflict", "This conversation is closed.");
    },
  });
}
