import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import { type Actor, actorColumns } from "./context";

export interface AuditEntry {
  /** Dotted id: case.read, case.list, case.status_change ... */
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

/** One row per staff read or change of citizen data, written in the same transaction as the change. */
export async function recordAudit(tx: Db, actor: Actor, requestId: string | undefined, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    ...actorColumns(actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? {},
    requestId: requestId ?? null,
  });
}
