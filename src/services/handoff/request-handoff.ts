import type { Db } from "../../db/client";
import { isWithStaff } from "../conversations/context";
import { changeOwner, type HandoffContext, lockConversation } from "./context";

/**
 * Queues a conversation for a person (the citizen asked, the bot failed twice, a caller said "agent",
 * or staff flagged it). One already waiting or held keeps its owner. Returns the state afterwards.
 */
export async function markHandoff(
  db: Db,
  conversationId: string,
  reason: string,
  now: Date,
  actor: HandoffContext["actor"] = { kind: "system", name: "assistant" },
): Promise<string> {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (isWithStaff(conversation.state)) return conversation.state;
    const moved = await changeOwner(tx, { actor }, conversation, { to: "waiting", reason, now });
    return moved.state;
  });
}
