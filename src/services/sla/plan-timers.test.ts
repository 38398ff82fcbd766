import { describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "../../adapters/job-queue-in-process";
import { businessMinutesBetween } from "./calendar";
import { planTimers } from "./plan-timers";
import { scheduleCaseTimers } from "./schedule-case-timers";
import { makeCaseTimerState, makePolicy } from "./sla.fixture";

const at = (iso: string) => new Date(iso);
const beforeAnything = at("2026-06-01T08:00:00Z");

describe("planTimers", () => {
  it("plans a warning, the breach and each escalation step per running timer", () => {
    const state = makeCaseTimerState();
    const plan = planTimers(state, beforeAnything);
    const firstResponse = plan.filter((t) => t.timer === "first_response");
    expect(firstResponse.map((t) => [t.kind, t.step, t.notify])).toEqual([
      ["sla.warn", null, "assignee"],
      ["sla.breach", null, null],
      ["sla.escalate", 0, "assignee"],
      ["sla.escalate", 1, "team_lead"],
      ["sla.escalate", 2, "department_head"],
    ]);
    const [warn, breach, step0, step1] = firstResponse;
    const calendar = state.calendar!;
    expect(businessMinutesBetween(calendar, warn!.dueAt, breach!.dueAt)).toBe(60);
    expect(step0!.dueAt).toEqual(breach!.dueAt);
    expect(businessMinutesBetween(calendar, breach!.dueAt, step1!.dueAt)).toBe(120);
    expect(plan.filter((t) => t.timer === "resolution")).toHaveLength(5);
  });

  it("gives the same keys every time, so scheduling twice is a no-op", async () => {
    const state = makeCaseTimerState();
    const keys = planTimers(state, beforeAnything).map((t) => t.key);
    expect(planTimers(state, at("2026-06-01T08:10:00Z")).map((t) => t.key)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);

    const queue = createInProcessJobQueue();
    const first = await scheduleCaseTimers({ queue, state, now: beforeAnything });
    const second = await scheduleCaseTimers({ queue, state, now: beforeAnything });
    // Only the head of each clock's chain is queued: the first-response and resolution warnings.
    expect(first).toMatchObject({ planned: keys.length, added: 2, deferred: keys.length - 2 });
    expect(second).toMatchObject({ added: 0, replaced: 0, unchanged: 2 });
    expect(await queue.pending()).toBe(2);
  });

  it("queues the next step of a chain once the one before it has fired", async () => {
    const state = makeCaseTimerState();
    const plan = planTimers(state, beforeAnything).filter((t) => t.timer === "first_response");
    const [warn, breach, step0, step1] = plan;
    const queue = createInProcessJobQueue();
    const afterWarn = { ...state, firedKeys: new Set([warn!.key]) };
    await scheduleCaseTimers({ queue, state: afterWarn, now: beforeAnything });
    expect(await queue.cancel(breach!.key)).toBe(true);
    expect(await queue.cancel(step0!.key)).toBe(false);
    // The first step falls due with the breach; it is queued once the breach has fired.
    const afterBreach = { ...state, firedKeys: new Set([warn!.key, breach!.key]) };
    await scheduleCaseTimers({ queue, state: afterBreach, now: beforeAnything });
    expect(await queue.cancel(step0!.key)).toBe(true);
    expect(await queue.cancel(step1!.key)).toBe(false);
  });

  it("has the breach tell the assignee when no escalation step falls due with it", () => {
    const laterSteps = makePolicy({ escalation: [{ afterMinutes: 60, notify: "team_lead" }] });
    for (const policy of [laterSteps, makePolicy({ escalation: [] })]) {
      const plan = planTimers(makeCaseTimerState({ policy }), beforeAnything);
      const breaches = plan.filter((t) => t.kind === "sla.breach");
      expect(breaches.length).toBeGreaterThan(0);
      expect(breaches.every((t) => t.notify === "assignee")).toBe(true);
    }
    // With a step at the breach itself, that step is the one that notifies.
    const withStep0 = planTimers(makeCaseTimerState(), beforeAnything).filter((t) => t.kind === "sla.breach");
    expect(withStep0.every((t) => t.notify === null)).toBe(true);
  });

  it("drops the warning once the breach is due", () => {
    const state = makeCaseTimerState();
    const breachAt = planTimers(state, beforeAnything).find(
      (t) => t.timer === "first_response" && t.kind === "sla.breach",
    )!.dueAt;
    const later = planTimers(state, breachAt).filter((t) => t.timer === "first_response");
    expect(later.map((t) => t.kind)).not.toContain("sla.warn");
    expect(later.map((t) => t.kind)).toContain("sla.breach");
  });

  it("plans nothing for a met, paused or resolved timer", () => {
    const responded = makeCaseTimerState({ firstRespondedAt: at("2026-06-01T08:30:00Z") });
    expect(planTimers(responded, beforeAnything).some((t) => t.timer === "first_response")).toBe(false);
    const waiting = makeCaseTimerState({
      statusHistory: [
        { status: "open", at: at("2026-06-01T08:00:00Z") },
        { status: "waiting_for_citizen", at: at("2026-06-01T08:20:00Z") },
      ],
    });
    expect(planTimers(waiting, at("2026-06-01T09:00:00Z"))).toEqual([]);
    const resolved = makeCaseTimerState({
      statusHistory: [
        { status: "open", at: at("2026-06-01T08:00:00Z") },
        { status: "resolved", at: at("2026-06-01T08:20:00Z") },
      ],
    });
    expect(planTimers(resolved, at("2026-06-01T09:00:00Z"))).toEqual([]);
  });

  it("changes every key when the team, the policy version or the priority changes", () => {
    const state = makeCaseTimerState();
    const keys = new Set(planTimers(state, beforeAnything).map((t) => t.key));
    const variants = [
      { ...state, teamCode: "street-lighting" },
      { ...state, policy: makePolicy({ version: 2 }) },
      { ...state, priority: "urgent" as const },
    ];
    for (const variant of variants) {
      const changed = planTimers(variant, beforeAnything);
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((t) => keys.has(t.key))).toEqual([]);
    }
  });

  it("cancels the queued timers of the previous state when a case changes team", async () => {
    const queue = createInProcessJobQueue();
    const before = makeCaseTimerState();
    await scheduleCaseTimers({ queue, state: before, now: beforeAnything });
    const planned = planTimers(before, beforeAnything).length;
    const after = { ...before, teamCode: "street-lighting" };
    const counts = await scheduleCaseTimers({ queue, state: after, previous: before, now: beforeAnything });
    expect(planned).toBe(10);
    // Of the old team's ten timers only the two chain heads were queued; both are cancelled.
    expect(counts.cancelled).toBe(2);
    expect(counts.added).toBe(2);
    expect(await queue.pending()).toBe(2);
    for (const timer of planTimers(before, beforeAnything)) expect(await queue.cancel(timer.key)).toBe(false);
  });

  it("skips timers already fired", async () => {
    const state = makeCaseTimerState();
    const plan = planTimers(state, beforeAnything);
    const fired = makeCaseTimerState({ ...state, firedKeys: new Set([plan[0]!.key, plan[1]!.key]) });
    const counts = await scheduleCaseTimers({
      queue: createInProcessJobQueue(),
      state: fired,
      now: beforeAnything,
    });
    // First response: warning and breach fired, so its first escalation step is next; resolution: its warning.
    expect(counts).toMatchObject({
      planned: plan.length,
      alreadyFired: 2,
      added: 2,
      deferred: plan.length - 4,
    });
  });
});
