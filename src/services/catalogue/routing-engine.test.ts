import { describe, expect, it } from "vitest";
import { createRoutingEngine, decideRoute, MIN_KNOWN_WORDS } from "./routing-engine";

const ranked = (...pairs: [string, number][]) => ({
  ranked: pairs.map(([code, score]) => ({ code, score })),
  confidence: pairs[0]![1],
  coverage: 1,
});

describe("decideRoute", () => {
  it("answers with the service at or above the threshold", () => {
    expect(decideRoute(ranked(["pothole", 0.7], ["street-light", 0.2], ["none", 0.1]), 0.5)).toEqual({
      kind: "service",
      code: "pothole",
      confidence: 0.7,
    });
  });

  it("says none when the router knows too little of the text, however high the score", () => {
    const confident = ranked(["pothole", 0.9], ["none", 0.1]);
    expect(decideRoute({ ...confident, coverage: MIN_KNOWN_WORDS - 0.01 }, 0.5)).toEqual({ kind: "none" });
    expect(decideRoute({ ...confident, coverage: MIN_KNOWN_WORDS }, 0.5)).toMatchObject({ code: "pothole" });
  });

  it("says none when the likeliest class is not a request", () => {
    expect(decideRoute(ranked(["none", 0.4], ["pothole", 0.35], ["graffiti", 0.25]), 0.5)).toEqual({
      kind: "none",
    });
  });

  it("below the threshold offers two services, and a third only when it is a real contender", () => {
    expect(
      decideRoute(ranked(["pothole", 0.4], ["none", 0.35], ["street-light", 0.2], ["graffiti", 0.05]), 0.5),
    ).toEqual({ kind: "clarify", candidates: ["pothole", "street-light"] });
    expect(
      decideRoute(ranked(["pothole", 0.35], ["street-light", 0.3], ["graffiti", 0.25], ["none", 0.1]), 0.5),
    ).toEqual({ kind: "clarify", candidates: ["pothole", "street-light", "graffiti"] });
  });
});

describe("createRoutingEngine", () => {
  const examples = [
    { text: "street light not working", code: "street-light" },
    { text: "lamp post dark at night", code: "street-light" },
    { text: "pothole in the road", code: "pothole" },
    { text: "hole in the street surface", code: "pothole" },
    { text: "when is the library open?", code: "none" },
    { text: "how do I pay my tax?", code: "none" },
  ];

  it("classifies through a stored model the same as through the fitted one", () => {
    const engine = createRoutingEngine();
    const model = engine.fit(examples);
    const restored = engine.load(engine.serialize(model));
    for (const text of ["the lamp post is dark", "big hole in the road", "library hours?"]) {
      expect(engine.predict(restored, text)).toEqual(engine.predict(model, text));
    }
    expect(engine.decide(engine.predict(model, "the street light is not working"))).toMatchObject({
      code: "street-light",
    });
  });

  it("asks instead of guessing when the threshold is out of reach", () => {
    const engine = createRoutingEngine({ threshold: 0.999 });
    const verdict = engine.decide(engine.predict(engine.fit(examples), "the street light is not working"));
    expect(verdict).toMatchObject({ kind: "clarify" });
    expect(verdict.kind === "clarify" && verdict.candidates[0]).toBe("street-light");
  });
});
