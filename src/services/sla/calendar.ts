import { z } from "zod";
import { DAY_MS, getZoneOffsets, isTimeZone, MINUTE_MS, type ZoneOffsets } from "./zone-offsets";

const WEEK_MS = 7 * DAY_MS;
/** Searching for an opening gives up after this many local days (ten years of holidays or pauses). */
const MAX_SCAN_DAYS = 3700;

export const Weekday = z.enum(["sun", "mon", "tue", "wed", "thu", "fri", "sat"]);
export type Weekday = z.infer<typeof Weekday>;

const TimeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "expected HH:MM (00:00-24:00)");

export const OpeningSlot = z
  .tuple([TimeOfDay, TimeOfDay])
  .refine(([from, to]) => minutesOfDay(from) < minutesOfDay(to), "a slot must end after it starts");
export type OpeningSlot = z.infer<typeof OpeningSlot>;

export const LocalDate = z.iso.date();

export const BusinessCalendar = z.object({
  /** IANA zone; opening hours and holidays are read on this zone's wall clock. */
  timeZone: z.string().refine(isTimeZone, "unknown IANA time zone"),
  /** Opening slots per weekday, or round the clock ("all", also written "24/7"). */
  hours: z.union([
    z.enum(["all", "24/7"]),
    z
      .partialRecord(Weekday, z.array(OpeningSlot))
      .refine((days) => Object.values(days).some((slots) => slots.length > 0), "no opening hours at all"),
  ]),
  /** Local dates (YYYY-MM-DD) in the calendar's zone on which it is closed all day. */
  holidays: z.array(LocalDate).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** A span of time in which the clock stands still (for example waiting for the citizen). */
export type Interval = { start: Date; end: Date };

type CompiledCalendar = {
  zone: ZoneOffsets;
  /** Per weekday (0 = Sunday), merged opening slots as [fromMinute, toMinute] pairs. */
  slots: Array<Array<[number, number]>>;
  holidays: Set<number>;
  sortedHolidays: number[];
  /** Working time of a week with no holiday and no offset change. */
  weekMs: number;
};

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();
/** Rows read from the database are new objects each time; identical ones share one compilation. */
const compiledByContent = new Map<string, CompiledCalendar>();
const MAX_COMPILED_BY_CONTENT = 1000;

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Days since 1970-01-01 of a local date string. */
export function dayNumberOfLocalDate(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS;
}

function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function mergeSlots(slots: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...slots].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const slot of sorted) {
    const last = merged.at(-1);
    if (last && slot[0] <= last[1]) last[1] = Math.max(last[1], slot[1]);
    else merged.push([slot[0], slot[1]]);
  }
  return merged;
}

function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const contentKey = JSON.stringify([calendar.timeZone, calendar.hours, calendar.holidays]);
  const sameContent = compiledByContent.get(contentKey);
  if (sameContent) {
    compiled.set(calendar, sameContent);
    return sameContent;
  }
  const slots = Weekday.options.map((weekday): Array<[number, number]> => {
    if (calendar.hours === "all" || calendar.hours === "24/7") return [[0, 1440]];
    const daySlots = calendar.hours[weekday] ?? [];
    return mergeSlots(daySlots.map(([from, to]) => [minutesOfDay(from), minutesOfDay(to)]));
  });
  const weekMs = slots.flat().reduce((sum, [from, to]) => sum + (to - from) * MINUTE_MS, 0);
  if (weekMs <= 0) throw new Error("business calendar has no opening hours");
  const sortedHolidays = [...new Set(calendar.holidays.map(dayNumberOfLocalDate))].sort((a, b) => a - b);
  const result: CompiledCalendar = {
    zone: getZoneOffsets(calendar.timeZone),
    slots,
    holidays: new Set(sortedHolidays),
    sortedHolidays,
    weekMs,
  };
  compiled.set(calendar, result);
  if (compiledByContent.size >= MAX_COMPILED_BY_CONTENT) compiledByContent.clear();
  compiledByContent.set(contentKey, result);
  return result;
}

function localDayOf(calendar: CompiledCalendar, utc: number): number {
  return Math.floor(calendar.zone.wallAt(utc) / DAY_MS);
}

function startOfLocalDay(calendar: CompiledCalendar, day: number): number {
  return calendar.zone.instantOfWall(day * DAY_MS);
}

/** Opening intervals of one local day as UTC [start, end) pairs, in order. */
function openingsOfDay(calendar: CompiledCalendar, day: number): Array<[number, number]> {
  if (calendar.holidays.has(day)) return [];
  const intervals: Array<[number, number]> = [];
  for (const [from, to] of calendar.slots[weekdayOfDay(day)] ?? []) {
    const start = calendar.zone.instantOfWall(day * DAY_MS + from * MINUTE_MS);
    const end = calendar.zone.instantOfWall(day * DAY_MS + to * MINUTE_MS);
    if (end > start) intervals.push([start, end]);
  }
  return intervals;
}

function firstHolidayFrom(calendar: CompiledCalendar, day: number): number {
  const list = calendar.sortedHolidays;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] ?? 0) < day) low = mid + 1;
    else high = mid;
  }
  return list[low] ?? Number.POSITIVE_INFINITY;
}

function normalisePauses(pauses: readonly Interval[]): Array<[number, number]> {
  return mergeSlots(
    pauses
      .map((pause): [number, number] => [pause.start.getTime(), pause.end.getTime()])
      .filter(([start, end]) => end > start),
  );
}

type Walk = { reachedAt: number | null; workedMs: number };

/**
 * Walks working time forward from `from`, stopping when `budgetMs` of it has been used
 * (`reachedAt` is then that instant) or at `until`. Clean weeks — no holiday, no pause, no
 * offset change — are skipped whole, so the cost grows with holidays and DST changes, not span.
 */
function walkWorkingTime(
  calendar: CompiledCalendar,
  from: number,
  pauses: Array<[number, number]>,
  budgetMs: number,
  until: number,
): Walk {
  let remaining = budgetMs;
  let worked = 0;
  let pauseIndex = 0;
  let day = localDayOf(calendar, from) - 1;
  for (;;) {
    const dayStart = startOfLocalDay(calendar, day);
    if (dayStart >= until) return { reachedAt: null, workedMs: worked };
    while (pauseIndex < pauses.length && (pauses[pauseIndex]?.[1] ?? 0) <= dayStart) pauseIndex++;

    if (dayStart >= from) {
      const weeks = countCleanWeeks(calendar, day, dayStart, pauses[pauseIndex]?.[0], remaining, until);
      if (weeks > 0) {
        remaining -= weeks * calendar.weekMs;
        worked += weeks * calendar.weekMs;
        day += weeks * 7;
        continue;
      }
    }

    for (const [openStart, openEnd] of openingsOfDay(calendar, day)) {
      let cursor = Math.max(openStart, from);
      const end = Math.min(openEnd, until);
      while (cursor < end) {
        while (pauseIndex < pauses.length && (pauses[pauseIndex]?.[1] ?? 0) <= cursor) pauseIndex++;
        const pause = pauses[pauseIndex];
        if (pause && pause[0] <= cursor) {
          cursor = Math.min(end, pause[1]);
          continue;
        }
        const pieceEnd = pause && pause[0] < end ? pause[0] : end;
        const length = pieceEnd - cursor;
        if (length >= remaining) return { reachedAt: cursor + remaining, workedMs: worked + remaining };
        remaining -= length;
        worked += length;
        cursor = pieceEnd;
      }
    }
    day++;
  }
}

/** How many whole weeks from `day` on can be counted as `weekMs` each without looking at them. */
function countCleanWeeks(
  calendar: CompiledCalendar,
  day: number,
  dayStart: number,
  nextPauseStart: number | undefined,
  remaining: number,
  until: number,
): number {
  // A day's margin either side keeps slots next to an offset change out of the skipped weeks.
  const stableEnd = calendar.zone.stableUntil(dayStart - DAY_MS) - DAY_MS;
  const spanEnd = Math.min(stableEnd, nextPauseStart ?? Number.POSITIVE_INFINITY, until);
  let weeks = Math.floor((spanEnd - dayStart) / WEEK_MS);
  weeks = Math.min(weeks, Math.floor((firstHolidayFrom(calendar, day) - day) / 7));
  // Leave the last (partial) week to the day-by-day walk so it can find the exact instant.
  if (Number.isFinite(remaining)) weeks = Math.min(weeks, Math.ceil(remaining / calendar.weekMs) - 1);
  return Math.max(0, weeks);
}

/** The instant at which `minutes` business minutes have elapsed after `start`. */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses: readonly Interval[] = [],
): Date {
  if (!Number.isFinite(minutes)) throw new RangeError("minutes must be a finite number");
  if (minutes <= 0) return new Date(start.getTime());
  const walk = walkWorkingTime(
    compileCalendar(calendar),
    start.getTime(),
    normalisePauses(pauses),
    minutes * MINUTE_MS,
    Number.POSITIVE_INFINITY,
  );
  return new Date(walk.reachedAt ?? Number.NaN);
}

/** Business minutes from `a` to `b` (negative when `b` is before `a`). */
export function businessMinutesBetween(
  calendar: BusinessCalendar,
  a: Date,
  b: Date,
  pauses: readonly Interval[] = [],
): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(calendar, b, a, pauses);
  const walk = walkWorkingTime(
    compileCalendar(calendar),
    from,
    normalisePauses(pauses),
    Number.POSITIVE_INFINITY,
    to,
  );
  return walk.workedMs / MINUTE_MS;
}

/** Whether `at` falls inside opening hours (and outside every pause). */
export function isOpen(calendar: BusinessCalendar, at: Date, pauses: readonly Interval[] = []): boolean {
  const time = at.getTime();
  if (normalisePauses(pauses).some(([start, end]) => start <= time && time < end)) return false;
  const compiledCalendar = compileCalendar(calendar);
  const day = localDayOf(compiledCalendar, time);
  for (let d = day - 1; d <= day + 1; d++) {
    if (openingsOfDay(compiledCalendar, d).some(([start, end]) => start <= time && time < end)) return true;
  }
  return false;
}

/** The first instant at or after `at` when the calendar is open; `at` itself when already open. */
export function nextOpening(calendar: BusinessCalendar, at: Date, pauses: readonly Interval[] = []): Date {
  const compiledCalendar = compileCalendar(calendar);
  const normalised = normalisePauses(pauses);
  const from = at.getTime();
  const firstDay = localDayOf(compiledCalendar, from) - 1;
  for (let day = firstDay; day < firstDay + MAX_SCAN_DAYS; day++) {
    for (const [openStart, openEnd] of openingsOfDay(compiledCalendar, day)) {
      let cursor = Math.max(openStart, from);
      for (const [pauseStart, pauseEnd] of normalised) {
        if (pauseStart <= cursor && cursor < pauseEnd) cursor = pauseEnd;
      }
      if (cursor < openEnd) return new Date(cursor);
    }
  }
  throw new Error(`no opening within ${MAX_SCAN_DAYS} days of ${at.toISOString()}`);
}
