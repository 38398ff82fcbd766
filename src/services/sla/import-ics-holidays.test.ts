import { describe, expect, it } from "vitest";
import { addBusinessMinutes, BusinessCalendar } from "./calendar";
import { importIcsHolidays } from "./import-ics-holidays";

const ics = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Example//Holidays//EN",
  "BEGIN:VEVENT",
  "UID:1@example",
  "DTSTART;VALUE=DATE:20261225",
  "SUMMARY:Christmas Day",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:2@example",
  "DTSTART;VALUE=DATE:20261228",
  "DTEND;VALUE=DATE:20261230",
  // A folded line: the continuation starts with a single space.
  "SUMMARY:Boxing Day (substitute) and a very long description that the publisher fol",
  " ded onto two lines",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:3@example",
  "DTSTART;VALUE=DATE:20270101",
  "DURATION:P1D",
  "SUMMARY:New Year's Day",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:4@example",
  "DTSTART;VALUE=DATE:20260101",
  "RRULE:FREQ=YEARLY",
  "SUMMARY:Every New Year",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:5@example",
  "DTSTART;VALUE=DATE:20260704",
  "STATUS:CANCELLED",
  "SUMMARY:Cancelled picnic",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

describe("importIcsHolidays", () => {
  it("reads all-day and multi-day events, DTEND being exclusive", () => {
    const result = importIcsHolidays(ics);
    expect(result.dates).toEqual(["2026-12-25", "2026-12-28", "2026-12-29", "2027-01-01"]);
  });

  it("reports recurring events instead of importing only their first year", () => {
    const result = importIcsHolidays(ics);
    expect(result.skipped).toEqual([{ summary: "Every New Year", reason: expect.stringContaining("RRULE") }]);
  });

  it("unfolds folded lines before reading properties", () => {
    const folded = ["BEGIN:VEVENT", "DTSTART;VALUE=DA", " TE:20260525", "END:VEVENT"].join("\r\n");
    expect(importIcsHolidays(folded).dates).toEqual(["2026-05-25"]);
    const lfOnly = ["BEGIN:VEVENT", "DTSTART;VALUE=DATE:2026", "\t0831", "END:VEVENT"].join("\n");
    expect(importIcsHolidays(lfOnly).dates).toEqual(["2026-08-31"]);
  });

  it("reads a UTC all-day holiday on the calendar's own wall clock", () => {
    // A feed that wrote Christmas in Auckland as UTC instants: 24 Dec 11:00Z to 25 Dec 11:00Z.
    const utcFeed = [
      "BEGIN:VEVENT",
      "DTSTART:20261224T110000Z",
      "DTEND:20261225T110000Z",
      "SUMMARY:Christmas Day",
      "END:VEVENT",
    ].join("\r\n");
    expect(importIcsHolidays(utcFeed, { timeZone: "Pacific/Auckland" }).dates).toEqual(["2026-12-25"]);
    // Naively taking the date part would have made the 24th the holiday.
    expect(importIcsHolidays(utcFeed, { timeZone: "UTC" }).dates).toEqual(["2026-12-24", "2026-12-25"]);
    const zoned = ["BEGIN:VEVENT", "DTSTART;TZID=America/Los_Angeles:20260703T230000", "END:VEVENT"].join(
      "\r\n",
    );
    expect(importIcsHolidays(zoned, { timeZone: "America/New_York" }).dates).toEqual(["2026-07-04"]);
  });

  it("feeds a calendar whose clock then skips those days", () => {
    const { dates } = importIcsHolidays(ics);
    const calendar = BusinessCalendar.parse({
      timeZone: "Europe/London",
      hours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]] },
      holidays: dates,
    });
    // Wed 23 Dec 16:00 + 120 minutes: one hour on Wednesday; Mon 28 and Tue 29 are holidays → Wed 30 10:00.
    expect(addBusinessMinutes(calendar, new Date("2026-12-23T16:00:00Z"), 120)).toEqual(
      new Date("2026-12-30T10:00:00Z"),
    );
  });
});
