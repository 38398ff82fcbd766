import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./cases";
import { conversations } from "./conversations";

/**
 * Teams conversations the bot can write to unprompted: a department's channel (linked by a supervisor
 * with the `link` command) or a staff member's 1:1 chat. The Bot Framework conversation reference is
 * kept as the connector sent it, captured when the bot is installed or first messaged.
 */
export const teamsConversations = pgTable(
  "teams_conversations",
  {
    /** The Teams conversation id (a channel's root id, without any `;messageid=` suffix). */
    id: text("id").primaryKey(),
    /** channel | personal | groupChat */
    kind: text("kind").notNull(),
    reference: jsonb("reference").$type<Record<string, unknown>>().notNull(),
    tenantId: text("tenant_id"),
    /** The department whose escalations are posted here; `*` takes those with no department. */
    departmentCode: text("department_code"),
    /** For a 1:1 chat: the staff member it belongs to. */
    staffUserId: text("staff_user_id").references(() => staffUsers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("teams_conversations_department_idx").on(t.departmentCode),
    index("teams_conversations_staff_idx").on(t.staffUserId),
  ],
);

/** Which staff account a Teams user is, matched once by Entra object id or e-mail address. */
export const teamsUsers = pgTable(
  "teams_users",
  {
    /** The user's id in Teams (29:…). */
    teamsUserId: text("teams_user_id").primaryKey(),
    aadObjectId: text("aad_object_id"),
    staffUserId: text("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** aad_object_id | email */
    matchedBy: text("matched_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("teams_users_staff_idx").on(t.staffUserId)],
);

/**
 * The escalation card posted to a department channel for one handoff request, the thread under it,
 * what the card last showed, and how far the citizen's messages have been relayed into the thread.
 */
export const teamsHandoffCards = pgTable(
  "teams_handoff_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    handoffRequestedAt: timestamp("handoff_requested_at", { withTimezone: true }).notNull(),
    teamsConversationId: text("teams_conversation_id").notNull(),
    /** The card's activity id once posted; replies under it form the thread. */
    activityId: text("activity_id"),
    /** posting | posted | failed */
    status: text("status").notNull().default("posting"),
    /** The owner and assignee the card shows, so a change elsewhere refreshes it. */
    shownState: text("shown_state").notNull().default("waiting"),
    shownStaffId: text("shown_staff_id"),
    /** The last citizen message sequence relayed into the thread. */
    relayedSequence: integer("relayed_sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("teams_handoff_cards_request_key").on(t.conversationId, t.handoffRequestedAt),
    index("teams_handoff_cards_activity_idx").on(t.activityId),
  ],
);
