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
      asksAboutService: false,
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

  it("reads a question about the service asked while describing a problem as a question", () => {
    for (const text of [
      "its 11am and my bin hasnt been emptied yet, is it worth reporting it now or should i wait?",
      "my tyre got wrecked by a pothole on Station Road last week, can i claim compensation from the council?",
      "someone already reported the broken lamp on our street, how long do street light repairs usually take?",
      "ma poubelle n'a pas été vidée ce matin, est-ce que ça vaut la peine de le signaler ou dois-je attendre ?",
      "j'ai crevé un pneu dans un nid de poule rue de la Gare, est-ce que je peux être indemnisé ?",
      "un voisin a déjà signalé le lampadaire cassé, en général vous mettez combien de temps pour le réparer ?",
      "nu mi-au ridicat gunoiul azi, merită să raportez sau să aștept până mâine?",
      "mi-am stricat roata într-o groapă pe Mill Lane, pot primi despăgubiri?",
      "Die Tonne wurde heute nicht geleert, lohnt es sich das schon zu melden?",
      "Mein Reifen ist in einem Schlagloch kaputtgegangen, bekomme ich Schadenersatz?",
      "la farola de mi calle está rota y alguien ya lo ha reportado, ¿cuánto tardan normalmente en arreglarla?",
      "un bache me rompió la rueda en Station Road, ¿puedo reclamar los daños?",
    ]) {
      expect(readQuestionForm(text).asksAboutService, text).toBe(true);
      expect(isInformationQuestion(text), text).toBe(true);
    }
  });

  it("still reads a plain report, a request for action and a report with a question about this problem as reports", () => {
    for (const text of [
      "the street light outside no. 4 is broken",
      "can you fix the light on Mill Lane?",
      "My bin wasn't collected today, when will you come back?",
      "there's a pothole on Station Road, how long will it take you to fix it?",
      "Pouvez-vous réparer le lampadaire rue Victor Hugo ?",
      "nu mi-au ridicat gunoiul azi, strada Teiului 4",
      "Straßenlaterne in der Victoria Road ist aus",
      "hay una farola rota delante de mi casa en Oakley Road",
    ]) {
      expect(readQuestionForm(text).asksAboutService, text).toBe(false);
      expect(isInformationQuestion(text), text).toBe(false);
    }
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
