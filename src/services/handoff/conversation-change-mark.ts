import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/**
 * A short string that changes whenever what the staff conversation view shows changes: the owner or
 * assignee, a message of the contact on any of their conversations (the transcript spans them), an
 * owner event or a note. Null when the conversation is gone (erased).
 *
 * One indexed query reading no message text, so a live view can ask it every second and read the whole
 * conversation only when it moved. It reads the database rather than listening for notifications, so a
 * change made by any process and by any write path (web, SMS, voice, jobs, the bot's turn) is seen.
 */
export async function conversationChangeMark(db: Db, conversationId: string): Promise<string | null> {
  if (!UUID.test(conversationId)) return null;
  const result = (await db.execute(sql`
    select c.state, c.assigned_staff_id as assigned, c.updated_at::text as updated,
      m.last_message::text as last_message, m.message_count::text as message_count,
      (select count(*) from conversation_events e where e.conversation_id = c.id)::text as event_count
    from conversations c
    cross join lateral (
      select max(msg.sequence) as last_message, count(*) as message_count
      from messages msg join conversations o on o.id = msg.conversation_id
      where o.contact_id = c.contact_id
    ) m
    where c.id = ${conversationId}`)) as unknown as { rows: MarkRow[] };
  const row = result.rows[0];
  if (!row) return null;
  return [
    row.state,
    row.assigned ?? "",
    row.updated,
    row.last_message ?? "",
    row.message_count,
    row.event_count,
  ].join("|");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface MarkRow {
  state: string;
  assigned: string | null;
  updated: string;
  last_message: string | null;
  message_count: string;
  event_count: string;
}
