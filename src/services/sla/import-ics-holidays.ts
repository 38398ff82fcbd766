import { DAY_MS, getZoneOffsets, isTimeZone } from "./zone-offsets";

export type ImportedHolidays = {
  /** Local dates (YYYY-MM-DD), sorted and unique. */
  dates: string[];
  /** Events that were not turned into dates, with the reason. */
  skipped: Array<{ summary: string; reason: string }>;
};

type IcsProperty = { name: string; params: Map<string, string>; value: string };

/** RFC 5545 folds long lines by inserting CRLF + one space or tab; undo that first. */
function unfoldLines(text: string): string[] {
  return text
    .replace(/\r\n/g, "\n")
    .replace(/\r/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "");
}

function parseProperty(line: string): IcsProperty | null {
  const colon = findValueColon(line);
  if (colon < 0) return null;
  const [name = "", ...rawParams] = line.slice(0, colon).split(";");
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf("=");
    if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ""));
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** The first colon outside a quoted parameter value separates the name from the value. */
function findValueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ":" && !quoted) return i;
  }
  return -1;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day (days since 1970-01-01) of a DATE or DATE-TIME value on the calendar's wall clock. A
 * time in UTC ("Z") or in another TZID is converted: 2026-12-24T23:00:00Z is Christmas Day in Berlin.
 */
function readLocalValue(
  property: IcsProperty,
  timeZone: string,
): { day: number; atMidnight: boolean } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(property.value.trim());
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", utc] = match;
  const dateMs = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const timeMs = (Number(hour) * 3600 + Number(minute) * 60 + Number(second)) * 1000;
  let wall = dateMs + timeMs;
  const sourceZone = property.params.get("TZID");
  if (utc) wall = getZoneOffsets(timeZone).wallAt(wall);
  else if (match[4] !== undefined && sourceZone && sourceZone !== timeZone && isTimeZone(sourceZone)) {
    wall = getZoneOffsets(timeZone).wallAt(getZoneOffsets(sourceZone).instantOfWall(wall));
  }
  return { day: Math.floor(wall / DAY_MS), atMidnight: wall % DAY_MS === 0 };
}

/** Length in days of a DURATION such as P1D, P2W or PT24H (all-day events only use whole days). */
function durationInDays(value: string): number | null {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!match) return null;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const totalSeconds =
    (weeks ?? 0) * 604_800 +
    (days ?? 0) * 86_400 +
    (hours ?? 0) * 3600 +
    (minutes ?? 0) * 60 +
    (seconds ?? 0);
  return Math.max(1, Math.ceil(totalSeconds / 86_400));
}

/**
 * Reads the holidays of an iCalendar file: every VEVENT becomes the local dates it covers (DTEND is
 * exclusive, as RFC 5545 says for all-day events). Recurring events (RRULE) are reported as skipped
 * rather than silently imported for their first year only.
 */
export function importIcsHolidays(icsText: string, options: { timeZone?: string } = {}): ImportedHolidays {
  const timeZone = options.timeZone ?? "UTC";
  const days = new Set<number>();
  const skipped: ImportedHolidays["skipped"] = [];
  let event: Map<string, IcsProperty> | null = null;

  for (const line of unfoldLines(icsText)) {
    const property = parseProperty(line);
    if (!property) continue;
    if (property.name === "BEGIN" && property.value.toUpperCase() === "VEVENT") {
      event = new Map();
    } else if (property.name === "END" && property.value.toUpperCase() === "VEVENT") {
      if (event) collectEventDays(event, timeZone, days, skipped);
      event = null;
    } else if (event && !event.has(property.name)) {
      event.set(property.name, property);
    }
  }
  return { dates: [...days].sort((a, b) => a - b).map(formatDay), skipped };
}

function collectEventDays(
  event: Map<string, IcsProperty>,
  timeZone: string,
  days: Set<number>,
  skipped: ImportedHolidays["skipped"],
): void {
  const summary = event.get("SUMMARY")?.value ?? "(no summary)";
  if (event.get("STATUS")?.value.toUpperCase() === "CANCELLED") return;
  if (event.has("RRULE")) {
    skipped.push({ summary, reason: "recurring events (RRULE) are not expanded; list each date" });
    return;
  }
  const start = event.get("DTSTART");
  const first = start ? readLocalValue(start, timeZone)?.day : undefined;
  if (first === undefined) {
    skipped.push({ summary, reason: "missing or unreadable DTSTART" });
    return;
  }
  let dayCount = 1;
  const endProperty = event.get("DTEND");
  const durationValue = event.get("DURATION")?.value;
  if (endProperty !== undefined) {
    const end = readLocalValue(endProperty, timeZone);
    if (end === null) {
      skipped.push({ summary, reason: "unreadable DTEND" });
      return;
    }
    // DTEND is exclusive: an event ending at local midnight does not cover the day it ends on.
    dayCount = end.atMidnight ? end.day - first : end.day - first + 1;
  } else if (durationValue !== undefined) {
    const duration = durationInDays(durationValue);
    if (duration === null) {
      skipped.push({ summary, reason: "unreadable DURATION" });
      return;
    }
    dayCount = duration;
  }
  for (let i = 0; i < Math.max(1, dayCount); i++) days.add(first + i);
}
