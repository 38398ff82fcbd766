import { describe, expect, it } from "vitest";
import { addBusinessMinutes, BusinessCalendar, businessMinutesBetween } from "./calendar";
import { computeSlaDueTimes } from "./compute-sla-due-times";
import { makeCaseTimerState, makePolicy } from "./sla.fixture";

const at = (iso: string) => new Date(iso);
const now = at("2026-06-10T12:00:00Z");

describe("computeSlaDueTimes", () => {
  it("counts each timer in business minutes from the opening", () => {
    const state = makeCaseTimerState(); // opened Monday 1 June, 09:00 London
    const due = computeSlaDueTimes({ ...state, now })!;
    // 240 minutes: 09:00-12:30 (210) then 13:30-14:00 (30).
    expect(due.firstResponseDue).toEqual(at("2026-06-01T13:00:00Z"));
    expect(businessMinutesBetween(state.calendar!, state.openedAt, due.resolutionDue)).toBe(2220);
    expect(due.nextResponseDue).toBeNull();
    expect(due.paused).toBe(false);
    expect(due.timers.map((t) => [t.timer, t.running])).toEqual([
      ["first_response", true],
      ["resolution", true],
    ]);
  });

  it("recomputes from history when the priority changes", () => {
    const state = makeCaseTimerState();
    const urgent = computeSlaDueTimes({ ...state, priority: "urgent", now })!;
    const low = computeSlaDueTimes({ ...state, priority: "low", now })!;
    expect(urgent.firstResponseDue).toEqual(at("2026-06-01T09:00:00Z")); // 60 minutes
    expect(businessMinutesBetween(state.calendar!, state.openedAt, low.firstResponseDue)).toBe(480);
  });

  it("stops the clock while waiting for the citizen, when the policy says so", () => {
    const openedAt = at("2026-06-01T08:00:00Z");
    const statusHistory = [
      { status: "open" as const, at: openedAt },
      { status: "waiting_for_citizen" as const, at: at("2026-06-01T09:00:00Z") }, // Mon 10:00
      { status: "open" as const, at: at("2026-06-02T09:00:00Z") }, // Tue 10:00
    ];
    const state = makeCaseTimerState({
      openedAt,
      statusHistory,
      firstRespondedAt: at("2026-06-01T08:30:00Z"),
    });
    const plain = computeSlaDueTimes({ ...state, statusHistory: [statusHistory[0]!], now })!;
    const paused = computeSlaDueTimes({ ...state, now })!;
    // Monday 10:00-17:00 (360 business minutes) and Tuesday 08:30-10:00 (90) did not count.
    expect(businessMinutesBetween(state.calendar!, plain.resolutionDue, paused.resolutionDue)).toBe(450);
    const noPausing = computeSlaDueTimes({
      ...state,
      policy: makePolicy({ pauseWhenWaitingForCitizen: false }),
      now,
    })!;
    expect(noPausing.resolutionDue).toEqual(plain.resolutionDue);
  });

  it("reports a paused case and leaves none of its timers running", () => {
    const state = makeCaseTimerState({
      statusHistory: [
        { status: "open", at: at("2026-06-01T08:00:00Z") },
        { status: "waiting_for_citizen", at: at("2026-06-01T09:00:00Z") },
      ],
    });
    const due = computeSlaDueTimes({ ...state, now })!;
    expect(due.paused).toBe(true);
    expect(due.timers.every((t) => !t.running)).toBe(true);
  });

  it("does not count the time a case spent resolved when it is reopened", () => {
    const openedAt = at("2026-06-01T08:00:00Z");
    const state = makeCaseTimerState({
      openedAt,
      statusHistory: [
        { status: "open", at: openedAt },
        { status: "resolved", at: at("2026-06-02T08:00:00Z") },
        { status: "open", at: at("2026-06-04T08:00:00Z") }, // reopened two office days later
      ],
    });
    const due = computeSlaDueTimes({ ...state, now })!;
    const expected = addBusinessMinutes(state.calendar!, openedAt, 2220, [
      { start: at("2026-06-02T08:00:00Z"), end: at("2026-06-04T08:00:00Z") },
    ]);
    expect(due.resolutionDue).toEqual(expected);
    expect(due.timers.find((t) => t.timer === "resolution")?.running).toBe(true);
    const resolved = computeSlaDueTimes({
      ...state,
      statusHistory: state.statusHistory.slice(0, 2),
      now,
    })!;
    expect(resolved.timers.every((t) => !t.running)).toBe(true);
  });

  describe("next response", () => {
    const openedAt = at("2026-06-01T08:00:00Z");
    const firstRespondedAt = at("2026-06-01T09:00:00Z");

    it("is due when the citizen spoke last, counted from their message", () => {
      const state = makeCaseTimerState({
        openedAt,
        firstRespondedAt,
        lastStaffReplyAt: firstRespondedAt,
        lastCitizenMessageAt: at("2026-06-01T10:00:00Z"), // Mon 11:00
      });
      const due = computeSlaDueTimes({ ...state, now })!;
      expect(due.nextResponseDue).toEqual(
        addBusinessMinutes(state.calendar!, at("2026-06-01T10:00:00Z"), 480),
      );
      expect(due.timers.find((t) => t.timer === "next_response")?.running).toBe(true);
    });

    it("is not due when staff replied after the citizen's last message", () => {
      const state = makeCaseTimerState({
        openedAt,
        firstRespondedAt,
        lastCitizenMessageAt: at("2026-06-01T10:00:00Z"),
        lastStaffReplyAt: at("2026-06-01T10:05:00Z"),
      });
      expect(computeSlaDueTimes({ ...state, now })?.nextResponseDue).toBeNull();
    });

    it("is not due before the first response (that is the first-response timer's job)", () => {
      const state = makeCaseTimerState({ openedAt, lastCitizenMessageAt: at("2026-06-01T10:00:00Z") });
      expect(computeSlaDueTimes({ ...state, now })?.nextResponseDue).toBeNull();
    });

    it("counts a first response given without a message as the latest staff word", () => {
      const state = makeCaseTimerState({
        openedAt,
        firstRespondedAt,
        lastStaffReplyAt: null,
        lastCitizenMessageAt: at("2026-06-01T08:30:00Z"),
      });
      expect(computeSlaDueTimes({ ...state, now })?.nextResponseDue).toBeNull();
    });
  });

  it("gives no due times without an active policy or calendar", () => {
    const state = makeCaseTimerState();
    expect(computeSlaDueTimes({ ...state, policy: null, now })).toBeNull();
    expect(computeSlaDueTimes({ ...state, policy: makePolicy({ active: false }), now })).toBeNull();
    expect(computeSlaDueTimes({ ...state, calendar: null, now })).toBeNull();
  });

  it("skips a holiday on the calendar's local date, not the server's", () => {
    const auckland = BusinessCalendar.parse({
      timeZone: "Pacific/Auckland",
      hours: { thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]], mon: [["09:00", "17:00"]] },
      holidays: ["2026-12-25"],
    });
    // Thursday 24 December 16:00 in Auckland is 03:00Z: still the 24th in UTC.
    const state = makeCaseTimerState({ openedAt: at("2026-12-24T03:00:00Z"), calendar: auckland });
    const due = computeSlaDueTimes({ ...state, now })!; // 240 minutes
    // 60 minutes on Thursday; Friday 25 is Christmas in Auckland; 180 more on Monday 28 → 12:00 NZDT.
    // Had the holiday been read as the UTC date, Friday morning would have counted (due 24 Dec 23:00Z).
    expect(due.firstResponseDue).toEqual(at("2026-12-27T23:00:00Z"));
  });
});
