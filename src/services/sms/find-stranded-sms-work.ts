import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type DeliveryKind, type DeliveryTarget, STALE_CLAIM_MS } from "../deliveries/context";

export interface StrandedSmsWork {
  /** Stored inbound texts that should have had a turn and have no reply. */
  turns: string[];
  /**
   * Stored SMS replies and notices that no delivery job picked up, or whose delivery was left pending
   * (its job lost with a Redis that came back empty).
   */
  deliveries: { kind: DeliveryKind; target: DeliveryTarget }[];
}

export interface FindStrandedSmsWorkOptions {
  database: Database;
  now?: Date;
  /** Younger work may still be in the queue's hands; left for the next sweep (default 20 s). */
  minAgeMs?: number;
  /** Older work is left alone: nobody waits for a reply a day late (default 6 h). */
  lookbackMs?: number;
  /** Most items of each kind per sweep (default 500). */
  limit?: number;
  /** A send claimed longer ago and never recorded is settled again (default STALE_CLAIM_MS). */
  staleClaimMs?: number;
}

/**
 * SMS work that PostgreSQL holds but no job will finish: an inbound text stored while its `sms.turn`
 * job could not be queued (Redis out of reach) or whose job gave up (the database out of reach on
 * every try), a reply or notice stored but never handed to a delivery job, and a send claimed by a job
 * that died calling the provider (its delivery settles it by asking the provider). Keywords (STOP, HELP…)
 * and texts from contacts who opted out never get a turn, so they are not stranded.
 */
export async function findStrandedSmsWork(options: FindStrandedSmsWorkOptions): Promise<StrandedSmsWork> {
  const now = options.now ?? new Date();
  const youngest = new Date(now.getTime() - (options.minAgeMs ?? 20_000)).toISOString();
  const oldest = new Date(now.getTime() - (options.lookbackMs ?? 6 * 3_600_000)).toISOString();
  const staleClaim = new Date(now.getTime() - (options.staleClaimMs ?? STALE_CLAIM_MS)).toISOString();
  const limit = options.limit ?? 500;
  const db = options.database.db;
  const turns = (await db.execute(sql`
    select m.id from messages m
      join conversations c on c.id = m.conversation_id
      join contacts k on k.id = c.contact_id
     where m.role = 'citizen' and m.meta->>'channel' = 'sms' and not (m.meta ? 'keyword')
       and not (m.meta ? 'noTurn')
       and m.created_at < ${youngest}::timestamptz and m.created_at > ${oldest}::timestamptz
       and coalesce(k.consent->>'sms', 'true') <> 'false'
       and not exists (select 1 from messages r where r.reply_to_id = m.id and r.role in ('assistant', 'system'))
     order by m.created_at
     limit ${limit}`)) as unknown as { rows: { id: string }[] };
  const deliveries = (await db.execute(sql`
    select m.id, k.address, m.meta->>'event' as event, m.meta->>'caseReference' as case_reference
      from messages m
      join conversations c on c.id = m.conversation_id
      join contacts k on k.id = c.contact_id
     where m.role in ('assistant', 'system') and m.meta->>'channel' = 'sms'
       and coalesce(m.status, '') <> 'held'
       and m.created_at < ${youngest}::timestamptz and m.created_at > ${oldest}::timestamptz
       and not exists (select 1 from deliveries d where d.message_id = m.id
                        and (d.state not in ('pending', 'sending')
                             or (d.state = 'pending' and d.updated_at >= ${youngest}::timestamptz)
                             or (d.state = 'sending' and d.updated_at >= ${staleClaim}::timestamptz)))
     order by m.created_at
     limit ${limit}`)) as unknown as {
    rows: { id: string; address: string; event: string | null; case_reference: string | null }[];
  };
  return {
    turns: turns.rows.map((row) => row.id),
    deliveries: deliveries.rows.map((row) => ({
      kind: row.event ? "notification" : "reply",
      target: {
        messageId: row.id,
        channel: "sms",
        address: row.address,
        ...(row.case_reference ? { caseReference: row.case_reference } : {}),
      },
    })),
  };
}
