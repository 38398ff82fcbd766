import { type Context, Hono } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { PrivacyContext } from "../../services/privacy/context";
import { eraseContact } from "../../services/privacy/erase-contact";
import { exportContactData } from "../../services/privacy/export-contact-data";
import { findContacts } from "../../services/privacy/find-contacts";
import { renderContactExport } from "../../services/privacy/render-contact-export";
import { limitBody, readJsonBody } from "../body";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";

const MAX_BODY_BYTES = 4 * 1024;

export interface StaffPrivacyDeps {
  database: Database;
  staffTokens: StaffTokenEntry[];
  /** The generated summaries of this process (the console's and the Teams cards'): an erasure drops the contact's. */
  summaryCache?: PrivacyContext["summaryCache"];
}

/**
 * Subject access and erasure for admins, after they have checked the citizen's identity outside the
 * chat. Every call is audited by the verbs.
 */
export function staffPrivacyRoutes(deps: StaffPrivacyDeps) {
  const app = new Hono<StaffEnv>();
  const ctx = (c: Context<StaffEnv>): PrivacyContext => ({
    database: deps.database,
    actor: c.var.staff,
    requestId: c.var.requestId,
    summaryCache: deps.summaryCache,
  });
  app.use("/v1/staff/privacy/*", staffAuth(deps.staffTokens), limitBody(MAX_BODY_BYTES), allowRoles("admin"));

  app.get("/v1/staff/privacy/contacts", async (c) =>
    c.json({ contacts: await findContacts({ ctx: ctx(c), input: c.req.query() }) }),
  );

  app.get("/v1/staff/privacy/contacts/:contactId/export", async (c) => {
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "html") {
      throw new DomainError("invalid_input", "format must be json or html.", {
        errors: [{ path: "format", message: "must be json or html" }],
      });
    }
    const data = await exportContactData({ ctx: ctx(c), input: { contactId: c.req.param("contactId") } });
    const filename = `contact-${data.contact.id}.${format}`;
    c.header("content-disposition", `inline; filename="${filename}"`);
    c.header("cache-control", "no-store");
    return format === "html" ? c.html(renderContactExport(data)) : c.json(data);
  });

  app.post("/v1/staff/privacy/contacts/:contactId/erase", async (c) => {
    const body = await readJsonBody(c);
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new DomainError("invalid_input", "The body must be a JSON object.");
    }
    const erased = await eraseContact({
      ctx: ctx(c),
      input: { ...body, contactId: c.req.param("contactId") },
    });
    return c.json({ erased });
  });

  return app;
}
