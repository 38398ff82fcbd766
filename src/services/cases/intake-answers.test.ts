import { describe, expect, it } from "vitest";
import { isCancel } from "./intake-answers";

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
