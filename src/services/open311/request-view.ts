import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, departments, services } from "../../db/schema";
import { ACTIVE_STATUSES, type CaseStatus } from "../cases/case-status";
import { pickLanguage } from "../cases/case-view";
import { redactPii } from "../guardrails/redact-pii";
import { caseIdRangeOf, publicRequestIdOf } from "./public-request-id";

/** A service request as GeoReport v2 shows it; field order follows the specification. */
export type Open311Request = {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

/** The specification's limit on one answer ("first 1000 requests"). */
export const MAX_REQUESTS_PER_ANSWER = 1000;

const MAX_DESCRIPTION = 4000;

function toWireStatus(status: string): "open" | "closed" {
  return (ACTIVE_STATUSES as readonly string[]).includes(status) ? "open" : "closed";
}

/** Statuses of the case lifecycle behind each wire status. */
export function statusesFor(wire: "open" | "closed"): CaseStatus[] {
  return wire === "open" ? [...ACTIVE_STATUSES] : ["resolved", "closed"];
}

/** W3C date-time in UTC, without the milliseconds the specification's examples never show. */
export function toW3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Control characters other than tab and line breaks: XML 1.0 cannot carry them and no reader wants them. */
function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
}

/** Free text reaches the public: strip contact details a citizen may have typed into it. */
function publicText(text: string | null): string | null {
  if (text === null || text.trim() === "") return null;
  return redactPii([...text].filter(isPrintable).join("")).text.slice(0, MAX_DESCRIPTION);
}

/** The channel whose reporters publish through an Open311 client and know their report is public. */
const PUBLISHED_CHANNEL = "open311";

/** "12 Elm Street" → "Elm Street": a house number can point at the reporter's own home. */
function streetLevel(address: string | null): string | null {
  if (!address) return null;
  const street = address
    .replace(/\b\d+[a-z]?(?:[-/]\d+[a-z]?)?\b,?\s*/gi, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return street || null;
}

/** About 100 m: enough to put a report on the right street, not on one house. */
const roughly = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** Where a public id is looked up: the UUID range it stands for, or no row at all for a malformed one. */
export function wherePublicId(publicId: string): SQL {
  const range = caseIdRangeOf(publicId);
  return range ? and(gte(cases.id, range.low), lte(cases.id, range.high))! : sql`false`;
}

/**
 * Public requests matching `where`, newest first, each with its latest public note. The contact columns
 * are never read here, so personal data cannot reach the public API by accident.
 */
export async function selectOpen311Requests(
  db: Db,
  options: { where?: SQL; limit: number; lang: string },
): Promise<Open311Request[]> {
  const latestPublicNote = sql<string | null>`(
    select ${caseEvents.note} from ${caseEvents}
    where ${caseEvents.caseId} = ${cases.id} and ${caseEvents.visibility} = 'public' and ${caseEvents.note} is not null
    order by ${caseEvents.sequence} desc limit 1)`;
  const rows = await db
    .select({
      id: cases.id,
      channel: cases.channel,
      status: cases.status,
      serviceCode: cases.serviceCode,
      serviceNames: services.names,
      departmentNames: departments.names,
      description: cases.description,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      resolvedAt: cases.resolvedAt,
      closedAt: cases.closedAt,
      resolutionDueAt: cases.resolutionDueAt,
      addressString: cases.addressString,
      addressId: cases.addressId,
      lat: cases.lat,
      long: cases.long,
      mediaUrls: cases.mediaUrls,
      statusNotes: latestPublicNote,
    })
    .from(cases)
    .innerJoin(services, eq(services.code, cases.serviceCode))
    .innerJoin(departments, eq(departments.code, cases.departmentCode))
    .where(and(options.where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(options.limit);

  return rows.map((row) => {
    const status = toWireStatus(row.status);
    // For a closed request the specification wants the closing time, which later notes must not move.
    const updated = status === "closed" ? (row.closedAt ?? row.resolvedAt ?? row.updatedAt) : row.updatedAt;
    // What the public sees (FixMyStreet's rule): service, status, street-level place, dates and the
    // city's public notes; the reporter's own words and photos only where they published them.
    const published = row.channel === PUBLISHED_CHANNEL;
    return {
      service_request_id: publicRequestIdOf(row.id),
      status,
      status_notes: publicText(row.statusNotes),
      service_name: pickLanguage(row.serviceNames, options.lang),
      service_code: row.serviceCode,
      description: published ? publicText(row.description) : null,
      agency_responsible: pickLanguage(row.departmentNames, options.lang) || null,
      service_notice: null,
      requested_datetime: toW3cDateTime(row.createdAt),
      updated_datetime: toW3cDateTime(updated),
      expected_datetime: row.resolutionDueAt ? toW3cDateTime(row.resolutionDueAt) : null,
      address: published ? row.addressString : streetLevel(row.addressString),
      address_id: published ? row.addressId : null,
      zipcode: null,
      lat: published ? row.lat : roughly(row.lat),
      long: published ? row.long : roughly(row.long),
      media_url: published ? (row.mediaUrls[0] ?? null) : null,
    };
  });
}
