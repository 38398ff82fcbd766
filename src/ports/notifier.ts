/** Dotted ids of the things a citizen is told about. */
export type NotificationEvent = "case.opened" | "case.linked" | "case.status_change" | "case.note";

export interface Notification {
  contactId: string;
  /** The conversation to post into, when the channel has one (web chat, Teams). */
  conversationId?: string | null;
  channel: string;
  lang: string;
  text: string;
  event: NotificationEvent;
  /** The case the notice is about, for channel adapters that link to it. */
  caseReference?: string;
}

/** Sends a message to a citizen on the channel they used. */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}
