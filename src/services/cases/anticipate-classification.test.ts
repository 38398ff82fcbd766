import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createRoutingEngine } from "../catalogue/routing-engine";
import { loadServiceRouter } from "../catalogue/service-router";
import { anticipatingClassifier } from "./anticipate-classification";
import { caseStep } from "./case-step";
import type { CaseTurnInput, RequestClassification } from "./handle-case-turn";
import { createCitizen, seedCatalogue } from "./test-fixtures";

const streetLight: RequestClassification = { kind: "service", code: "street-light", confidence: 0.9 };

describe("anticipatingClassifier", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands the verdict started early to the next classify of the same text, once", async () => {
    const classify = vi.fn(async () => streetLight);
    const classifier = anticipatingClassifier(classify);
    classifier.anticipate("the light is out", "en", Promise.resolve(true));
    await Promise.resolve();
    await Promise.resolve();
    expect(classify).toHaveBeenCalledTimes(1);
    expect(await classifier.classify("the light is out", "en")).toEqual(streetLight);
    expect(classify).toHaveBeenCalledTimes(1);
    // Taken once: the same message later is classified afresh, and another language never shares it.
    await classifier.classify("the light is out", "en");
    expect(classify).toHaveBeenCalledTimes(2);
    classifier.anticipate("the light is out", "en", Promise.resolve(true));
    await classifier.classify("the light is out", "fr");
    expect(classify).toHaveBeenCalledTimes(4);
  });

  it("asks nothing when the early verdict is not wanted, and classifies when the turn asks", async () => {
    const classify = vi.fn(async () => streetLight);
    const classifier = anticipatingClassifier(classify);
    classifier.anticipate("2", "en", Promise.resolve(false));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(classify).not.toHaveBeenCalled();
    expect(await classifier.classify("2", "en")).toEqual(streetLight);
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it("classifies again when the early attempt failed", async () => {
    const classify = vi
      .fn<(text: string, lang: string) => Promise<RequestClassification>>()
      .mockRejectedValueOnce(new Error("provider down"))
      .mockResolvedValueOnce(streetLight);
    const classifier = anticipatingClassifier(classify);
    classifier.anticipate("the light is out", "en", Promise.resolve(true));
    expect(await classifier.classify("the light is out", "en")).toEqual(streetLight);
    expect(classify).toHaveBeenCalledTimes(2);
  });

  it("drops verdicts nobody took and holds at most maxPending", async () => {
    vi.useFakeTimers();
    const classify = vi.fn(async (text: string) => ({ kind: "none" as const, text }));
    const classifier = anticipatingClassifier(classify, { maxPending: 2, ttlMs: 1000 });
    classifier.anticipate("a", "en", Promise.resolve(true));
    classifier.anticipate("b", "en", Promise.resolve(true));
    classifier.anticipate("c", "en", Promise.resolve(true)); // over the cap: not started
    await vi.advanceTimersByTimeAsync(0);
    expect(classify.mock.calls.map((call) => call[0])).toEqual(["a", "b"]);
    vi.advanceTimersByTime(1001);
    classifier.anticipate("d", "en", Promise.resolve(true)); // a and b expired, room again
    await vi.advanceTimersByTimeAsync(0);
    await classifier.classify("a", "en");
    expect(classify.mock.calls.map((call) => call[0])).toEqual(["a", "b", "d", "a"]);
  });
});

forEachDatabase("caseStep with a judged classifier", (use) => {
  let fitted: (text: string, lang: string) => RequestClassification;
  beforeAll(async () => {
    await seedCatalogue(use());
    const router = await loadServiceRouter({ database: use(), engine: createRoutingEngine() });
    fitted = router.classify;
  });

  async function citizenTurn() {
    const citizen = await createCitizen(use());
    let clock = new Date("2026-03-02T09:00:00Z").getTime();
    return (text: string): CaseTurnInput => {
      clock += 60_000;
      return {
        conversationId: citizen.conversationId,
        contactId: citizen.contactId,
        channel: "web",
        lang: "en",
        text,
        now: new Date(clock),
      };
    };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it("routes a new request once, started before the case step runs", async () => {
    const classify = vi.fn(fitted);
    const step = caseStep({ database: use(), classify, anticipate: true });
    const turn = await citizenTurn();
    const input = turn("the street light outside 12 Elm Street has been out for a week");
    step.anticipate?.(input);
    await settle();
    expect(classify).toHaveBeenCalledTimes(1);
    const result = await step(input);
    expect(result).toMatchObject({ handled: true, status: "clarification" });
    expect(classify).toHaveBeenCalledTimes(1);
  });

  it("spends nothing on answers to an intake in progress, case references or questions about own cases", async () => {
    const classify = vi.fn(fitted);
    const step = caseStep({ database: use(), classify, anticipate: true });
    const turn = await citizenTurn();
    await step(turn("the street light outside 12 Elm Street has been out for a week"));
    expect(classify).toHaveBeenCalledTimes(1);
    // The intake now waits for the light's state; the answer must not be sent to the router.
    const answer = turn("it flickers on and off");
    step.anticipate?.(answer);
    // In a conversation without an intake, messages about cases are not routed either.
    const other = await citizenTurn();
    step.anticipate?.(other("what is the status of CD-2026-000001?"));
    step.anticipate?.(other("what is the status of my reports?"));
    await settle();
    expect(classify).toHaveBeenCalledTimes(1);
    expect(await step(answer)).toMatchObject({ handled: true });
    expect(await step(other("what is the status of my reports?"))).toMatchObject({ status: "case_status" });
  });

  it("offers no anticipation when not asked to (no chat model, or on Workers)", async () => {
    const step = caseStep({ database: use(), classify: fitted, anticipate: false });
    expect(step.anticipate).toBeUndefined();
  });
});
