import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { conversations, messages } from "../db/schema";
import type { Logger } from "../logger";
import type { Notification, Notifier } from "../ports/notifier";

/**
 * Web chat notices: a `system` message in the citizen's conversation, which the chat shows on its next
 * fetch. Other channels (SMS, voice, Teams) need their own adapters; here they are only logged.
 */
export function createWebNotifier(database: Database, logger?: Logger): Notifier {
  return {
    async notify(notification: Notification) {
      if (notification.channel !== "web") {
        logger?.warn("no notifier for this channel; notice not sent", {
          channel: notification.channel,
          event: notification.event,
        });
        return;
      }
      const conversationId =
        notification.conversationId ?? (await findLatestConversation(database, notification));
      if (!conversationId) {
        logger?.warn("no conversation to post the notice into", { event: notification.event });
        return;
      }
      await database.db.transaction(async (tx) => {
        await tx.insert(messages).values({
          conversationId,
          role: "system",
          text: notification.text,
          lang: notification.lang,
          meta: { event: notification.event, caseReference: notification.caseReference ?? null },
        });
        await tx
          .update(conversations)
          .set({ updatedAt: sql`now()` })
          .where(eq(conversations.id, conversationId));
      });
    },
  };
}

async function findLatestConversation(database: Database, notification: Notification) {
  const [row] = await database.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, notification.contactId), eq(conversations.channel, "web")))
    .orderBy(desc(conversations.updatedAt))
    .limit(1);
  return row?.id;
}
