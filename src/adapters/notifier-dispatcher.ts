import type { Logger } from "../logger";
import type { Notification, Notifier } from "../ports/notifier";

/** Channels that reach the citizen through another one: a caller hears about their case by SMS. */
const ROUTED_VIA: Record<string, string> = { voice: "sms" };

/**
 * The one Notifier the services get: it picks the adapter for the notice's channel. A channel with no
 * adapter configured (SMS without Twilio credentials) is logged and dropped, never an error.
 */
export function createNotifierDispatcher(
  adapters: Partial<Record<string, Notifier>>,
  logger?: Logger,
): Notifier {
  return {
    async notify(notification: Notification) {
      const channel = adapters[notification.channel]
        ? notification.channel
        : ROUTED_VIA[notification.channel];
      const adapter = channel ? adapters[channel] : undefined;
      if (!adapter) {
        logger?.warn("no notifier for this channel; notice not sent", {
          channel: notification.channel,
          event: notification.event,
        });
        return;
      }
      await adapter.notify({ ...notification, channel: channel ?? notification.channel });
    },
  };
}
