import { describe, expect, it } from "vitest";
import { answersKind, detectAskedKind, statesKind, stripAskingOnly, stripAskingPhrases } from "./asked-kind";

describe("asked kind", () => {
  it("reads what kind of fact a question wants, in several languages", () => {
    expect(detectAskedKind("how much is a bulky collection?")).toBe("amount");
    expect(detectAskedKind("ça coûte combien ?")).toBe("amount");
    expect(detectAskedKind("Cât costă un permis?")).toBe("amount");
    expect(detectAskedKind("how long does a pothole repair take?")).toBe("duration");
    expect(detectAskedKind("combien de temps pour déclarer une naissance ?")).toBe("duration");
    expect(detectAskedKind("what's the phone number for the council?")).toBe("phone");
    expect(detectAskedKind("la ce numar pot suna noaptea pentru un stalp cazut?")).toBe("phone");
    expect(detectAskedKind("à quel numéro signaler un lampadaire tombé ?")).toBe("phone");
    expect(detectAskedKind("Unter welcher Nummer melde ich eine kaputte Laterne?")).toBe("phone");
    expect(stripAskingPhrases("la ce numar pot suna noaptea?")).toBe("noaptea");
    expect(detectAskedKind("Prețuri")).toBe("amount");
    expect(detectAskedKind("cât mă costă să-mi ridicați o canapea?")).toBe("amount");
    expect(stripAskingPhrases("cât mă costă să-mi ridicați o canapea?")).not.toContain("costa");
    expect(detectAskedKind("What can I put in the blue bin?")).toBe("list");
    expect(detectAskedKind("when is my bin collected?")).toBe("time");
    expect(detectAskedKind("Wann hat die Bibliothek geöffnet?")).toBe("time");
    expect(detectAskedKind("I want to report graffiti")).toBeNull();
  });

  it("tells which sentences state such a fact", () => {
    expect(statesKind("A collection costs £35 for three items.", "amount")).toBe(true);
    expect(statesKind("Bring it to the centre.", "amount")).toBe(false);
    expect(statesKind("Repaired within 10 working days.", "duration")).toBe(true);
    expect(statesKind("Call 01632 960 000.", "phone")).toBe(true);
    expect(statesKind("Saturday: 9 am to 5 pm.", "time")).toBe(true);
    expect(statesKind("Le lundi, de 8h30 à 17h.", "time")).toBe(true);
    expect(answersKind("time", "duration")).toBe(true);
    expect(answersKind("amount", "duration")).toBe(false);
  });

  it("drops the asking phrase, keeping what the question is about", () => {
    expect(stripAskingPhrases("How long does a pothole repair take?")).toBe("does a pothole repair take");
  });
});

describe("detectAskedKind for opening hours", () => {
  it("reads 'how long … open' as a time, not a duration", () => {
    expect(detectAskedKind("how long is the library open on saturday?")).toBe("time");
    expect(detectAskedKind("Wie lange hat die Zentralbibliothek am Samstag offen?")).toBe("time");
    expect(detectAskedKind("how long does a pothole repair take?")).toBe("duration");
  });
});

describe("stripAskingOnly", () => {
  it("drops who is asked ('from the council') but keeps the council's own services and French 'la mairie'", () => {
    expect(stripAskingOnly("can i get sandbags from the council")).toBe("can i get sandbags");
    expect(stripAskingOnly("does the council collect sofas?")).toBe("collect sofas");
    expect(stripAskingOnly("can I get help from the council tax team?")).toContain("council tax");
    expect(stripAskingOnly("le numéro de téléphone de la mairie svp")).toContain("mairie");
  });

  it("drops the phrases that only ask and keeps those that name the topic", () => {
    expect(stripAskingOnly("¿Cuánto cuesta el permiso de aparcamiento?")).toBe("el permiso de aparcamiento");
    expect(stripAskingOnly("what's the phone number for the council?")).toContain("phone number");
    expect(stripAskingOnly("library opening hours")).toContain("opening hours");
    expect(stripAskingOnly("what time does the tip open")).toBe("does the tip open");
  });
});
