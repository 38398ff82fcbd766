import { describe, expect, it } from "vitest";
import { isCancel, parseChoice } from "./intake-answers";

describe("isCancel", () => {
  it("hears a cancel word among the first words of a message, in several languages", () => {
    for (const text of [
      "cancel",
      "actually never mind, cancel that",
      "ok cancel it please, turns out it's my neighbour's and he's moving it tomorrow",
      "no, cancel it",
      "non laissez tomber, annulez s'il vous plaît",
      "anulati va rog, tocmai a venit masina",
      "Bitte abbrechen, hat sich erledigt",
      "olvídalo, ya lo han arreglado",
    ]) {
      expect(isCancel(text), text).toBe(true);
    }
  });

  it("keeps a report whose message only mentions cancelling, or says not to", () => {
    for (const text of [
      "please don't cancel it, the light is still out",
      "ne l'annulez pas, le lampadaire est toujours éteint",
      "my bus pass was cancelled and the street light outside number 12 is out and nobody came to cancel anything",
      "stop sign knocked over",
    ]) {
      expect(isCancel(text), text).toBe(false);
    }
  });
});

describe("parseChoice", () => {
  const light = [
    { key: "off", labels: ["Completely off", "Complètement éteint"] },
    { key: "flickering", labels: ["Flickering or going on and off", "Clignote ou s'allume et s'éteint"] },
    { key: "day", labels: ["On during the day", "Allumé pendant la journée"] },
  ];

  it("takes a word only one option holds, though it is a small part of a long label", () => {
    expect(parseChoice("il clignote", light, false)).toEqual(["flickering"]);
    expect(parseChoice("it keeps flickering", light, false)).toEqual(["flickering"]);
  });

  it("still reads numbers and most of a label, and refuses what names no option or two", () => {
    expect(parseChoice("2", light, false)).toEqual(["flickering"]);
    expect(parseChoice("on during the day", light, false)).toEqual(["day"]);
    expect(parseChoice("purple", light, false)).toBeNull();
    expect(parseChoice("clignote la journée", light, false)).toBeNull();
  });

  it("reads a word by its inflected forms only when the words as written read nothing", () => {
    const pests = [
      { key: "rats", labels: ["Rats", "Ratten", "Ratas"] },
      { key: "mice", labels: ["Mice", "Mäuse", "Ratones"] },
    ];
    expect(parseChoice("eine Ratte", pests, false)).toEqual(["rats"]);
    expect(parseChoice("una rata", pests, false)).toEqual(["rats"]);
    expect(parseChoice("un ratón", pests, false)).toEqual(["mice"]);
    expect(parseChoice("Maeuse", pests, false)).toEqual(["mice"]);
    const weeks = [
      { key: "week", labels: ["Less than a week", "Menos de una semana"] },
      { key: "weeks", labels: ["One to four weeks", "De una a cuatro semanas"] },
    ];
    // "semanas" and "semana" share a form; the word as written tells them apart first.
    expect(parseChoice("dos semanas", weeks, false)).toEqual(["weeks"]);
    expect(parseChoice("menos de una semana", weeks, false)).toEqual(["week"]);
  });
});
