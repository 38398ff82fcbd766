import { addBusinessMinutes, type Interval } from "./calendar";
import type { CaseStatus, CaseTimerState, SlaTimerName } from "./policy";

export type SlaTimer = {
  timer: SlaTimerName;
  /** When the clock of this timer started (case opened, or the citizen's unanswered message). */
  startedAt: Date;
  /** Business minutes allowed, after the priority factor. */
  minutes: number;
  dueAt: Date;
  /** False once met, while paused, or while the case is resolved or closed. */
  running: boolean;
};

/** While a case is paused, due times are given as if its clock restarted at `now`. */
export type SlaDueTimes = {
  firstResponseDue: Date;
  /** Due only while a citizen message has no staff reply after it. */
  nextResponseDue: Date | null;
  resolutionDue: Date;
  /** The case is waiting for the citizen and the policy stops the clock meanwhile. */
  paused: boolean;
  timers: SlaTimer[];
  /** Intervals in which every clock stood still; `now` closes the current one. */
  pauses: Interval[];
};

const STOPPED: ReadonlySet<CaseStatus> = new Set(["resolved", "closed"]);

type DueTimesInput = Omit<CaseTimerState, "caseId" | "teamCode" | "firedKeys"> & { now: Date };

/**
 * Derives every due time from the case's history, so a change of priority, policy, calendar or
 * status only needs a recomputation. Returns null when no active policy applies.
 */
export function computeSlaDueTimes(input: DueTimesInput): SlaDueTimes | null {
  const { policy, calendar } = input;
  if (!policy?.active || !calendar) return null;

  const history = input.statusHistory.length
    ? input.statusHistory
    : [{ status: "new" as const, at: input.openedAt }];
  const currentStatus = history.at(-1)?.status ?? "new";
  const stopped = STOPPED.has(currentStatus);
  const paused = currentStatus === "waiting_for_citizen" && policy.pauseWhenWaitingForCitizen;
  const pauses = collectPauses(
    history,
    input.now,
    (status) =>
      STOPPED.has(status) || (status === "waiting_for_citizen" && policy.pauseWhenWaitingForCitizen),
  );

  const factor = policy.priorityFactors[input.priority] ?? 1;
  const makeTimer = (timer: SlaTimerName, startedAt: Date, baseMinutes: number, met: boolean): SlaTimer => {
    const minutes = baseMinutes * factor;
    return {
      timer,
      startedAt,
      minutes,
      dueAt: addBusinessMinutes(calendar, startedAt, minutes, pauses),
      running: !met && !stopped && !paused,
    };
  };

  const firstResponse = makeTimer(
    "first_response",
    input.openedAt,
    policy.firstResponseMinutes,
    input.firstRespondedAt !== null,
  );
  const resolution = makeTimer("resolution", input.openedAt, policy.resolutionMinutes, false);
  const unanswered = unansweredCitizenMessageAt(input);
  const nextResponse = unanswered
    ? makeTimer("next_response", unanswered, policy.nextResponseMinutes, false)
    : null;

  return {
    firstResponseDue: firstResponse.dueAt,
    nextResponseDue: nextResponse?.dueAt ?? null,
    resolutionDue: resolution.dueAt,
    paused,
    timers: nextResponse ? [firstResponse, nextResponse, resolution] : [firstResponse, resolution],
    pauses,
  };
}

/**
 * The citizen message that awaits a staff reply, if any. Before the first response that wait is the
 * first-response timer's business, and a citizen who spoke after our last reply is owed one; a staff
 * reply after their message means nothing is owed.
 */
function unansweredCitizenMessageAt(input: DueTimesInput): Date | null {
  const { firstRespondedAt, lastCitizenMessageAt, lastStaffReplyAt } = input;
  if (!firstRespondedAt || !lastCitizenMessageAt) return null;
  const lastStaff = Math.max(firstRespondedAt.getTime(), lastStaffReplyAt?.getTime() ?? 0);
  return lastCitizenMessageAt.getTime() > lastStaff ? lastCitizenMessageAt : null;
}

function collectPauses(
  history: ReadonlyArray<{ status: CaseStatus; at: Date }>,
  now: Date,
  stopsClock: (status: CaseStatus) => boolean,
): Interval[] {
  const pauses: Interval[] = [];
  history.forEach((entry, index) => {
    if (!stopsClock(entry.status)) return;
    const end = history[index + 1]?.at ?? now;
    if (end > entry.at) pauses.push({ start: entry.at, end });
  });
  return pauses;
}
