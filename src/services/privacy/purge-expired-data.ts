import { and, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { auditLog, cases, contacts, conversations, messages, rateLimits } from "../../db/schema";
import { anonymiseCases } from "./anonymise-cases";
import type { RetentionPolicy } from "./context";

export interface PurgeCounts {
  rawTexts: number;
  recordings: number;
  conversations: number;
  contacts: number;
  casesAnonymised: number;
  auditEntries: number;
  rateLimitRows: number;
}

const DAY_MS = 86_400_000;
/** Rows handled per statement, so one purge never holds a long lock on a large table. */
const BATCH = 5_000;

/**
 * Removes what has outlived its retention period (a kind with 0 days is kept). Idempotent: a second run
 * finds nothing more, so two processes running it at once only repeat each other's work.
 */
export async function purgeExpiredData({
  database,
  retention,
  now,
}: {
  database: Database;
  retention: RetentionPolicy;
  now: Date;
}): Promise<PurgeCounts> {
  const db = database.db;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const counts: PurgeCounts = {
    rawTexts: 0,
    recordings: 0,
    conversations: 0,
    contacts: 0,
    casesAnonymised: 0,
    auditEntries: 0,
    rateLimitRows: 0,
  };

  if (retention.rawTextDays > 0) {
    const rows = await db
      .update(messages)
      .set({ meta: sql`${messages.meta} - 'raw'` })
      .where(and(sql`${messages.meta} ? 'raw'`, lt(messages.createdAt, before(retention.rawTextDays))))
      .returning({ id: messages.id });
    counts.rawTexts = rows.length;
  }

  if (retention.recordingsDays > 0) {
    const cutoff = before(retention.recordingsDays);
    const voice = db
      .select({ id: conversations.id })
      .from(conversations)
      .where(sql`${conversations.channel} = 'voice'`);
    const deleted = await db
      .delete(messages)
      .where(and(inArray(messages.conversationId, voice), lt(messages.createdAt, cutoff)))
      .returning({ id: messages.id });
    const links = await db
      .update(messages)
      .set({ meta: sql`${messages.meta} - 'recordingUrl'` })
      .where(and(sql`${messages.meta} ? 'recordingUrl'`, lt(messages.createdAt, cutoff)))
      .returning({ id: messages.id });
    counts.recordings = deleted.length + links.length;
  }

  if (retention.messagesDays > 0) {
    const cutoff = before(retention.messagesDays);
    // A conversation goes whole once its last message (or its start, when it has none) is past retention.
    for (;;) {
      const stale = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            lt(conversations.updatedAt, cutoff),
            sql`not exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and m.created_at >= ${cutoff.toISOString()}::timestamptz)`,
            // Notices about a case still open go to its conversation.
            sql`not exists (select 1 from ${cases} k where k.conversation_id = ${conversations.id} and k.status not in ('resolved', 'closed'))`,
          ),
        )
        .limit(BATCH);
      if (stale.length === 0) break;
      await db.delete(conversations).where(
        inArray(
          conversations.id,
          stale.map((s) => s.id),
        ),
      );
      counts.conversations += stale.length;
      if (stale.length < BATCH) break;
    }
    // A contact with nothing left (no conversation, no case, no following) is not kept for its own sake.
    const idle = await db
      .delete(contacts)
      .where(
        and(
          lt(contacts.createdAt, cutoff),
          sql`not exists (select 1 from ${conversations} c where c.contact_id = ${contacts.id})`,
          sql`not exists (select 1 from ${cases} k where k.contact_id = ${contacts.id})`,
          sql`not exists (select 1 from case_followers f where f.contact_id = ${contacts.id})`,
        ),
      )
      .returning({ id: contacts.id });
    counts.contacts = idle.length;
  }

  if (retention.casesDays > 0) {
    const cutoff = before(retention.casesDays);
    for (;;) {
      const ended = await db
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            inArray(cases.status, ["resolved", "closed"]),
            lt(sql`coalesce(${cases.closedAt}, ${cases.resolvedAt}, ${cases.updatedAt})`, cutoff),
            or(isNotNull(cases.contactId), sql`${cases.description} <> ''`, isNotNull(cases.addressString)),
          ),
        )
        .limit(BATCH);
      if (ended.length === 0) break;
      counts.casesAnonymised += await db.transaction((tx) =>
        anonymiseCases(
          tx,
          ended.map((c) => c.id),
          now,
          "retention",
        ),
      );
      if (ended.length < BATCH) break;
    }
  }

  if (retention.auditDays > 0) {
    const rows = await db
      .delete(auditLog)
      .where(lt(auditLog.createdAt, before(retention.auditDays)))
      .returning({ id: auditLog.id });
    counts.auditEntries = rows.length;
  }

  const windows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - retention.rateLimitHours * 3_600_000)))
    .returning({ key: rateLimits.key });
  counts.rateLimitRows = windows.length;
  return counts;
}
