import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type caseEvents, cases, services } from "../../db/schema";

type CaseRow = typeof cases.$inferSelect;
type EventRow = typeof caseEvents.$inferSelect;

/** The text for a language, falling back to English, then to any language present. */
export function pickLanguage(texts: Record<string, string>, lang: string): string {
  return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? "";
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface CaseView {
  id: string;
  reference: string;
  service: { code: string; name: string };
  description: string;
  location: { address: string | null; addressId: string | null; lat: number | null; long: number | null };
  attributes: Record<string, string | string[]>;
  mediaUrls: string[];
  status: string;
  priority: string;
  department: string;
  assigneeId: string | null;
  channel: string;
  lang: string;
  contactId: string | null;
  conversationId: string | null;
  sla: {
    policyCode: string | null;
    firstResponseDueAt: string | null;
    firstRespondedAt: string | null;
    nextResponseDueAt: string | null;
    resolutionDueAt: string | null;
    pausedSince: string | null;
  };
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}

export function toCaseView(row: CaseRow, serviceNames: Record<string, string>): CaseView {
  return {
    id: row.id,
    reference: row.reference,
    service: { code: row.serviceCode, name: pickLanguage(serviceNames, "en") },
    description: row.description,
    location: { address: row.addressString, addressId: row.addressId, lat: row.lat, long: row.long },
    attributes: row.attributes,
    mediaUrls: row.mediaUrls,
    status: row.status,
    priority: row.priority,
    department: row.departmentCode,
    assigneeId: row.assigneeId,
    channel: row.channel,
    lang: row.lang,
    contactId: row.contactId,
    conversationId: row.conversationId,
    sla: {
      policyCode: row.slaPolicyCode,
      firstResponseDueAt: iso(row.firstResponseDueAt),
      firstRespondedAt: iso(row.firstRespondedAt),
      nextResponseDueAt: iso(row.nextResponseDueAt),
      resolutionDueAt: iso(row.resolutionDueAt),
      pausedSince: iso(row.pausedSince),
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
  };
}

export interface CaseEventView {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  visibility: string;
  actorType: string;
  actorId: string | null;
  data: Record<string, unknown>;
  at: string;
}

export function toEventView(row: EventRow): CaseEventView {
  return {
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    note: row.note,
    visibility: row.visibility,
    actorType: row.actorType,
    actorId: row.actorId,
    data: row.data,
    at: row.createdAt.toISOString(),
  };
}

/** What the citizen who reported a case may see: no staff names, no internal notes. */
export interface CitizenCaseView {
  reference: string;
  service: { code: string; name: string };
  status: string;
  description: string;
  location: { address: string | null; lat: number | null; long: number | null };
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** When the city expects to have resolved it (the resolution due time). */
  expectedAt: string | null;
  history: { at: string; status: string | null; note: string | null }[];
}

export function toCitizenCaseView(
  row: CaseRow,
  serviceNames: Record<string, string>,
  events: EventRow[],
  lang: string,
): CitizenCaseView {
  return {
    reference: row.reference,
    service: { code: row.serviceCode, name: pickLanguage(serviceNames, lang) },
    status: row.status,
    description: row.description,
    location: { address: row.addressString, lat: row.lat, long: row.long },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    expectedAt: iso(row.resolutionDueAt),
    history: events
      .filter((e) => e.type === "case.opened" || e.type === "case.status_change" || e.visibility === "public")
      .map((e) => ({
        at: e.createdAt.toISOString(),
        status: e.toStatus,
        note: e.visibility === "public" ? e.note : null,
      })),
  };
}

/** Loads a case with its service names by public reference, optionally locking the row for an update. */
export async function loadCaseByReference(tx: Db, reference: string, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({ case: cases, serviceNames: services.names })
    .from(cases)
    .innerJoin(services, eq(services.code, cases.serviceCode))
    .where(eq(cases.reference, reference.toUpperCase()));
  const [row] = options.forUpdate ? await query.for("update", { of: cases }) : await query;
  return row;
}
