import { describe, expect, it } from "vitest";
import { createRouter, fitRouter, type RouterMember } from "./fit-router";
import { loadRouter, serializeRouter } from "./serialize-router";
import { fitVectorizer } from "./vectorizer";

const EXAMPLES = [
  ...[
    "street light not working",
    "lamp post is dark",
    "Straßenlaterne defekt",
    "the streetlight flickers",
  ].map((text) => ({ text, code: "street-light" })),
  ...[
    "pothole in the road",
    "deep hole in the street surface",
    "Schlagloch auf der Fahrbahn",
    "road is broken",
  ].map((text) => ({ text, code: "pothole" })),
  ...["graffiti on the wall", "someone sprayed tags on the bridge", "Graffiti an der Hauswand"].map(
    (text) => ({
      text,
      code: "graffiti",
    }),
  ),
  ...[
    "when is the library open?",
    "how do I pay my tax?",
    "what are your opening hours?",
    "hello, thanks",
  ].map((text) => ({ text, code: "none" })),
];

const FEATURES = {
  charMin: 2,
  charMax: 4,
  charSpan: "word",
  wordNgrams: 1,
  wordShare: 0.5,
  termFrequency: "binary",
  minDf: 1,
} as const;

describe("fitRouter", () => {
  const router = fitRouter({ examples: EXAMPLES });

  it("routes reports to their service and questions to none, in any of the example languages", () => {
    expect(router.predict("the street lamp outside is not working").ranked[0]!.code).toBe("street-light");
    expect(router.predict("a big pothole on our road").ranked[0]!.code).toBe("pothole");
    expect(router.predict("neue Graffiti an der Wand").ranked[0]!.code).toBe("graffiti");
    expect(router.predict("what are the library opening hours?").ranked[0]!.code).toBe("none");
  });

  it("ranks every code with probabilities that sum to one", () => {
    const prediction = router.predict("hole in the road");
    expect(prediction.ranked.map((r) => r.code).sort()).toEqual([
      "graffiti",
      "none",
      "pothole",
      "street-light",
    ]);
    expect(prediction.ranked.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 6);
    expect(prediction.confidence).toBe(prediction.ranked[0]!.score);
    const scores = prediction.ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("is more confident on a clear report than on a vague one", () => {
    expect(router.predict("street light not working").confidence).toBeGreaterThan(
      router.predict("there is a problem").confidence,
    );
  });

  it("refuses a single code", () => {
    expect(() => fitRouter({ examples: EXAMPLES.filter((e) => e.code === "pothole") })).toThrow(/two codes/);
  });
});

describe("createRouter", () => {
  it("averages the members' probabilities by their shares", () => {
    const vectorizer = fitVectorizer(["lamp"], { ...FEATURES });
    const width = vectorizer.hashes.length + 1;
    // Only biases: the sure member gives the first code e^2 / (e^2 + 1), the flat member gives both codes 1/2.
    const sure = new Float32Array(2 * width);
    sure[width - 1] = 2;
    const member = (weights: Float32Array, share: number): RouterMember => ({
      kind: "svm",
      vectorizer,
      weights,
      temperature: 1,
      share,
    });
    const router = createRouter(["a", "b"], [member(sure, 3), member(new Float32Array(2 * width), 1)]);
    const sureProbability = Math.exp(2) / (Math.exp(2) + 1);
    const prediction = router.predict("anything");
    expect(prediction.ranked[0]!.code).toBe("a");
    expect(prediction.confidence).toBeCloseTo((3 * sureProbability + 0.5) / 4, 6);
  });
});

describe("serializeRouter", () => {
  it("round-trips through JSON and predicts exactly like the fitted router", () => {
    const router = fitRouter({ examples: EXAMPLES });
    const loaded = loadRouter(JSON.parse(JSON.stringify(serializeRouter(router))));
    expect(loaded.codes).toEqual(router.codes);
    for (const text of ["lamp broken", "Schlagloch", "opening hours?", "路灯坏了"]) {
      expect(loaded.predict(text)).toEqual(router.predict(text));
    }
  });

  it("rejects a stored router whose arrays do not fit together", () => {
    const stored = serializeRouter(fitRouter({ examples: EXAMPLES }));
    const broken = { ...stored, codes: [...stored.codes, "extra"] };
    expect(() => loadRouter(broken)).toThrow(/corrupt/);
    expect(() => loadRouter({ ...stored, format: "other" })).toThrow();
  });
});
