import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "../../db/schema";
import { type CaseContext, requireStaff } from "./context";

export const ListCaseAuditInput = z.object({ reference: z.string().trim().min(1) });

export interface AuditEntryView {
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  details: Record<string, unknown>;
  requestId: string | null;
}

/** Who read or changed a case: for admins answering a citizen's or an auditor's question. */
export async function listCaseAudit({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<AuditEntryView[]> {
  requireStaff(ctx.actor, ["admin"]);
  const { reference } = ListCaseAuditInput.parse(input);
  const rows = await ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "case"), eq(auditLog.subjectId, reference.toUpperCase())))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => ({
    at: r.createdAt.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    action: r.action,
    details: r.details,
    requestId: r.requestId,
  }));
}
