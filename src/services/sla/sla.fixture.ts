import { BusinessCalendar } from "./calendar";
import { type CaseTimerState, SlaPolicy } from "./policy";

const officeDay = [
  ["08:30", "12:30"],
  ["13:30", "17:00"],
] as Array<[string, string]>;

/** Riverton's office calendar (Europe/London) with the 2026 bank holidays. */
export function makeOfficeCalendar(): BusinessCalendar {
  return BusinessCalendar.parse({
    timeZone: "Europe/London",
    hours: {
      mon: officeDay,
      tue: officeDay,
      wed: officeDay,
      thu: officeDay,
      fri: [
        ["08:30", "12:30"],
        ["13:30", "16:30"],
      ],
    },
    holidays: ["2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  });
}

export function makePolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return SlaPolicy.parse({
    code: "standard-repair",
    version: 1,
    calendarCode: "office",
    firstResponseMinutes: 240,
    nextResponseMinutes: 480,
    resolutionMinutes: 2220,
    warnBeforeMinutes: 60,
    pauseWhenWaitingForCitizen: true,
    priorityFactors: { low: 2, normal: 1, high: 0.5, urgent: 0.25 },
    escalation: [
      { afterMinutes: 0, notify: "assignee" },
      { afterMinutes: 120, notify: "team_lead" },
      { afterMinutes: 480, notify: "department_head" },
    ],
    ...overrides,
  });
}

let caseCounter = 0;

export function makeCaseTimerState(overrides: Partial<CaseTimerState> = {}): CaseTimerState {
  caseCounter++;
  const openedAt = overrides.openedAt ?? new Date("2026-06-01T08:00:00Z"); // Monday 09:00 in London
  return {
    caseId: `case-${caseCounter}`,
    teamCode: "highways",
    priority: "normal",
    openedAt,
    statusHistory: [{ status: "new", at: openedAt }],
    firstRespondedAt: null,
    lastCitizenMessageAt: openedAt,
    lastStaffReplyAt: null,
    policy: makePolicy(),
    calendar: makeOfficeCalendar(),
    firedKeys: new Set(),
    ...overrides,
  };
}
