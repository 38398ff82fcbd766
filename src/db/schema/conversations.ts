import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A citizen identity on one channel address (web session, phone number, Teams user). */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").notNull(),
    /** Channel address: web session id, E.164 phone number, Teams user id. */
    address: text("address").notNull(),
    name: text("name"),
    preferredLanguage: text("preferred_language"),
    consent: jsonb("consent").$type<Record<string, boolean>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("contacts_channel_address_key").on(t.channel, t.address)],
);

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    /** Who owns the conversation: bot, waiting (queued for a person), human (held by staff), closed. */
    state: text("state").notNull().default("bot"),
    assignedStaffId: text("assigned_staff_id"),
    /** SHA-256 of the bearer token that authorises this conversation; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    /** When the citizen (or the assistant on their behalf) asked for a person, and why. */
    handoffRequestedAt: timestamp("handoff_requested_at", { withTimezone: true }),
    handoffReason: text("handoff_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_contact_idx").on(t.contactId)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** citizen | assistant | staff | system */
    role: text("role").notNull(),
    /** Redacted text: what every model, log and staff view sees. */
    text: text("text").notNull(),
    lang: text("lang"),
    /** Turn outcome for assistant messages (answered, no_answer, handoff, case_opened, blocked_*...). */
    status: text("status"),
    citations: jsonb("citations")
      .$type<{ articleId: string; title: string; url: string }[]>()
      .notNull()
      .default([]),
    /** Per-channel idempotency key (web clientMessageId, Twilio MessageSid, Bot Framework activity id). */
    idempotencyKey: text("idempotency_key"),
    /** For an assistant reply: the citizen message it answers. */
    replyToId: uuid("reply_to_id"),
    feedback: integer("feedback"),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    sequence: integer("sequence").generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    // The SMS sweep's window of recent SMS traffic (texts without a reply, replies without a delivery).
    index("messages_sms_created_idx").on(t.createdAt).where(sql`${t.meta}->>'channel' = 'sms'`),
    uniqueIndex("messages_idempotency_key")
      .on(t.conversationId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // One bot reply per citizen message, even when two retries are processed at the same time.
    uniqueIndex("messages_reply_to_key")
      .on(t.replyToId)
      .where(sql`${t.replyToId} is not null and ${t.role} in ('assistant', 'system')`),
  ],
);

/**
 * The conversation's ownership history and staff notes: every change of owner with who, when and
 * why, and private notes staff leave for each other (never shown to the citizen).
 */
export const conversationEvents = pgTable(
  "conversation_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** owner_changed | note */
    kind: text("kind").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    /** citizen | assistant | staff | system */
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    reason: text("reason"),
    text: text("text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversation_events_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** Fixed-window request counters shared by every process (per contact, per client IP). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});
