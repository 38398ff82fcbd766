import { type Context, Hono } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { Notifier } from "../../ports/notifier";
import { addCaseAttachment } from "../../services/cases/add-case-attachment";
import { addCaseNote } from "../../services/cases/add-case-note";
import { assignCase } from "../../services/cases/assign-case";
import { changeCaseStatus } from "../../services/cases/change-case-status";
import { CASE_WORKER_ROLES, type CaseContext, type CaseSettings } from "../../services/cases/context";
import { getCase } from "../../services/cases/get-case";
import { listCaseAudit } from "../../services/cases/list-case-audit";
import { listCases } from "../../services/cases/list-cases";
import { openCase } from "../../services/cases/open-case";
import { setCasePriority } from "../../services/cases/set-case-priority";
import { limitBody, readJsonBody } from "../body";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";

/** A case with a 4000-character description and its attributes fits many times over. */
const MAX_STAFF_BODY_BYTES = 64 * 1024;

export interface StaffCasesDeps {
  database: Database;
  notifier: Notifier;
  logger: Logger;
  staffTokens: StaffTokenEntry[];
  settings?: CaseSettings;
  /** Where SLA timers are queued after a change. */
  jobQueue?: JobQueue;
}

/** The staff API for cases under /v1/staff/cases; the verbs check roles again and write the audit log. */
export function staffCasesRoutes(deps: StaffCasesDeps) {
  const app = new Hono<StaffEnv>();
  const ctx = (c: Context<StaffEnv>): CaseContext => ({
    database: deps.database,
    notifier: deps.notifier,
    logger: deps.logger,
    actor: c.var.staff,
    requestId: c.var.requestId,
    ...(deps.settings ? { settings: deps.settings } : {}),
    ...(deps.jobQueue ? { jobQueue: deps.jobQueue } : {}),
  });
  const caseWorkers = allowRoles(...CASE_WORKER_ROLES);

  // The token is checked before the body is read; the body is then capped while it streams.
  app.use("/v1/staff/cases", staffAuth(deps.staffTokens), limitBody(MAX_STAFF_BODY_BYTES));
  app.use("/v1/staff/cases/*", staffAuth(deps.staffTokens), limitBody(MAX_STAFF_BODY_BYTES));

  app.get("/v1/staff/cases", caseWorkers, async (c) =>
    c.json(await listCases({ ctx: ctx(c), input: c.req.query() })),
  );

  app.post("/v1/staff/cases", caseWorkers, async (c) => {
    const result = await openCase({ ctx: ctx(c), input: { channel: "staff", ...(await readJsonObject(c)) } });
    return c.json(result, result.outcome === "opened" ? 201 : 200);
  });

  app.get("/v1/staff/cases/:reference", caseWorkers, async (c) =>
    c.json(await getCase({ ctx: ctx(c), input: { reference: c.req.param("reference") } })),
  );

  const action = (path: string, verb: (args: { ctx: CaseContext; input: unknown }) => Promise<unknown>) =>
    app.post(`/v1/staff/cases/:reference/${path}`, caseWorkers, async (c) => {
      const body = await readJsonObject(c);
      return c.json(await verb({ ctx: ctx(c), input: { ...body, reference: c.req.param("reference") } }));
    });
  action("status", changeCaseStatus);
  action("assign", assignCase);
  action("priority", setCasePriority);
  action("attachments", addCaseAttachment);
  app.post("/v1/staff/cases/:reference/notes", caseWorkers, async (c) => {
    const body = await readJsonObject(c);
    const note = await addCaseNote({ ctx: ctx(c), input: { ...body, reference: c.req.param("reference") } });
    return c.json(note, 201);
  });

  app.get("/v1/staff/cases/:reference/audit", allowRoles("admin"), async (c) =>
    c.json({ entries: await listCaseAudit({ ctx: ctx(c), input: { reference: c.req.param("reference") } }) }),
  );
  return app;
}

async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readJsonBody(c);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new DomainError("invalid_input", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}
