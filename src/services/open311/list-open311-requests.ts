import { and, gte, inArray, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { Open311Context } from "./context";
import {
  MAX_REQUESTS_PER_ANSWER,
  type Open311Request,
  selectOpen311Requests,
  statusesFor,
  wherePublicId,
} from "./request-view";

const DAY_MS = 86_400_000;
const MAX_SPAN_DAYS = 90;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).min(1).max(MAX_REQUESTS_PER_ANSWER),
  );

/** W3C date-times as the specification asks for them: a date alone, or a time with its offset. */
const W3C_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const w3cDate = z
  .string()
  .trim()
  .regex(W3C_DATE_TIME, "must be a W3C date-time with an offset, for example 2026-01-31T00:00:00Z")
  .transform((v, ctx) => {
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    return date;
  });

const ListOpen311RequestsInput = z.object({
  service_request_id: commaList(z.string().max(40)).optional(),
  service_code: commaList(z.string().max(200)).optional(),
  start_date: w3cDate.optional(),
  end_date: w3cDate.optional(),
  status: commaList(z.enum(["open", "closed"])).optional(),
});

/**
 * GET requests: newest first, at most 1000. Named ids override every other filter; otherwise the dates
 * select by requested time and may span 90 days at most, the most recent 90 days when neither is given.
 */
export async function listOpen311Requests({
  ctx,
  input,
}: {
  ctx: Open311Context;
  input: unknown;
}): Promise<Open311Request[]> {
  const filters = ListOpen311RequestsInput.parse(emptyAsAbsent(input));
  const where: SQL[] = [];
  if (filters.service_request_id) {
    where.push(or(...filters.service_request_id.map(wherePublicId))!);
  } else {
    const { start, end } = dateRange(filters.start_date, filters.end_date, ctx.now ?? new Date());
    where.push(gte(cases.createdAt, start), lte(cases.createdAt, end));
    if (filters.service_code) where.push(inArray(cases.serviceCode, filters.service_code));
    if (filters.status) where.push(inArray(cases.status, filters.status.flatMap(statusesFor)));
  }
  return selectOpen311Requests(ctx.database.db, {
    where: and(...where),
    limit: MAX_REQUESTS_PER_ANSWER,
    lang: ctx.lang,
  });
}

function dateRange(start: Date | undefined, end: Date | undefined, now: Date): { start: Date; end: Date } {
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (start && end) {
    if (end < start) throw invalidRange("end_date is before start_date.");
    if (end.getTime() - start.getTime() > span) {
      throw invalidRange(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days.`);
    }
    return { start, end };
  }
  if (start) return { start, end: new Date(start.getTime() + span) };
  if (end) return { start: new Date(end.getTime() - span), end };
  return { start: new Date(now.getTime() - span), end: now };
}

function invalidRange(message: string) {
  return new DomainError("invalid_input", message, { errors: [{ path: "end_date", message }] });
}

/** "Optional" in the specification: an empty parameter means the same as a missing one. */
function emptyAsAbsent(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => !(typeof v === "string" && v.trim() === "")),
  );
}
