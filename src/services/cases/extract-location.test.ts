import { describe, expect, it } from "vitest";
import { extractLocation } from "./extract-location";
import { distanceMetres, normalizeAddress } from "./location";

describe("extractLocation", () => {
  it.each([
    ["the street light outside 12 Elm Street has been out for a week", "12 Elm Street"],
    ["Lamp post on Bridge Street keeps flickering on and off all night", "Bridge Street"],
    ["There's a massive pothole on Victoria Road just before the roundabout", "Victoria Road"],
    ["Le lampadaire devant le 12 Elm Street ne fonctionne plus", "12 Elm Street"],
    ["Le réverbère de Bridge Street clignote toute la nuit", "Bridge Street"],
    ["Il y a un trou au 4 rue de la Paix depuis hier", "4 rue de la Paix"],
    ["Stâlpul de iluminat de pe Elm Street nr. 12 nu mai merge", "Elm Street nr. 12"],
    ["Groapă mare pe strada Mihai Eminescu nr. 5, lângă școală", "strada Mihai Eminescu nr. 5"],
    ["Die Straßenlaterne vor Elm Street 12 ist seit einer Woche aus", "Elm Street 12"],
    ["Schlagloch in der Bahnhofstraße 5 ist riesig", "Bahnhofstraße 5"],
    ["La farola de la calle Mayor 3 está apagada", "calle Mayor 3"],
  ])("finds the address in %j", (text, address) => {
    expect(extractLocation(text)).toEqual({ kind: "address", address });
  });

  it("reads coordinates, with or without a comma", () => {
    expect(extractLocation("it is at 51.5, -0.12")).toEqual({ kind: "coordinates", lat: 51.5, long: -0.12 });
    expect(extractLocation("44.4268 26.1025")).toEqual({ kind: "coordinates", lat: 44.4268, long: 26.1025 });
  });

  it.each([
    "The street light outside my house is broken",
    "the lamp by the park gate is flickering",
    "No way, the bins were missed again",
    "the hole is about 2.5, 3 metres wide",
    "I walk past it every day",
    "When is my bin collected?",
  ])("finds nothing in %j", (text) => {
    expect(extractLocation(text)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it("makes spellings of the same address equal and keeps different ones apart", () => {
    expect(normalizeAddress("12, Elm St.")).toBe(normalizeAddress("12 elm street"));
    expect(normalizeAddress("Elm Street nr. 12")).toBe(normalizeAddress("12 Elm Street"));
    expect(normalizeAddress("Strada Științei 3")).toBe(normalizeAddress("str. Stiintei 3"));
    expect(normalizeAddress("14 Elm Street")).not.toBe(normalizeAddress("12 Elm Street"));
  });
});

describe("distanceMetres", () => {
  it("measures known distances", () => {
    // One thousandth of a degree of latitude is about 111 m everywhere.
    expect(distanceMetres({ lat: 51.5, long: -0.12 }, { lat: 51.501, long: -0.12 })).toBeCloseTo(111.2, 0);
    // London to Paris is about 344 km.
    const londonParis = distanceMetres({ lat: 51.5074, long: -0.1278 }, { lat: 48.8566, long: 2.3522 });
    expect(londonParis / 1000).toBeGreaterThan(340);
    expect(londonParis / 1000).toBeLessThan(348);
  });
});
