import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts, messages } from "./conversations";

/** One try at handing a message to a channel provider, and what came of it. */
export interface DeliveryAttempt {
  at: string;
  /** sent | found (taken by the provider, found after a cut-off send) | failed | blocked | status:<provider status> */
  outcome: string;
  code?: string;
  error?: string;
  providerId?: string;
}

/**
 * An outbound message (reply or notice) on its way to a citizen over a channel that is not the web chat.
 * One row per message: a retried job finds it and never sends twice.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** reply | notification */
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    /** E.164 number (SMS) or the channel's own address. */
    address: text("address").notNull(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    caseReference: text("case_reference"),
    /** pending | sending (claimed, the provider being called) | sent | delivered | undelivered | failed | blocked */
    state: text("state").notNull().default("pending"),
    /** The provider's id for the sent message (Twilio MessageSid). */
    providerId: text("provider_id"),
    errorCode: text("error_code"),
    attempts: jsonb("attempts").$type<DeliveryAttempt[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_message_key").on(t.messageId),
    index("deliveries_provider_idx").on(t.providerId),
  ],
);
