import { describe, expect, it } from "vitest";
import { type HandleSlaTimerDeps, handleSlaTimer, type SlaTimerFiring } from "./handle-sla-timer";
import { type PlannedTimer, planTimers } from "./plan-timers";
import type { CaseTimerState } from "./policy";
import { makeCaseTimerState, makePolicy } from "./sla.fixture";

const at = (iso: string) => new Date(iso);

/** Stands in for the cases table: one row per case, fired keys recorded once, like a unique index. */
function createCaseStore(...states: CaseTimerState[]) {
  const cases = new Map(
    states.map((state) => [state.caseId, { ...state, firedKeys: new Set(state.firedKeys) }]),
  );
  const firings: SlaTimerFiring[] = [];
  const deps: HandleSlaTimerDeps = {
    loadCaseTimerState: async (caseId) => cases.get(caseId) ?? null,
    recordTimerFired: async (firing) => {
      const row = cases.get(firing.caseId);
      if (!row || row.firedKeys.has(firing.key)) return false;
      row.firedKeys.add(firing.key);
      firings.push(firing);
      return true;
    },
  };
  const update = (caseId: string, change: Partial<CaseTimerState>) => {
    const row = cases.get(caseId)!;
    cases.set(caseId, { ...row, ...change, firedKeys: row.firedKeys });
  };
  return { deps, firings, update };
}

/** Runs each planned job at its own due time, as the queue would. */
async function fireAll(timers: PlannedTimer[], caseId: string, deps: HandleSlaTimerDeps) {
  const outcomes = [];
  for (const timer of [...timers].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
    outcomes.push(await handleSlaTimer({ caseId, key: timer.key }, deps, timer.dueAt));
  }
  return outcomes;
}

const openedAt = at("2026-06-01T08:00:00Z");

describe("handleSlaTimer", () => {
  it("fires a breach exactly once however often the job is delivered", async () => {
    const state = makeCaseTimerState();
    const { deps, firings } = createCaseStore(state);
    const breach = planTimers(state, openedAt).find((t) => t.kind === "sla.breach")!;
    const job = { caseId: state.caseId, key: breach.key };
    expect((await handleSlaTimer(job, deps, breach.dueAt)).outcome).toBe("fired");
    expect((await handleSlaTimer(job, deps, breach.dueAt)).outcome).toBe("already_fired");
    expect((await handleSlaTimer(job, deps, new Date(breach.dueAt.getTime() + 5000))).outcome).toBe(
      "already_fired",
    );
    expect(firings).toHaveLength(1);
  });

  it("pitfall: breach alerts go only to each escalation step's target, never to everyone", async () => {
    const state = makeCaseTimerState();
    const { deps, firings } = createCaseStore(state);
    const firstResponse = planTimers(state, openedAt).filter((t) => t.timer === "first_response");
    await fireAll(firstResponse, state.caseId, deps);
    expect(firings.map((f) => [f.kind, f.step, f.notify])).toEqual([
      ["sla.warn", null, "assignee"],
      ["sla.breach", null, null],
      ["sla.escalate", 0, "assignee"],
      ["sla.escalate", 1, "team_lead"],
      ["sla.escalate", 2, "department_head"],
    ]);
  });

  it("pitfall: next response is not counted as missed when staff spoke last", async () => {
    const firstRespondedAt = at("2026-06-01T08:30:00Z");
    const citizenSpoke = at("2026-06-01T10:00:00Z");
    const state = makeCaseTimerState({
      openedAt,
      firstRespondedAt,
      lastStaffReplyAt: firstRespondedAt,
      lastCitizenMessageAt: citizenSpoke,
    });
    const { deps, firings, update } = createCaseStore(state);
    const nextBreach = planTimers(state, citizenSpoke).find(
      (t) => t.timer === "next_response" && t.kind === "sla.breach",
    )!;
    expect(nextBreach).toBeDefined();
    // Staff answer before the due time; the breach job, already queued, then arrives.
    update(state.caseId, { lastStaffReplyAt: at("2026-06-01T11:00:00Z") });
    const outcome = await handleSlaTimer(
      { caseId: state.caseId, key: nextBreach.key },
      deps,
      nextBreach.dueAt,
    );
    expect(outcome).toEqual({ outcome: "stale", reason: "not_planned" });
    expect(firings).toEqual([]);
  });

  it("…and it is counted when the citizen spoke last and nobody answered", async () => {
    const firstRespondedAt = at("2026-06-01T08:30:00Z");
    const state = makeCaseTimerState({
      openedAt,
      firstRespondedAt,
      lastStaffReplyAt: firstRespondedAt,
      lastCitizenMessageAt: at("2026-06-01T10:00:00Z"),
    });
    const { deps, firings } = createCaseStore(state);
    const nextBreach = planTimers(state, openedAt).find(
      (t) => t.timer === "next_response" && t.kind === "sla.breach",
    )!;
    expect(
      (await handleSlaTimer({ caseId: state.caseId, key: nextBreach.key }, deps, nextBreach.dueAt)).outcome,
    ).toBe("fired");
    expect(firings.map((f) => f.timer)).toEqual(["next_response"]);
  });

  it("…but a citizen's last word on a resolved case (a thank-you) starts no next-response clock", async () => {
    const firstRespondedAt = at("2026-06-01T08:30:00Z");
    const state = makeCaseTimerState({
      openedAt,
      firstRespondedAt,
      lastStaffReplyAt: at("2026-06-01T09:00:00Z"),
      statusHistory: [
        { status: "open", at: openedAt },
        { status: "resolved", at: at("2026-06-01T09:00:00Z") },
      ],
      lastCitizenMessageAt: at("2026-06-01T09:10:00Z"),
    });
    expect(planTimers(state, at("2026-06-01T09:10:00Z"))).toEqual([]);
  });

  it("pitfall: timers left running after a case changed team are dropped", async () => {
    const state = makeCaseTimerState();
    const { deps, firings, update } = createCaseStore(state);
    const oldPlan = planTimers(state, openedAt);
    update(state.caseId, { teamCode: "street-lighting" });
    const outcomes = await fireAll(oldPlan, state.caseId, deps);
    expect(outcomes.every((o) => o.outcome === "stale")).toBe(true);
    expect(firings).toEqual([]);
    // The new team's own timers do fire.
    const newPlan = planTimers({ ...state, teamCode: "street-lighting" }, openedAt);
    await fireAll(
      newPlan.filter((t) => t.kind === "sla.breach"),
      state.caseId,
      deps,
    );
    expect(firings).toHaveLength(2);
  });

  it("pitfall: timers left running after the case's SLA policy changed are dropped", async () => {
    const state = makeCaseTimerState();
    const { deps, firings, update } = createCaseStore(state);
    const oldPlan = planTimers(state, openedAt);
    update(state.caseId, { policy: makePolicy({ code: "quick-repair", resolutionMinutes: 900 }) });
    expect((await fireAll(oldPlan, state.caseId, deps)).every((o) => o.outcome === "stale")).toBe(true);
    update(state.caseId, { policy: makePolicy({ version: 7 }) });
    expect((await fireAll(oldPlan, state.caseId, deps)).every((o) => o.outcome === "stale")).toBe(true);
    expect(firings).toEqual([]);
  });

  it("pitfall: a deleted policy does not keep escalating", async () => {
    const state = makeCaseTimerState();
    const { deps, firings, update } = createCaseStore(state);
    const plan = planTimers(state, openedAt);
    const breach = plan.find((t) => t.timer === "resolution" && t.kind === "sla.breach")!;
    await handleSlaTimer({ caseId: state.caseId, key: breach.key }, deps, breach.dueAt);
    expect(firings).toHaveLength(1);
    // The policy is removed from the catalogue after the breach: the queued escalation steps must not fire.
    update(state.caseId, { policy: makePolicy({ active: false }) });
    const steps = plan.filter((t) => t.timer === "resolution" && t.kind === "sla.escalate");
    const outcomes = await fireAll(steps, state.caseId, deps);
    expect(outcomes).toEqual(steps.map(() => ({ outcome: "stale", reason: "no_active_policy" })));
    update(state.caseId, { policy: null });
    expect((await fireAll(steps, state.caseId, deps))[0]).toEqual({
      outcome: "stale",
      reason: "no_active_policy",
    });
    expect(firings).toHaveLength(1);
  });

  it("stops the escalation chain once the timer is met", async () => {
    const state = makeCaseTimerState();
    const { deps, firings, update } = createCaseStore(state);
    const plan = planTimers(state, openedAt).filter((t) => t.timer === "first_response");
    const breach = plan.find((t) => t.kind === "sla.breach")!;
    await fireAll(
      plan.filter((t) => t.dueAt <= breach.dueAt),
      state.caseId,
      deps,
    );
    update(state.caseId, { firstRespondedAt: new Date(breach.dueAt.getTime() + 60_000) });
    await fireAll(
      plan.filter((t) => t.dueAt > breach.dueAt),
      state.caseId,
      deps,
    );
    expect(firings.map((f) => [f.kind, f.step])).toEqual([
      ["sla.warn", null],
      ["sla.breach", null],
      ["sla.escalate", 0],
    ]);
  });

  it("drops the queued timers of a case once it is resolved", async () => {
    const state = makeCaseTimerState();
    const { deps, firings, update } = createCaseStore(state);
    const plan = planTimers(state, openedAt);
    update(state.caseId, {
      statusHistory: [...state.statusHistory, { status: "resolved", at: at("2026-06-01T09:00:00Z") }],
    });
    expect((await fireAll(plan, state.caseId, deps)).every((o) => o.outcome === "stale")).toBe(true);
    expect(firings).toEqual([]);
  });

  it("drops jobs of a case that no longer exists", async () => {
    const { deps } = createCaseStore();
    expect(await handleSlaTimer({ caseId: "gone", key: "sla:gone" }, deps)).toEqual({
      outcome: "stale",
      reason: "case_not_found",
    });
  });
});
