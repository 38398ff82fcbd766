import type { Database } from "../../db/client";
import type { Actor } from "../cases/context";
import type { SummaryCache } from "../handoff/summarize-conversation";

export interface PrivacyContext {
  database: Database;
  actor: Actor;
  /** The request's id, copied into audit rows. */
  requestId?: string;
  /** Injected clock; tests pass their own. */
  now?: Date;
  /** This process's generated conversation summaries: an erasure drops the contact's at once. */
  summaryCache?: Pick<SummaryCache, "forgetContact"> | undefined;
}

/** How long each kind of personal data is kept; 0 keeps it (no purge of that kind). */
export interface RetentionPolicy {
  /** Unredacted copies a channel keeps in a message's `meta.raw` (e.g. for a delivery dispute). */
  rawTextDays: number;
  /** Conversations, their redacted messages and intakes, counted from the last message; then idle contacts. */
  messagesDays: number;
  /** Voice call transcripts (messages of voice conversations) and recording links (`meta.recordingUrl`). */
  recordingsDays: number;
  /** Resolved or closed cases are anonymised this long after they ended. */
  casesDays: number;
  auditDays: number;
  /** Rate-limit windows (they hold client addresses and contact ids). */
  rateLimitHours: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  rawTextDays: 30,
  messagesDays: 365,
  recordingsDays: 30,
  casesDays: 730,
  auditDays: 730,
  rateLimitHours: 24,
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
