import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./cases";

/**
 * Signed-in browser sessions, kept in the database so every process sees the same ones. Only the
 * SHA-256 digest of the cookie's secret is stored, so a copy of this table signs nobody in.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** Sent back by the page on every write (header or form field); a cross-site form cannot know it. */
    csrfToken: text("csrf_token").notNull(),
    /** local | oidc */
    method: text("method").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("staff_sessions_token_key").on(t.tokenHash),
    index("staff_sessions_user_idx").on(t.userId),
  ],
);

/** API tokens for integrations: shown once, stored as a digest, limited to some of the owner's roles. */
export const staffApiTokens = pgTable(
  "staff_api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    roles: text("roles").array().notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("staff_api_tokens_token_key").on(t.tokenHash),
    index("staff_api_tokens_user_idx").on(t.userId),
  ],
);
