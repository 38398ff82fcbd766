import { describe, expect, it } from "vitest";
import { asksAboutOwnCase, asksAboutProgress } from "./answer-case-status";

describe("asksAboutOwnCase", () => {
  it("reads the ways citizens ask how their own case stands, in each language", () => {
    for (const text of [
      "what's the status of my report?",
      "where is my case at",
      "any news on my pothole report?",
      "how is my request going",
      "has anyone looked at my report yet",
      "what happened to the report I made",
      "what's happening with the pothole I reported?",
      "did you get my report?",
      "and my case?",
      "statut de ma demande",
      "où en est mon signalement ?",
      "quel est l'état de ma demande",
      "et mon dossier ?",
      "le nid de poule que j'ai signalé, c'est réparé ?",
      "care e stadiul sesizarii mele",
      "ce se întâmplă cu sesizarea mea?",
      "care e situatia cererii mele",
      "s-a rezolvat groapa pe care am semnalat-o?",
      "Wie ist der Stand meiner Meldung?",
      "Gibt es was Neues zu meiner Meldung?",
      "Was ist mit meinem Anliegen?",
      "¿Cómo va mi solicitud?",
      "¿Qué pasa con mi aviso?",
      "¿En qué estado está mi incidencia?",
    ])
      expect(asksAboutOwnCase(text), text).toBe(true);
  });

  it("leaves reports and questions about a service alone", () => {
    for (const text of [
      "I want to report a pothole on my street",
      "report my missed bin",
      "how do I report my missed bin?",
      "where is the form to report my missed bin",
      "my bin was not collected",
      "how long does a pothole repair take?",
      "je veux signaler un nid de poule devant ma maison",
      "vreau sa semnalez o groapa pe strada mea",
      "what's the status of the library opening hours",
    ])
      expect(asksAboutOwnCase(text), text).toBe(false);
  });
});

describe("asksAboutProgress", () => {
  it("reads short status questions and progress questions about 'it'", () => {
    for (const text of [
      "any news?",
      "status?",
      "any update on it?",
      "des nouvelles ?",
      "was Neues?",
      "is it fixed yet?",
      "aveti vreo noutate despre sesizare?",
    ])
      expect(asksAboutProgress(text), text).toBe(true);
  });

  it("does not read questions about a service as progress", () => {
    for (const text of ["news about the library", "when is the tip open?", "how much is a bulky collection?"])
      expect(asksAboutProgress(text), text).toBe(false);
  });
});
