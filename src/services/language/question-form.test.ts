import { describe, expect, it } from "vitest";
import { isInformationQuestion, readQuestionForm, refersBack } from "./question-form";

describe("readQuestionForm", () => {
  it("reads questions about a service as questions, in every supported language", () => {
    for (const text of [
      "Are bins collected on Boxing Day?",
      "how long does a pothole repair take",
      "Quand sont collectées les poubelles de recyclage ?",
      "Les poubelles sont-elles collectées le lundi",
      "un frigo en encombrant ça coûte combien",
      "c'est quel jour la collecte à Westbrook",
      "Cât costă ridicarea deșeurilor voluminoase",
      "Wann wird der Müll abgeholt?",
      "¿Cuánto cuesta un permiso de residente?",
      "Mikor viszik el a szemetet?",
    ]) {
      expect(isInformationQuestion(text), text).toBe(true);
    }
  });

  it("reads reports and requests for action as requests, whatever their punctuation", () => {
    for (const text of [
      "the street light outside 12 Elm Street has been out for a week",
      "Someone has dumped rubbish behind the shops on Mill Lane",
      "Can you fix the pothole on Mill Lane?",
      "Pouvez-vous réparer le lampadaire rue Victor Hugo ?",
      "Why hasn't my bin been collected?",
      "Hay un bache en la calle Mayor",
      "Este un stâlp căzut pe Mill Lane",
      "can i book a bulky collection please, a sofa and two armchairs from 8 Ashby Park Road",
    ]) {
      expect(isInformationQuestion(text), text).toBe(false);
    }
  });

  it("keeps the statement that comes before a question, so a report is not lost", () => {
    expect(readQuestionForm("My bin wasn't collected today, when will you come back?")).toEqual({
      asks: true,
      action: false,
      statements: "My bin wasn't collected today",
      asksWhoHandles: false,
    });
    expect(readQuestionForm("When is my bin collected? I live in Hillcrest").statements).toBe(
      "I live in Hillcrest",
    );
  });

  it("reads a condition followed by a question, and a question about who is responsible, as questions", () => {
    for (const text of [
      "if you put a notice on an abandoned car how long has the owner got to move it",
      "si je dépose un encombrant sans rendez-vous, combien coûte l'amende ?",
      "sewage keeps coming up out of a manhole on our street, is that you or someone else?",
      "there's a dead fox on the pavement, who deals with that?",
    ]) {
      expect(isInformationQuestion(text), text).toBe(true);
    }
    // A condition with no question word, or a report with a question that asks for action, still reports.
    expect(isInformationQuestion("if you can, please fix the light on Elm Road")).toBe(false);
    expect(isInformationQuestion("My bin wasn't collected today, when will you come back?")).toBe(false);
  });
});

describe("refersBack", () => {
  it("finds a short question that names its subject only by a pronoun", () => {
    expect(refersBack("how long will it take you to fix it?")).toBe(true);
    expect(refersBack("vous mettez combien de temps pour enlever ça ?")).toBe(true);
    expect(refersBack("y cuánto tardan normalmente en arreglarla?")).toBe(true);
    expect(refersBack("how long does a pothole repair take?")).toBe(false);
    expect(refersBack("combien coûte la collecte des encombrants ?")).toBe(false);
  });
});
