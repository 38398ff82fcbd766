const MINUTE = 60_000;
const DAY = 86_400_000;
const SAMPLE_STEP = 7 * DAY;
/** Offsets east of UTC stay within these bounds in every zone (Pacific/Kiritimati is +14, Etc/GMT+12 is -12). */
const MAX_OFFSET = 14 * 60 * MINUTE;

type YearOffsets = {
  /** Offset in ms in effect at the start of the year. */
  initial: number;
  /** Changes within the year, ascending: from `at` (UTC ms) on, `offset` applies. */
  changes: Array<{ at: number; offset: number }>;
};

/** [start, end) in UTC ms during which one offset holds. */
type Segment = { start: number; end: number; offset: number };

/**
 * UTC offsets of one IANA zone, learned from `Intl.DateTimeFormat` a year at a time and cached.
 * Intl costs ~20 µs a call, so calendars look offsets up here instead of formatting every instant.
 */
export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearOffsets>();
  private lastSegment: Segment = { start: 0, end: 0, offset: 0 };

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Offset (ms, positive east of UTC) in effect at the UTC instant `utc`. */
  offsetAt(utc: number): number {
    return this.segmentAt(utc).offset;
  }

  /** Wall-clock time at `utc`, expressed as ms since the epoch of the local calendar. */
  wallAt(utc: number): number {
    return utc + this.segmentAt(utc).offset;
  }

  /**
   * The first instant whose wall clock reads `wall` or later. A wall time skipped by a
   * spring-forward gap maps to the moment of the jump; a repeated one maps to its first occurrence.
   */
  instantOfWall(wall: number): number {
    let segment = this.segmentAt(wall - MAX_OFFSET);
    // Usually one offset holds over the whole window in which the answer can lie.
    if (segment.end > wall + MAX_OFFSET) return wall - segment.offset;
    let segmentStart = wall - MAX_OFFSET;
    for (;;) {
      if (wall < segment.end + segment.offset) return Math.max(segmentStart, wall - segment.offset);
      segmentStart = segment.end;
      segment = this.segmentAt(segment.end);
    }
  }

  /** The offset in effect at `utc` holds until the returned instant (a change, or the year's end). */
  stableUntil(utc: number): number {
    return this.segmentAt(utc).end;
  }

  /** The span around `utc` with one offset; the last one found is kept, as lookups come in runs. */
  private segmentAt(utc: number): Segment {
    const cached = this.lastSegment;
    if (cached.start <= utc && utc < cached.end) return cached;
    const year = new Date(utc).getUTCFullYear();
    const offsets = this.loadYear(year);
    let start = Date.UTC(year, 0, 1);
    let offset = offsets.initial;
    let end: number | null = null;
    for (const change of offsets.changes) {
      if (change.at > utc) {
        end = change.at;
        break;
      }
      start = change.at;
      offset = change.offset;
    }
    // Segments stop at the year's end: each year's table starts from its own measured offset.
    if (end === null) end = Date.UTC(year + 1, 0, 1);
    this.lastSegment = { start, end, offset };
    return this.lastSegment;
  }

  private loadYear(year: number): YearOffsets {
    const cached = this.years.get(year);
    if (cached) return cached;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const initial = this.measure(start);
    const changes: YearOffsets["changes"] = [];
    let before = start;
    let beforeOffset = initial;
    while (before < end) {
      const after = Math.min(before + SAMPLE_STEP, end);
      const afterOffset = this.measure(after);
      if (afterOffset !== beforeOffset) {
        changes.push({ at: this.findChange(before, after, afterOffset), offset: afterOffset });
      }
      before = after;
      beforeOffset = afterOffset;
    }
    // A change exactly at the next year's first instant belongs to that year.
    const lastChange = changes.at(-1);
    if (lastChange && lastChange.at >= end) changes.pop();
    const offsets = { initial, changes };
    this.years.set(year, offsets);
    return offsets;
  }

  /** Binary search on whole minutes for the first instant in (lo, hi] that has `offset`. */
  private findChange(lo: number, hi: number, offset: number): number {
    let low = Math.floor(lo / MINUTE);
    let high = Math.ceil(hi / MINUTE);
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (this.measure(mid * MINUTE) === offset) high = mid;
      else low = mid;
    }
    return high * MINUTE;
  }

  private measure(utc: number): number {
    const parts = this.format.formatToParts(utc);
    const get = (type: Intl.DateTimeFormatPartTypes) =>
      Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
    const wall = Date.UTC(
      get("year"),
      get("month") - 1,
      get("day"),
      get("hour"),
      get("minute"),
      get("second"),
    );
    // Intl drops milliseconds, so compare against the instant truncated to the second.
    return wall - Math.floor(utc / 1000) * 1000;
  }
}

/** Building a formatter costs tens of microseconds, and every calendar read from the database asks. */
const knownZones = new Set<string>();

export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

const zones = new Map<string, ZoneOffsets>();

export function getZoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

export const DAY_MS = DAY;
export const MINUTE_MS = MINUTE;
