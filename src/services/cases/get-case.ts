import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import { caseEvents, caseFollowers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { type CaseEventView, type CaseView, loadCaseByReference, toCaseView, toEventView } from "./case-view";
import { CASE_WORKER_ROLES, type CaseContext, requireStaff } from "./context";
import { recordAudit } from "./record-audit";

export const GetCaseInput = z.object({ reference: z.string().trim().min(1) });

export interface CaseDetail {
  case: CaseView;
  history: CaseEventView[];
  /** Other citizens whose reports were linked to this case. */
  followers: number;
}

/** A case with its full history, for staff; the read itself is audited. */
export async function getCase({ ctx, input }: { ctx: CaseContext; input: unknown }): Promise<CaseDetail> {
  const actor = requireStaff(ctx.actor, CASE_WORKER_ROLES);
  const { reference } = GetCaseInput.parse(input);
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await loadCaseByReference(tx, reference);
    if (!loaded) throw new DomainError("not_found", `No case ${reference}.`);
    const events = await tx
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, loaded.case.id))
      .orderBy(asc(caseEvents.sequence));
    const [followers] = await tx
      .select({ n: count() })
      .from(caseFollowers)
      .where(eq(caseFollowers.caseId, loaded.case.id));
    await recordAudit(tx, actor, ctx.requestId, {
      action: "case.read",
      subjectType: "case",
      subjectId: loaded.case.reference,
    });
    return {
      case: toCaseView(loaded.case, loaded.serviceNames),
      history: events.map(toEventView),
      followers: followers?.n ?? 0,
    };
  });
}
