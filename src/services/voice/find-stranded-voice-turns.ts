import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

/** A spoken turn stored with no reply, as the voice turn job needs it again. */
export interface StrandedVoiceTurn {
  messageId: string;
  conversationId: string;
  callSid: string;
  turn: number;
  /** The turn as stored (redacted); the job finds the stored message by its key, not by this text. */
  text: string;
}

export interface FindStrandedVoiceTurnsOptions {
  database: Database;
  now?: Date;
  /**
   * Younger turns may still be the line's to answer: the caller's poll waits for them (default 30 s,
   * longer than the line waits before it says the answer is taking too long).
   */
  minAgeMs?: number;
  /** Older turns are left alone (default 6 h). */
  lookbackMs?: number;
  /** Most turns per sweep (default 500). */
  limit?: number;
}

/**
 * Spoken turns PostgreSQL holds and no job will answer: the caller's words were stored under the
 * call's turn key, but the `voice.turn` job was lost (Redis came back empty, the process died) or gave
 * up. Only the last thing said in a conversation counts: when the caller spoke again after it, the line
 * had already moved on, and answering the older turn now would answer out of order.
 */
export async function findStrandedVoiceTurns(
  options: FindStrandedVoiceTurnsOptions,
): Promise<StrandedVoiceTurn[]> {
  const now = options.now ?? new Date();
  const youngest = new Date(now.getTime() - (options.minAgeMs ?? 30_000)).toISOString();
  const oldest = new Date(now.getTime() - (options.lookbackMs ?? 6 * 3_600_000)).toISOString();
  const result = (await options.database.db.execute(sql`
    select m.id, m.conversation_id, m.idempotency_key, m.text from messages m
      join conversations c on c.id = m.conversation_id
     where c.channel = 'voice' and m.role = 'citizen' and m.idempotency_key like 'call:%'
       and m.created_at < ${youngest}::timestamptz and m.created_at > ${oldest}::timestamptz
       and not exists (select 1 from messages r where r.reply_to_id = m.id and r.role in ('assistant', 'system'))
       and not exists (select 1 from messages l where l.conversation_id = m.conversation_id
                        and l.role = 'citizen' and l.sequence > m.sequence)
     order by m.created_at
     limit ${options.limit ?? 500}`)) as unknown as {
    rows: { id: string; conversation_id: string; idempotency_key: string; text: string }[];
  };
  const turns: StrandedVoiceTurn[] = [];
  for (const row of result.rows) {
    // The key is `call:<CallSid>:<turn>` (voiceTurnKey); a CallSid holds no colon.
    const match = /^call:([^:]+):(\d+)$/.exec(row.idempotency_key);
    if (!match || !row.text) continue;
    turns.push({
      messageId: row.id,
      conversationId: row.conversation_id,
      callSid: match[1]!,
      turn: Number(match[2]),
      text: row.text,
    });
  }
  return turns;
}
