import { describe, expect, it } from "vitest";
import { detectPrivacyRequest } from "./detect-privacy-request";

describe("detectPrivacyRequest", () => {
  it.each([
    ["Please delete my data", "erasure"],
    ["can you erase all my personal information?", "erasure"],
    ["I want to exercise my right to be forgotten", "erasure"],
    ["Supprimez mes données s'il vous plaît", "erasure"],
    ["Vă rog să ștergeți datele mele personale", "erasure"],
    ["stergeti datele mele", "erasure"],
    ["Bitte löschen Sie meine Daten", "erasure"],
    ["Ich möchte, dass meine Daten gelöscht werden, bitte löschen", "erasure"],
    ["Borren mis datos, por favor", "erasure"],
    ["Kérem, töröljék az adataimat", "erasure"],
    ["What do you hold about me? What data do you have about me?", "access"],
    ["I'd like a copy of my personal data", "access"],
    ["Quelles données avez-vous sur moi ?", "access"],
    ["Ce date aveți despre mine?", "access"],
    ["Welche Daten speichern Sie über mich?", "access"],
    ["¿Qué datos tienen sobre mí?", "access"],
    ["Milyen adatokat tárolnak rólam?", "access"],
  ])("%s → %s", (text, kind) => {
    expect(detectPrivacyRequest(text)).toBe(kind);
  });

  it.each([
    "My bin was not collected",
    "How do I delete my parking account?",
    "What information do you need from me to report a pothole?",
    "Please remove the graffiti on my wall",
    "Welche Unterlagen brauche ich für den Antrag?",
    "Quelles sont les données du recensement ?",
    "When is the glass collection?",
  ])("leaves an ordinary message alone: %s", (text) => {
    expect(detectPrivacyRequest(text)).toBeNull();
  });
});
