import { and, desc, eq, inArray, lt, notInArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { cases, services, slaTimerFirings } from "../../db/schema";
import { Priority } from "../catalogue/catalogue-files";
import { CaseStatus } from "./case-status";
import { type CaseView, toCaseView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).min(1));

export const ListCasesInput = z.object({
  status: commaList(CaseStatus).optional(),
  priority: commaList(Priority).optional(),
  department: z.string().trim().min(1).optional(),
  serviceCode: z.string().trim().min(1).optional(),
  /** "me" stands for the signed-in staff user. */
  assignee: z.string().trim().min(1).optional(),
  /**
   * "breached": the staff's overdue work list, cases not yet resolved or closed whose SLA breach
   * fired on any clock (first response, next response or resolution), as recorded by the timers.
   */
  sla: z.enum(["breached"]).optional(),
  /** Keyset paging: cases created strictly before this time. */
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export interface CaseList {
  cases: CaseView[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}

/** The staff work list, newest first; the listing is audited with its filters. */
export async function listCases({ ctx, input }: { ctx: CaseContext; input: unknown }): Promise<CaseList> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const filters = ListCasesInput.parse(input);
  const where: SQL[] = [];
  if (filters.status) where.push(inArray(cases.status, filters.status));
  if (filters.priority) where.push(inArray(cases.priority, filters.priority));
  if (filters.department) where.push(eq(cases.departmentCode, filters.department));
  if (filters.serviceCode) where.push(eq(cases.serviceCode, filters.serviceCode));
  if (filters.assignee)
    where.push(eq(cases.assigneeId, filters.assignee === "me" ? actor.userId : filters.assignee));
  if (filters.before) where.push(lt(cases.createdAt, new Date(filters.before)));
  if (filters.sla === "breached") {
    where.push(notInArray(cases.status, ["resolved", "closed"]));
    where.push(
      sql`exists (select 1 from ${slaTimerFirings} where ${slaTimerFirings.caseId} = ${cases.id} and ${slaTimerFirings.kind} = 'sla.breach')`,
    );
  }

  return ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ case: cases, serviceNames: services.names })
      .from(cases)
      .innerJoin(services, eq(services.code, cases.serviceCode))
      .where(and(...where))
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(filters.limit + 1);
    const page = rows.slice(0, filters.limit);
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.list",
      subjectType: "case",
      subjectId: null,
      details: { filters, returned: page.length },
    });
    const last = page.at(-1);
    return {
      cases: page.map((r) => toCaseView(r.case, r.serviceNames)),
      nextBefore: rows.length > filters.limit && last ? last.case.createdAt.toISOString() : null,
    };
  });
}
