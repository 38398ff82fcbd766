import { afterEach, describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  BusinessCalendar,
  businessMinutesBetween,
  type Interval,
  isOpen,
  nextOpening,
} from "./calendar";

const office = BusinessCalendar.parse({
  timeZone: "Europe/London",
  hours: {
    mon: [
      ["08:30", "12:30"],
      ["13:30", "17:00"],
    ],
    tue: [
      ["08:30", "12:30"],
      ["13:30", "17:00"],
    ],
    wed: [
      ["08:30", "12:30"],
      ["13:30", "17:00"],
    ],
    thu: [
      ["08:30", "12:30"],
      ["13:30", "17:00"],
    ],
    fri: [
      ["08:30", "12:30"],
      ["13:30", "16:30"],
    ],
  },
  holidays: ["2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
});

const at = (iso: string) => new Date(iso);

describe("business calendar: weekly slots", () => {
  it("counts only inside the slots of the day", () => {
    // 2026-06-01 is a Monday; London is on BST (UTC+1).
    expect(addBusinessMinutes(office, at("2026-06-01T07:00:00Z"), 60)).toEqual(at("2026-06-01T08:30:00Z"));
    // From 12:00 local: 30 minutes before lunch, 30 after it.
    expect(addBusinessMinutes(office, at("2026-06-01T11:00:00Z"), 60)).toEqual(at("2026-06-01T13:00:00Z"));
    // Exactly reaching the end of a slot gives the slot's end, not the next opening.
    expect(addBusinessMinutes(office, at("2026-06-01T11:00:00Z"), 30)).toEqual(at("2026-06-01T11:30:00Z"));
  });

  it("skips the weekend and bank holidays", () => {
    // Friday 22 May 16:00 local, 60 minutes: 30 on Friday, Monday 25 is a bank holiday, 30 on Tuesday.
    expect(addBusinessMinutes(office, at("2026-05-22T15:00:00Z"), 60)).toEqual(at("2026-05-26T08:00:00Z"));
    expect(businessMinutesBetween(office, at("2026-05-22T15:00:00Z"), at("2026-05-26T08:00:00Z"))).toBe(60);
  });

  it("reports openings", () => {
    expect(isOpen(office, at("2026-06-01T08:00:00Z"))).toBe(true); // Mon 09:00
    expect(isOpen(office, at("2026-06-01T11:45:00Z"))).toBe(false); // lunch
    expect(isOpen(office, at("2026-05-25T10:00:00Z"))).toBe(false); // bank holiday
    expect(nextOpening(office, at("2026-06-01T11:45:00Z"))).toEqual(at("2026-06-01T12:30:00Z"));
    expect(nextOpening(office, at("2026-06-01T08:00:00Z"))).toEqual(at("2026-06-01T08:00:00Z"));
    // Friday 17:00 local before the August bank holiday → Tuesday 08:30.
    expect(nextOpening(office, at("2026-08-28T16:00:00Z"))).toEqual(at("2026-09-01T07:30:00Z"));
  });

  it("treats paused time as closed", () => {
    const pauses: Interval[] = [{ start: at("2026-06-01T08:00:00Z"), end: at("2026-06-01T09:00:00Z") }];
    // Mon 08:30 local + 60: 30 minutes, then paused 09:00-10:00 local, then 30 more.
    expect(addBusinessMinutes(office, at("2026-06-01T07:30:00Z"), 60, pauses)).toEqual(
      at("2026-06-01T09:30:00Z"),
    );
    expect(isOpen(office, at("2026-06-01T08:30:00Z"), pauses)).toBe(false);
    expect(nextOpening(office, at("2026-06-01T08:30:00Z"), pauses)).toEqual(at("2026-06-01T09:00:00Z"));
    expect(
      businessMinutesBetween(office, at("2026-06-01T07:30:00Z"), at("2026-06-01T09:30:00Z"), pauses),
    ).toBe(60);
  });

  it("rejects calendars with no hours, bad slots or unknown zones", () => {
    expect(BusinessCalendar.safeParse({ timeZone: "Europe/London", hours: {} }).success).toBe(false);
    expect(BusinessCalendar.safeParse({ timeZone: "Mars/Olympus", hours: "all" }).success).toBe(false);
    expect(
      BusinessCalendar.safeParse({ timeZone: "UTC", hours: { mon: [["17:00", "09:00"]] } }).success,
    ).toBe(false);
    expect(
      BusinessCalendar.safeParse({ timeZone: "UTC", hours: { tues: [["09:00", "17:00"]] } }).success,
    ).toBe(false);
  });
});

describe("business calendar: daylight saving changes (Europe/London)", () => {
  const nightShift = BusinessCalendar.parse({
    timeZone: "Europe/London",
    hours: { sun: [["00:30", "02:30"]], mon: [["01:00", "02:00"]] },
  });

  it("a 00:30-02:30 slot lasts one real hour on the spring-forward Sunday", () => {
    // 2026-03-29: at 01:00 GMT the clocks jump to 02:00 BST.
    const dayStart = at("2026-03-29T00:00:00Z");
    const dayEnd = at("2026-03-29T23:00:00Z");
    expect(businessMinutesBetween(nightShift, dayStart, dayEnd)).toBe(60);
    // 45 minutes from 00:30 GMT: 30 minutes before the jump, 15 after (02:15 BST = 01:15Z).
    expect(addBusinessMinutes(nightShift, at("2026-03-29T00:30:00Z"), 45)).toEqual(
      at("2026-03-29T01:15:00Z"),
    );
    expect(isOpen(nightShift, at("2026-03-29T01:20:00Z"))).toBe(true); // 02:20 BST
    expect(isOpen(nightShift, at("2026-03-29T01:30:00Z"))).toBe(false); // 02:30 BST
  });

  it("the same slot lasts three real hours on the fall-back Sunday", () => {
    // 2026-10-25: at 02:00 BST (01:00Z) the clocks go back to 01:00 GMT.
    expect(businessMinutesBetween(nightShift, at("2026-10-24T22:00:00Z"), at("2026-10-25T12:00:00Z"))).toBe(
      180,
    );
    expect(nextOpening(nightShift, at("2026-10-24T22:00:00Z"))).toEqual(at("2026-10-24T23:30:00Z"));
    expect(addBusinessMinutes(nightShift, at("2026-10-24T23:30:00Z"), 180)).toEqual(
      at("2026-10-25T02:30:00Z"),
    );
  });

  it("an ordinary Sunday slot is two hours either side of the changes", () => {
    expect(businessMinutesBetween(nightShift, at("2026-03-22T00:00:00Z"), at("2026-03-22T12:00:00Z"))).toBe(
      120,
    );
    expect(businessMinutesBetween(nightShift, at("2026-11-01T00:00:00Z"), at("2026-11-01T12:00:00Z"))).toBe(
      120,
    );
  });

  it("a 24/7 calendar has 23 and 25 hour days at the changes", () => {
    const always = BusinessCalendar.parse({ timeZone: "Europe/London", hours: "all" });
    expect(businessMinutesBetween(always, at("2026-03-29T00:00:00Z"), at("2026-03-29T23:00:00Z"))).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(always, at("2026-10-24T23:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(
      25 * 60,
    );
  });
});

describe("business calendar: holidays are local dates, whatever the server's zone", () => {
  const auckland = BusinessCalendar.parse({
    timeZone: "Pacific/Auckland",
    hours: "all",
    holidays: ["2026-12-25"],
  });
  const losAngeles = BusinessCalendar.parse({
    timeZone: "America/Los_Angeles",
    hours: "24/7",
    holidays: ["2026-07-04"],
  });
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  const expectations = () => {
    // Christmas Day in Auckland (NZDT, UTC+13) runs from 24 Dec 11:00Z to 25 Dec 11:00Z.
    expect(isOpen(auckland, at("2026-12-24T10:59:00Z"))).toBe(true);
    expect(isOpen(auckland, at("2026-12-24T11:00:00Z"))).toBe(false);
    expect(isOpen(auckland, at("2026-12-25T10:59:00Z"))).toBe(false);
    expect(isOpen(auckland, at("2026-12-25T11:00:00Z"))).toBe(true);
    expect(nextOpening(auckland, at("2026-12-24T12:00:00Z"))).toEqual(at("2026-12-25T11:00:00Z"));
    expect(businessMinutesBetween(auckland, at("2026-12-24T00:00:00Z"), at("2026-12-26T00:00:00Z"))).toBe(
      24 * 60,
    );
    // Independence Day in Los Angeles (PDT, UTC-7) runs from 4 Jul 07:00Z to 5 Jul 07:00Z.
    expect(isOpen(losAngeles, at("2026-07-04T03:00:00Z"))).toBe(true);
    expect(isOpen(losAngeles, at("2026-07-04T07:00:00Z"))).toBe(false);
    expect(isOpen(losAngeles, at("2026-07-05T03:00:00Z"))).toBe(false);
    expect(addBusinessMinutes(losAngeles, at("2026-07-04T06:00:00Z"), 120)).toEqual(
      at("2026-07-05T08:00:00Z"),
    );
  };

  it("on a UTC server", () => {
    process.env.TZ = "UTC";
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    expectations();
  });

  it("on servers in Kiritimati (UTC+14) and Honolulu (UTC-10)", () => {
    process.env.TZ = "Pacific/Kiritimati";
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    expectations();
    process.env.TZ = "Pacific/Honolulu";
    expectations();
  });
});

/**
 * An independent, minute-by-minute reference: asks Intl for the wall clock of every minute and
 * checks it against the slots. Slow, so only used over spans of a few days.
 */
function referenceOpenMinutes(calendar: BusinessCalendar, from: number, count: number, pauses: Interval[]) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: calendar.timeZone,
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const open: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const t = from + i * 60_000;
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    const weekday = String(parts.weekday).toLowerCase().slice(0, 3) as "mon";
    const slots =
      calendar.hours === "all" || calendar.hours === "24/7"
        ? [["00:00", "24:00"]]
        : (calendar.hours[weekday] ?? []);
    const paused = pauses.some((p) => p.start.getTime() <= t && t < p.end.getTime());
    open.push(
      !paused &&
        !calendar.holidays.includes(date) &&
        slots.some(([start, end]) => start! <= time && time < end!),
    );
  }
  return open;
}

describe("business calendar: agrees with a minute-by-minute reference", () => {
  const calendars = {
    office,
    auckland: BusinessCalendar.parse({
      timeZone: "Pacific/Auckland",
      hours: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        sat: [
          ["10:00", "12:00"],
          ["22:00", "24:00"],
        ],
        sun: [["00:00", "04:00"]],
      },
      holidays: ["2026-04-06", "2026-09-29"],
    }),
    losAngeles: BusinessCalendar.parse({
      timeZone: "America/Los_Angeles",
      hours: { fri: [["07:00", "19:00"]], sun: [["00:30", "03:30"]], mon: [["08:00", "12:00"]] },
      holidays: ["2026-03-09", "2026-11-02"],
    }),
  };
  // Spans that cross DST changes in each hemisphere and the holidays above.
  const starts = [
    "2026-03-27T00:00:00Z",
    "2026-04-03T10:07:00Z",
    "2026-03-06T18:00:00Z",
    "2026-09-25T12:00:00Z",
    "2026-10-23T05:00:00Z",
    "2026-10-30T20:00:00Z",
  ];

  for (const [name, calendar] of Object.entries(calendars)) {
    it(`${name}: minutes between and minutes added match`, () => {
      let seed = 42;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      for (const iso of starts) {
        const from = at(iso).getTime();
        const span = 5 * 24 * 60;
        const pauseStart = from + Math.floor(random() * span) * 60_000;
        const pauses = [{ start: new Date(pauseStart), end: new Date(pauseStart + 300 * 60_000) }];
        const open = referenceOpenMinutes(calendar, from, span, pauses);
        for (let trial = 0; trial < 8; trial++) {
          const a = Math.floor(random() * span);
          const b = a + Math.floor(random() * (span - a));
          const expected = open.slice(a, b).filter(Boolean).length;
          const between = businessMinutesBetween(
            calendar,
            new Date(from + a * 60_000),
            new Date(from + b * 60_000),
            pauses,
          );
          expect(between, `${name} ${iso} [${a}, ${b})`).toBe(expected);
          if (expected > 0) {
            // The instant n minutes are used up is the end of the n-th open minute after a.
            let seen = 0;
            let endIndex = a;
            for (; seen < expected; endIndex++) if (open[endIndex]) seen++;
            const added = addBusinessMinutes(calendar, new Date(from + a * 60_000), expected, pauses);
            expect(added.getTime(), `${name} ${iso} +${expected}`).toBe(from + endIndex * 60_000);
          }
        }
      }
    });
  }
});

describe("business calendar: long spans", () => {
  it("adds 100,000 business minutes across holidays and DST changes and counts them back", () => {
    // The year's holidays and DST changes are walked day by day, the clean weeks skipped whole.
    for (let i = 0; i < 200; i++) {
      const start = new Date(at("2026-02-02T09:15:00Z").getTime() + i * 3_700_000);
      const result = addBusinessMinutes(office, start, 100_000);
      expect(businessMinutesBetween(office, start, result)).toBe(100_000);
    }
  });

  it("is consistent over ten years of a 24/7 calendar", () => {
    const always = BusinessCalendar.parse({
      timeZone: "Europe/London",
      hours: "all",
      holidays: ["2030-01-01"],
    });
    const start = at("2026-01-01T00:00:00Z");
    const end = addBusinessMinutes(always, start, 10 * 365 * 1440);
    // 3650 working days plus the holiday: 3651 days on, one day short of 2036 (2028 and 2032 are leap years).
    expect(end).toEqual(at("2035-12-31T00:00:00Z"));
  });
});
