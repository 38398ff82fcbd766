import { and, asc, count, eq, gt, min, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { caseEvents, caseFollowers, cases, serviceAttributes, services } from "../../db/schema";
import { DomainError, type FieldError } from "../../domain/errors";
import { Priority } from "../catalogue/catalogue-files";
import { loadLocationRules, resolveDepartment } from "../catalogue/location-rules";
import { loadCaseTimerState } from "../sla/load-case-timer-states";
import { refreshCaseSla, type SlaChange, scheduleSlaChange } from "../sla/refresh-case-sla";
import { allocateReference } from "./case-reference";
import { type CaseView, toCaseView } from "./case-view";
import {
  type Actor,
  actorColumns,
  CASE_CREATION_LIMITS,
  CASE_WORKER_ROLES,
  type CaseContext,
  type CaseCreationLimits,
  DEFAULT_CASE_SETTINGS,
  requireStaff,
} from "./context";
import { findDuplicateCase } from "./find-duplicate-case";
import { normalizeAddress } from "./location";
import { recordAudit } from "./record-audit";

export const OpenCaseInput = z.object({
  serviceCode: z.string().trim().min(1),
  description: z.string().trim().min(1).max(4000),
  location: z
    .object({
      address: z.string().trim().min(1).max(500).optional(),
      addressId: z.string().trim().min(1).max(200).optional(),
      lat: z.number().min(-90).max(90).optional(),
      long: z.number().min(-180).max(180).optional(),
    })
    .refine((l) => (l.lat === undefined) === (l.long === undefined), {
      message: "lat and long go together",
      path: ["lat"],
    })
    .default({}),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  mediaUrls: z.array(z.url()).max(10).default([]),
  contactId: z.uuid().nullable().default(null),
  conversationId: z.uuid().nullable().default(null),
  channel: z.string().trim().min(1).max(40),
  lang: z.string().regex(/^[a-z]{2}$/),
  priority: Priority.optional(),
  /** Join an active case of the same service nearby instead of opening a new one. */
  detectDuplicates: z.boolean().default(true),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export interface OpenCaseResult {
  /** "linked": the report joined an existing case, which is the one returned. */
  outcome: "opened" | "linked";
  case: CaseView;
}

/** openCaseWithin's result: the SLA change is queued by the caller once its transaction committed. */
export type OpenCaseWithinResult = OpenCaseResult & { slaChange: SlaChange };

/** Opens a case from a citizen report (conversation, Open311) or on a citizen's behalf by staff. */
export async function openCase({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<OpenCaseResult> {
  authorizeOpen(ctx.actor);
  const parsed = OpenCaseInput.parse(input);
  if (ctx.actor.kind === "citizen") {
    if (parsed.contactId && parsed.contactId !== ctx.actor.contactId) {
      throw new DomainError("forbidden", "A citizen can only open cases for themselves.");
    }
    parsed.contactId = ctx.actor.contactId;
  }
  const { slaChange, ...result } = await ctx.database.db.transaction((tx) => openCaseWithin(tx, ctx, parsed));
  await scheduleSlaChange(ctx, slaChange, ctx.now ?? new Date());
  return result;
}

function authorizeOpen(actor: Actor) {
  if (actor.kind === "staff") requireStaff(actor, CASE_WORKER_ROLES);
  else if (actor.kind === "conversation_token") throw new DomainError("forbidden", "Not allowed.");
}

/** The body of openCase, for callers that already hold a transaction (the conversation intake). */
export async function openCaseWithin(
  tx: Db,
  ctx: CaseContext,
  input: OpenCaseInput,
): Promise<OpenCaseWithinResult> {
  const now = ctx.now ?? new Date();
  const [service] = await tx.select().from(services).where(eq(services.code, input.serviceCode));
  if (!service?.active) {
    throw new DomainError("invalid_input", `Unknown service ${input.serviceCode}.`, {
      errors: [{ path: "serviceCode", message: "unknown or inactive service" }],
    });
  }
  const definitions = await tx
    .select()
    .from(serviceAttributes)
    .where(eq(serviceAttributes.serviceCode, service.code))
    .orderBy(asc(serviceAttributes.order));
  const errors = checkAttributes(definitions, input.attributes);
  const { address, addressId, lat, long } = input.location;
  if (service.locationRequired && !address && !addressId && lat === undefined) {
    errors.push({
      path: "location",
      message: "this service needs a location (address, address id or lat/long)",
    });
  }
  if (errors.length > 0) throw new DomainError("invalid_input", "The report is incomplete.", { errors });

  const addressNormalized = address ? normalizeAddress(address) : null;
  if (input.detectDuplicates) {
    const duplicate = await findDuplicateCase(tx, {
      serviceCode: service.code,
      lat: lat ?? null,
      long: long ?? null,
      addressNormalized,
      now,
      settings: ctx.settings ?? DEFAULT_CASE_SETTINGS,
    });
    if (duplicate) {
      await tx.insert(caseEvents).values({
        caseId: duplicate.id,
        type: "case.duplicate_report",
        ...actorColumns(ctx.actor),
        note: input.description,
        data: {
          contactId: input.contactId,
          channel: input.channel,
          location: input.location,
          attributes: input.attributes,
        },
        createdAt: now,
      });
      if (input.contactId && input.contactId !== duplicate.contactId) {
        await tx
          .insert(caseFollowers)
          .values({
            caseId: duplicate.id,
            contactId: input.contactId,
            conversationId: input.conversationId,
            channel: input.channel,
            lang: input.lang,
          })
          .onConflictDoNothing();
      }
      const before = await loadCaseTimerState(tx, duplicate.id);
      // The owner reporting the same problem again is chasing us: a reply is owed (next response).
      const chasing = input.contactId !== null && input.contactId === duplicate.contactId;
      await tx
        .update(cases)
        .set({ updatedAt: now, ...(chasing ? { lastCitizenMessageAt: now } : {}) })
        .where(eq(cases.id, duplicate.id));
      const { row: touched, change } = await refreshCaseSla(tx, { caseId: duplicate.id, before, now });
      if (ctx.actor.kind === "staff") {
        await recordAudit(tx, ctx.actor, ctx.requestId, {
          action: "case.link_report",
          subjectType: "case",
          subjectId: duplicate.reference,
        });
      }
      return { outcome: "linked", case: toCaseView(touched, service.names), slaChange: change };
    }
  }

  await admitNewCase(tx, input, now, ctx.settings?.creationLimits ?? CASE_CREATION_LIMITS);
  const reference = await allocateReference(tx, now);
  const [row] = await tx
    .insert(cases)
    .values({
      reference,
      serviceCode: service.code,
      description: input.description,
      addressString: address ?? null,
      addressNormalized,
      addressId: addressId ?? null,
      lat: lat ?? null,
      long: long ?? null,
      attributes: input.attributes,
      mediaUrls: input.mediaUrls,
      contactId: input.contactId,
      conversationId: input.conversationId,
      channel: input.channel,
      lang: input.lang,
      status: "new",
      priority: input.priority ?? service.defaultPriority,
      departmentCode: resolveDepartment({
        rules: ctx.settings?.locationRules ?? (await loadLocationRules(tx)),
        serviceCode: service.code,
        serviceDepartment: service.departmentCode,
        location: input.location,
      }),
      slaPolicyCode: service.slaPolicyCode,
      lastCitizenMessageAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id });
  if (!row) throw new Error("case insert returned no row");
  await tx.insert(caseEvents).values({
    caseId: row.id,
    type: "case.opened",
    toStatus: "new",
    ...actorColumns(ctx.actor),
    data: { channel: input.channel },
    createdAt: now,
  });
  if (ctx.actor.kind === "staff") {
    await recordAudit(tx, ctx.actor, ctx.requestId, {
      action: "case.create",
      subjectType: "case",
      subjectId: reference,
    });
  }
  const { row: opened, change } = await refreshCaseSla(tx, { caseId: row.id, before: null, now });
  return { outcome: "opened", case: toCaseView(opened, service.names), slaChange: change };
}

/**
 * Refuses a new case past the per-contact or overall cap (rate_limited with Retry-After). The overall
 * count lives in the shared rate_limits table and is rolled back with a refused or failed transaction.
 */
async function admitNewCase(tx: Db, input: OpenCaseInput, now: Date, limits: CaseCreationLimits) {
  const refuse = (retryAfterSeconds: number) =>
    new DomainError("rate_limited", "Too many new reports; please wait before sending another.", {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  if (limits.perContactPerHour > 0 && input.contactId) {
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const [row] = await tx
      .select({ opened: count(), oldest: min(cases.createdAt) })
      .from(cases)
      .where(and(eq(cases.contactId, input.contactId), gt(cases.createdAt, hourAgo)));
    if (row && row.opened >= limits.perContactPerHour) {
      const oldest = row.oldest ? new Date(row.oldest).getTime() : now.getTime();
      throw refuse((oldest + 3_600_000 - now.getTime()) / 1000);
    }
  }
  if (limits.perMinute > 0) {
    const nowIso = now.toISOString();
    const result = (await tx.execute(sql`
      insert into rate_limits (key, window_start, hits) values ('cases:all', ${nowIso}::timestamptz, 1)
      on conflict (key) do update set
        hits = case when rate_limits.window_start <= ${nowIso}::timestamptz - interval '1 minute'
                    then 1 else rate_limits.hits + 1 end,
        window_start = case when rate_limits.window_start <= ${nowIso}::timestamptz - interval '1 minute'
                    then ${nowIso}::timestamptz else rate_limits.window_start end
      returning window_start, hits`)) as unknown as { rows: { window_start: string | Date; hits: number }[] };
    const row = result.rows[0];
    if (row && Number(row.hits) > limits.perMinute) {
      throw refuse((new Date(row.window_start).getTime() + 60_000 - now.getTime()) / 1000);
    }
  }
}

type AttributeDefinition = typeof serviceAttributes.$inferSelect;

/** Open311 semantics: required answers present, list values among the allowed keys, numbers and dates parse. */
function checkAttributes(
  definitions: AttributeDefinition[],
  given: Record<string, string | string[]>,
): FieldError[] {
  const errors: FieldError[] = [];
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(given)) {
    if (!byCode.has(code)) errors.push({ path: `attributes.${code}`, message: "unknown attribute" });
  }
  for (const d of definitions) {
    if (!d.variable) continue;
    const path = `attributes.${d.code}`;
    const value = given[d.code];
    const values =
      value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== "");
    if (values.length === 0) {
      if (d.required) errors.push({ path, message: "required" });
      continue;
    }
    const keys = new Set(d.values.map((v) => v.key));
    switch (d.datatype) {
      case "singlevaluelist":
        if (values.length !== 1 || !keys.has(values[0]!))
          errors.push({ path, message: `one of: ${[...keys].join(", ")}` });
        break;
      case "multivaluelist":
        if (values.some((v) => !keys.has(v)))
          errors.push({ path, message: `values among: ${[...keys].join(", ")}` });
        break;
      case "number":
        if (values.length !== 1 || !Number.isFinite(Number(values[0])))
          errors.push({ path, message: "a number" });
        break;
      case "datetime":
        if (values.length !== 1 || Number.isNaN(Date.parse(values[0]!)))
          errors.push({ path, message: "an ISO 8601 date" });
        break;
      default:
        if (values.length !== 1 || values[0]!.length > 4000) errors.push({ path, message: "one text value" });
    }
  }
  return errors;
}
