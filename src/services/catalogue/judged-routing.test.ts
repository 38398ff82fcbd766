import { describe, expect, it } from "vitest";
import type { RoutingJudge, RoutingJudgement, RoutingJudgeRequest } from "../../ports/routing-judge";
import type { RoutePrediction } from "../routing/classifier/fit-router";
import {
  blendJudgement,
  createJudgedClassifier,
  DEFAULT_JUDGED_ROUTING,
  describeCandidates,
  type ServiceDescription,
} from "./judged-routing";
import { decideRoute } from "./routing-engine";

const CATALOGUE: ServiceDescription[] = [
  {
    code: "street-light",
    names: { en: "Street light fault", fr: "Éclairage public en panne" },
    examples: { en: ["lamp post dark", "light flickering", "lamp on all day", "fourth"] },
  },
  { code: "pothole", names: { en: "Pothole" }, examples: { en: ["hole in the road"] } },
  { code: "graffiti", names: { en: "Graffiti" }, examples: {} },
];

const prediction = (scores: Record<string, number>): RoutePrediction => {
  const ranked = Object.entries(scores)
    .map(([code, score]) => ({ code, score }))
    .sort((a, b) => b.score - a.score);
  return { ranked, confidence: ranked[0]!.score, coverage: 1 };
};

/** A judge scripted by the test (the port's in-memory double), recording what it was asked. */
function scriptedJudge(answer: (request: RoutingJudgeRequest) => RoutingJudgement | Error) {
  const requests: RoutingJudgeRequest[] = [];
  const judge: RoutingJudge = {
    name: "scripted",
    async judge(request) {
      requests.push(request);
      const result = answer(request);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { judge, requests };
}

describe("blendJudgement", () => {
  const fitted = prediction({ pothole: 0.6, "street-light": 0.2, graffiti: 0.1, none: 0.1 });
  const offered = ["pothole", "street-light", "graffiti"];

  it("lets a confident judge overrule an unsure fit, and keeps probabilities summing to 1", () => {
    const blended = blendJudgement(fitted, { code: "street-light", confidence: 0.9 }, offered, 0.5);
    // 0.5 × 0.2 + 0.5 × 0.9 = 0.55 against 0.5 × 0.6 + 0.5 × 0.1 / 3.
    expect(blended.ranked[0]).toEqual({ code: "street-light", score: expect.closeTo(0.55, 6) });
    expect(blended.confidence).toBeCloseTo(0.55, 6);
    expect(blended.ranked.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 6);
  });

  it("leaves a close call close when the judge is unsure", () => {
    const close = prediction({ pothole: 0.6, "street-light": 0.2, graffiti: 0.05, none: 0.15 });
    const blended = blendJudgement(close, { code: "street-light", confidence: 0.4 }, offered, 0.5);
    // pothole 0.3 + 0.1, street-light 0.1 + 0.2: neither reaches the threshold, so the citizen chooses.
    expect(decideRoute(blended, 0.5)).toEqual({ kind: "clarify", candidates: ["pothole", "street-light"] });
  });

  it('reads a null code as the judge saying "not a request"', () => {
    const blended = blendJudgement(fitted, { code: null, confidence: 1 }, offered, 0.5);
    expect(blended.ranked[0]!.code).toBe("none");
  });

  it("gives nothing from the judge to services it was not offered", () => {
    const blended = blendJudgement(fitted, { code: "pothole", confidence: 0.5 }, ["pothole"], 0.5);
    const graffiti = blended.ranked.find((r) => r.code === "graffiti")!;
    expect(graffiti.score).toBeCloseTo(0.05, 6);
  });
});

describe("describeCandidates", () => {
  it("names services in the citizen's language, else English, with at most N examples", () => {
    const [light, pothole, graffiti] = describeCandidates(CATALOGUE, "fr", 3);
    expect(light).toEqual({
      code: "street-light",
      name: "Éclairage public en panne",
      examples: ["lamp post dark", "light flickering", "lamp on all day"],
    });
    expect(pothole!.name).toBe("Pothole");
    expect(graffiti!.examples).toEqual([]);
  });
});

describe("createJudgedClassifier", () => {
  const decide = (p: RoutePrediction) => decideRoute(p, 0.5);
  const unsure = prediction({ pothole: 0.4, "street-light": 0.35, graffiti: 0.15, none: 0.1 });

  it("routes on the blend of the fitted model and the judge", async () => {
    const { judge, requests } = scriptedJudge(() => ({ code: "street-light", confidence: 0.95 }));
    const classify = createJudgedClassifier({ predict: () => unsure, decide, catalogue: CATALOGUE, judge });
    expect(await classify("the lamp by the bus stop is dead", "en")).toEqual({
      kind: "service",
      code: "street-light",
      confidence: expect.closeTo(0.65, 2),
    });
    expect(requests[0]!.candidates.map((c) => c.code)).toEqual(["pothole", "street-light", "graffiti"]);
    expect(requests[0]!.text).toBe("the lamp by the bus stop is dead");
  });

  it("lets a confident judge route a message in words the fitted router never saw", async () => {
    const { judge } = scriptedJudge(() => ({ code: "pothole", confidence: 0.95 }));
    const unknownWords = { ...unsure, coverage: 0 };
    expect(decide(unknownWords)).toEqual({ kind: "none" });
    const classify = createJudgedClassifier({
      predict: () => unknownWords,
      decide,
      catalogue: CATALOGUE,
      judge,
    });
    expect(await classify("kátyú az úton", "hu")).toMatchObject({ kind: "service", code: "pothole" });
  });

  it("does not ask the judge about a message the fitted model is sure is a question", async () => {
    const { judge, requests } = scriptedJudge(() => ({ code: "pothole", confidence: 1 }));
    const question = prediction({ none: 0.9, pothole: 0.05, "street-light": 0.05 });
    const classify = createJudgedClassifier({ predict: () => question, decide, catalogue: CATALOGUE, judge });
    expect(await classify("when is the library open?", "en")).toEqual({ kind: "none" });
    expect(requests).toHaveLength(0);
  });

  it("offers only the fitted model's likeliest services from a large catalogue", async () => {
    const { judge, requests } = scriptedJudge(() => ({ code: "pothole", confidence: 0.9 }));
    const classify = createJudgedClassifier({
      predict: () => unsure,
      decide,
      catalogue: CATALOGUE,
      judge,
      settings: { ...DEFAULT_JUDGED_ROUTING, maxCandidates: 2 },
    });
    await classify("hole", "en");
    expect(requests[0]!.candidates.map((c) => c.code)).toEqual(["pothole", "street-light"]);
  });

  it("falls back to the fitted model when the judge fails or names a service it was not offered", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const confident = prediction({ pothole: 0.7, "street-light": 0.2, none: 0.1 });
    for (const answer of [new Error("timeout"), { code: "parking", confidence: 1 }]) {
      const { judge } = scriptedJudge(() => answer);
      const classify = createJudgedClassifier({
        predict: () => confident,
        decide,
        catalogue: CATALOGUE,
        judge,
        logger,
      });
      expect(await classify("hole in the road", "en")).toEqual({
        kind: "service",
        code: "pothole",
        confidence: 0.7,
      });
    }
    expect(warnings).toEqual([
      "routing judge failed; using the fitted router alone",
      "routing judge named a service it was not offered",
    ]);
  });
});
