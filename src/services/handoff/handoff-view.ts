import type { ConversationRow } from "../conversations/context";

/** A conversation as the handoff queue and its verbs show it to staff. */
export interface HandoffSummary {
  id: string;
  channel: string;
  lang: string;
  state: string;
  assignedStaffId: string | null;
  reason: string | null;
  handoffRequestedAt: string | null;
  /** Seconds since the citizen was queued for a person; null when never queued. */
  waitingSeconds: number | null;
}

export function toHandoffSummary(row: ConversationRow, now: Date): HandoffSummary {
  return {
    id: row.id,
    channel: row.channel,
    lang: row.lang,
    state: row.state,
    assignedStaffId: row.assignedStaffId,
    reason: row.handoffReason,
    handoffRequestedAt: row.handoffRequestedAt?.toISOString() ?? null,
    waitingSeconds: row.handoffRequestedAt
      ? Math.max(0, Math.round((now.getTime() - row.handoffRequestedAt.getTime()) / 1000))
      : null,
  };
}
