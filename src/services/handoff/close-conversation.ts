import { z } from "zod";
import type { HandoffContext } from "./context";
import type { HandoffSummary } from "./handoff-view";
import { releaseConversation } from "./release-conversation";

export const CloseConversationInput = z.object({
  conversationId: z.string(),
  reason: z.string().trim().min(1).max(500).default("resolved"),
});

/** Staff end the conversation: it leaves the queue, and the citizen's next text starts a new one. */
export async function closeConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const parsed = CloseConversationInput.parse(input);
  return releaseConversation(ctx, { ...parsed, to: "closed", action: "conversation.close" });
}
