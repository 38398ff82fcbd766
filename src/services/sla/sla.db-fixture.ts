import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { departments, services, slaCalendars, slaPolicies } from "../../db/schema";

/**
 * A service on a round-the-clock UTC calendar, so due times are plain arithmetic: first response 30
 * minutes, next response 60, resolution 120, a warning 10 minutes before, and two escalation steps.
 */
export async function createRoundTheClockService(
  database: Database,
  overrides: { pause?: boolean; escalation?: { afterMinutes: number; notify: string }[] } = {},
) {
  const code = `sla-${randomUUID().slice(0, 8)}`;
  await database.db.insert(departments).values([
    { code: `${code}-a`, names: { en: "Team A" } },
    { code: `${code}-b`, names: { en: "Team B" } },
  ]);
  await database.db.insert(slaCalendars).values({ code, timeZone: "UTC", hours: "all" });
  await database.db.insert(slaPolicies).values({
    code,
    calendarCode: code,
    firstResponseMinutes: 30,
    nextResponseMinutes: 60,
    resolutionMinutes: 120,
    warnBeforeMinutes: 10,
    pauseWhenWaitingForCitizen: overrides.pause ?? true,
    priorityFactors: { urgent: 0.5 },
    escalation: overrides.escalation ?? [
      { afterMinutes: 0, notify: "assignee" },
      { afterMinutes: 30, notify: "team_lead" },
    ],
  });
  await database.db.insert(services).values({
    code,
    names: { en: "Round the clock" },
    departmentCode: `${code}-a`,
    slaPolicyCode: code,
    locationRequired: false,
  });
  return { serviceCode: code, policyCode: code, teamA: `${code}-a`, teamB: `${code}-b` };
}
