import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { Notification, Notifier } from "../ports/notifier";
import type { EnqueueDelivery } from "../services/deliveries/context";
import { queueOutboundMessage } from "../services/deliveries/queue-outbound-message";

/**
 * SMS notices: a `system` message in the contact's conversation, then a `deliver.notification` job that
 * sends it (consent checked at send time). Callers on the voice line hear about their cases this way too.
 */
export function createSmsNotifier(deps: {
  database: Database;
  enqueueDelivery: EnqueueDelivery;
  logger?: Logger;
}): Notifier {
  return {
    async notify(notification: Notification) {
      const id = await queueOutboundMessage({
        ctx: { database: deps.database, enqueueDelivery: deps.enqueueDelivery },
        input: {
          contactId: notification.contactId,
          conversationId: notification.conversationId ?? null,
          channel: "sms",
          text: notification.text,
          lang: notification.lang,
          kind: "notification",
          event: notification.event,
          ...(notification.caseReference ? { caseReference: notification.caseReference } : {}),
        },
      });
      if (!id)
        deps.logger?.warn("no conversation to send the SMS notice from", { event: notification.event });
    },
  };
}
