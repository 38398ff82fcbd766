import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { messages } from "../../db/schema";

export type MessageRow = typeof messages.$inferSelect;

/** The bot's reply to a citizen message, if one was stored. */
export async function findReply(db: Db, citizenMessageId: string): Promise<MessageRow | undefined> {
  const [reply] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.replyToId, citizenMessageId), inArray(messages.role, ["assistant", "system"])))
    .limit(1);
  return reply;
}
