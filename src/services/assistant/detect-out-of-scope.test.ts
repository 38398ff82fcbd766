import { describe, expect, it } from "vitest";
import { isNationalMatter, isOpinionOrPrediction, namedFacilities } from "./detect-out-of-scope";

describe("isNationalMatter", () => {
  it("recognises matters of national government in the supported languages", () => {
    for (const text of [
      "how do I renew my passport?",
      "how much income tax will i pay",
      "comment renouveler mon passeport ?",
      "cum îmi fac permis de conducere?",
      "Wie beantrage ich einen neuen Reisepass?",
      "¿Cómo renuevo el DNI?",
    ]) {
      expect(isNationalMatter(text), text).toBe(true);
    }
  });

  it("leaves the city's own services alone", () => {
    for (const text of [
      "how do I pay my council tax?",
      "can I get a bus pass at state pension age?",
      "parking permit for my visitors",
      "is there a fee to register a birth?",
    ]) {
      expect(isNationalMatter(text), text).toBe(false);
    }
  });
});

describe("isOpinionOrPrediction", () => {
  it("recognises opinions, recommendations and forecasts", () => {
    for (const text of [
      "who do you think will win the next election?",
      "what's the weather forecast for saturday",
      "quel est le meilleur restaurant du centre ?",
      "va ploua mâine?",
      "Wird es morgen regnen? Wie wird das Wetter",
      "who do you reckon will win the council elections in may?",
      "is the council leader doing a good job in your view",
      "à votre avis, pour qui voter aux municipales ?",
    ]) {
      expect(isOpinionOrPrediction(text), text).toBe(true);
    }
  });

  it("leaves questions about services that mention the weather alone", () => {
    for (const text of [
      "are bins collected in bad weather?",
      "when do the gritters go out in icy weather",
      "can I book the football pitch in the park?",
      "I reckon my bin was missed, can you check?",
      "good job on fixing the street light, thanks",
    ]) {
      expect(isOpinionOrPrediction(text), text).toBe(false);
    }
  });
});

describe("namedFacilities", () => {
  it("finds pools, saunas and museums named in any language, as whole words", () => {
    expect(namedFacilities("horaires de la piscine municipale ?")).toEqual(["piscine"]);
    expect(namedFacilities("sauna opening hours")).toEqual(["sauna"]);
    expect(namedFacilities("Wann hat das Hallenbad offen?")).toEqual(["hallenbad"]);
    expect(namedFacilities("when is the glass box collected?")).toEqual([]);
    expect(namedFacilities("how do I spool a hose")).toEqual([]);
  });
});

describe("isOpinionOrPrediction: the weather in French", () => {
  it("reads 'quel temps fera-t-il' as a forecast", () => {
    expect(isOpinionOrPrediction("quel temps fera-t-il ce week-end à Riverton ?")).toBe(true);
    expect(isOpinionOrPrediction("combien de temps pour réparer un lampadaire ?")).toBe(false);
  });
});
