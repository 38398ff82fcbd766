import { and, asc, eq, sql } from "drizzle-orm";
import { ZodError, z } from "zod";
import type { Db } from "../../db/client";
import { cases, contacts, serviceAttributes, services } from "../../db/schema";
import { DomainError, type FieldError, isDomainError } from "../../domain/errors";
import { pickLanguage } from "../cases/case-view";
import type { Actor, CaseContext } from "../cases/context";
import { OpenCaseInput, type OpenCaseWithinResult, openCaseWithin } from "../cases/open-case";
import { redactPii } from "../guardrails/redact-pii";
import { scheduleSlaChange } from "../sla/refresh-case-sla";
import type { Open311Context } from "./context";
import { toServiceType } from "./list-open311-services";
import { publicRequestIdOf } from "./public-request-id";
import { toW3cDateTime } from "./request-view";

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const coordinate = (limit: number) =>
  z
    .string()
    .trim()
    .regex(DECIMAL, "must be a decimal number")
    .transform(Number)
    .pipe(z.number().min(-limit).max(limit));
const text = (max: number) => z.string().trim().max(max);

/** The form fields of POST requests, by their wire names, so validation errors name what the client sent. */
const SubmitOpen311RequestInput = z
  .object({
    service_code: z.string({ error: "service_code is required" }).trim().min(1).max(200),
    lat: coordinate(90).optional(),
    long: coordinate(180).optional(),
    address_string: text(500).optional(),
    address_id: text(200).optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{3,40}$/, "must be a phone number")
      .optional(),
    first_name: text(100).optional(),
    last_name: text(100).optional(),
    device_id: text(200).optional(),
    account_id: text(200).optional(),
    description: text(4000).optional(),
    media_url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .refine((r) => (r.lat === undefined) === (r.long === undefined), {
    message: "lat and long must be sent together",
    path: ["long"],
  });

/** What POST requests answers: an id (realtime), a token to trade for one (batch), or neither (blackbox). */
type Open311Receipt = {
  service_request_id?: string;
  token?: string;
  service_notice: string;
  account_id?: string;
};

/**
 * POST requests: checks the client's API key, then opens the case through the same verb as a conversation
 * (duplicate detection, SLA policy), storing the reporter's contact details on an "open311" contact only.
 */
export async function submitOpen311Request({
  ctx,
  input,
}: {
  ctx: Open311Context;
  input: unknown;
}): Promise<Open311Receipt> {
  const apiKey =
    typeof input === "object" && input !== null ? (input as { api_key?: unknown }).api_key : undefined;
  await verifyOpen311ApiKey(ctx.apiKeys, apiKey);
  const form = SubmitOpen311RequestInput.parse(input);
  const now = ctx.now ?? new Date();

  const [service] = await ctx.database.db
    .select()
    .from(services)
    .where(and(eq(services.code, form.service_code), eq(services.active, true)));
  if (!service) throw new DomainError("not_found", `service_code ${form.service_code} was not found.`);
  const definitions = await ctx.database.db
    .select({ code: serviceAttributes.code, datatype: serviceAttributes.datatype })
    .from(serviceAttributes)
    .where(eq(serviceAttributes.serviceCode, service.code))
    .orderBy(asc(serviceAttributes.order));

  // Clients such as FixMyStreet send attributes of their own (easting, their report id): kept on the
  // case as they came, not validated, rather than refusing the report.
  const codes = new Set(definitions.map((d) => d.code));
  const known = Object.fromEntries(Object.entries(form.attributes).filter(([code]) => codes.has(code)));
  const extra = Object.fromEntries(Object.entries(form.attributes).filter(([code]) => !codes.has(code)));

  let result: OpenCaseWithinResult;
  try {
    const caseInput = OpenCaseInput.parse({
      serviceCode: service.code,
      // The specification makes the description optional; a case needs one, so the service name stands in.
      // Stored redacted, as chat messages are (issue 14 finding 5).
      description: form.description
        ? redactPii(form.description).text
        : pickLanguage(service.names, ctx.lang),
      location: {
        ...(form.address_string ? { address: form.address_string } : {}),
        ...(form.address_id ? { addressId: form.address_id } : {}),
        ...(form.lat !== undefined && form.long !== undefined ? { lat: form.lat, long: form.long } : {}),
      },
      attributes: shapeAttributes(known, definitions),
      mediaUrls: form.media_url ? [form.media_url] : [],
      channel: "open311",
      lang: ctx.lang,
    });
    result = await ctx.database.db.transaction(async (tx) => {
      const contactId = await upsertReporter(tx, form, ctx.lang);
      const actor: Actor = contactId ? { kind: "citizen", contactId } : { kind: "system", name: "open311" };
      const caseCtx: CaseContext = {
        database: ctx.database,
        actor,
        now,
        ...(ctx.settings ? { settings: ctx.settings } : {}),
        ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
        ...(ctx.logger ? { logger: ctx.logger } : {}),
        ...(ctx.notifier ? { notifier: ctx.notifier } : {}),
      };
      const opened = await openCaseWithin(tx, caseCtx, { ...caseInput, contactId });
      if (opened.outcome === "opened" && Object.keys(extra).length > 0) {
        await tx
          .update(cases)
          .set({ attributes: { ...extra, ...opened.case.attributes } })
          .where(eq(cases.id, opened.case.id));
      }
      return opened;
    });
    await scheduleSlaChange(ctx, result.slaChange, now);
  } catch (error) {
    if (error instanceof ZodError) throw withWireFieldNames(fromZodError(error));
    throw isDomainError(error) ? withWireFieldNames(error) : error;
  }

  const view = result.case;
  const type = toServiceType(service.type);
  // Only a realtime answer may name the request; batch clients learn it from the token, blackbox ones never.
  const publicId = publicRequestIdOf(view.id);
  const named = type === "realtime" ? ` ${publicId}` : "";
  const due = view.sla.resolutionDueAt
    ? ` Expected to be resolved by ${toW3cDateTime(new Date(view.sla.resolutionDueAt))}.`
    : "";
  const notice =
    result.outcome === "linked"
      ? `This problem had already been reported${named ? ` as${named}` : ""}; your report has been added to it.`
      : `Your report${named} has been passed to the team responsible.${due}`;
  return {
    ...(type === "realtime" ? { service_request_id: publicId } : {}),
    // The case exists at once; its internal id serves as the batch token and resolves immediately.
    ...(type === "batch" ? { token: view.id } : {}),
    service_notice: notice,
    // "May not be returned": Swagger's RequestResponse has no null, so an unknown account is left out.
    ...(form.account_id ? { account_id: form.account_id } : {}),
  };
}

/** Throws `forbidden` unless `given` is one of the accepted keys, comparing every key in full. */
export async function verifyOpen311ApiKey(accepted: readonly string[], given: unknown) {
  if (typeof given !== "string" || given.trim() === "") {
    throw new DomainError(
      "forbidden",
      "api_key is missing: an API key is required to submit a service request.",
    );
  }
  const digest = await sha256(given);
  let match = false;
  // Compare every key in full, so timing does not reveal how much of a key was right.
  for (const key of accepted) {
    const candidate = await sha256(key);
    let diff = 0;
    for (let i = 0; i < candidate.length; i++) diff |= candidate[i]! ^ digest[i]!;
    match ||= diff === 0;
  }
  if (!match)
    throw new DomainError("forbidden", "Invalid api_key received: cannot submit the service request.");
}

async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)));
}

/** Lists stay lists and single values stay single, whichever of the two form syntaxes the client used. */
function shapeAttributes(
  given: Record<string, string | string[]>,
  definitions: { code: string; datatype: string }[],
): Record<string, string | string[]> {
  const datatypes = new Map(definitions.map((d) => [d.code, d.datatype]));
  const shaped: Record<string, string | string[]> = {};
  for (const [code, value] of Object.entries(given)) {
    const list = Array.isArray(value) ? value : [value];
    if (datatypes.get(code) === "multivaluelist") shaped[code] = list.filter((v) => v.trim() !== "");
    else shaped[code] = list.length === 1 ? list[0]! : list;
  }
  return shaped;
}

type SubmitForm = z.infer<typeof SubmitOpen311RequestInput>;

/**
 * The reporter's details live on a contact of channel "open311", keyed by email, else phone, else a fresh
 * id; none of them is ever shown by the public API.
 */
async function upsertReporter(tx: Db, form: SubmitForm, lang: string): Promise<string | null> {
  const name = [form.first_name, form.last_name].filter(Boolean).join(" ") || null;
  if (!form.email && !form.phone && !name) return null;
  const address =
    form.email?.toLowerCase() ?? form.phone?.replace(/[^\d+]/g, "") ?? `open311-${crypto.randomUUID()}`;
  const [row] = await tx
    .insert(contacts)
    .values({ channel: "open311", address, name, preferredLanguage: lang })
    .onConflictDoUpdate({
      target: [contacts.channel, contacts.address],
      set: { name: sql`coalesce(excluded.name, ${contacts.name})` },
    })
    .returning({ id: contacts.id });
  if (!row) throw new Error("contact upsert returned no row");
  return row.id;
}

const WIRE_PATHS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^attributes\.(.+)$/, (m) => `attribute[${m[1]}]`],
  [/^serviceCode$/, () => "service_code"],
  [
    /^location(\.address)?$/,
    (m) => (m[1] ? "address_string" : "location (lat and long, address_string or address_id)"),
  ],
  [/^location\.addressId$/, () => "address_id"],
  [/^location\.(lat|long)$/, (m) => m[1]!],
  [/^mediaUrls(\.\d+)?$/, () => "media_url"],
];

function fromZodError(error: ZodError): DomainError {
  const errors = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return new DomainError("invalid_input", "The service request is not valid.", { errors });
}

/** The case verb names fields as the case model does; clients know them by their Open311 names. */
function withWireFieldNames(error: DomainError): DomainError {
  const errors = error.details.errors?.map((e): FieldError => {
    for (const [pattern, rename] of WIRE_PATHS) {
      const m = pattern.exec(e.path);
      if (m) return { path: rename(m), message: e.message };
    }
    return e;
  });
  return errors ? new DomainError(error.code, error.message, { ...error.details, errors }) : error;
}
