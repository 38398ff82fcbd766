import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCitizenChat } from "../citizen-chat";
import { testDatabaseKinds } from "../db";
import { startTestService, type TestService } from "../service";

/**
 * A German or Spanish citizen's report through the HTTP API: the intake asks its questions in the
 * citizen's language, lists the options in it, and reads the answer written in it as the option.
 */
describe.each(testDatabaseKinds())("a report's questions in German and Spanish (%s)", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ kind });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
  });

  const converse = async (lang: string) => (await openCitizenChat(service.url, lang)).say;

  async function caseAttributes(reference: string) {
    const res = await fetch(`${service.url}/v1/staff/cases/${reference}`, {
      headers: { authorization: "Bearer test-agent-token" },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { case: { attributes: Record<string, string> } }).case.attributes;
  }

  /**
   * Reports, answers the one list question asked, confirms, and returns the question's text, the
   * confirmation's text and the opened case's attributes.
   */
  async function report(
    lang: string,
    turns: { report: string; answer: string; yes: string },
    attribute: string,
    asks: RegExp,
  ) {
    const say = await converse(lang);
    const asked = await say(turns.report);
    expect(asked.status).toBe("clarification");
    expect(asked.intake?.awaiting).toBe(`attribute:${attribute}`);
    // The question in the citizen's language, before the answer is tried.
    expect(asked.text).toMatch(asks);
    const confirm = await say(turns.answer);
    expect(confirm.intake?.awaiting).toBe("confirm");
    const opened = await say(turns.yes);
    expect(opened.status).toBe("case_opened");
    const attributes = await caseAttributes(opened.case?.reference ?? "");
    return { question: asked.text, confirmation: confirm.text, attributes };
  }

  it("asks a German citizen what the street light is doing in German and reads 'sie flackert'", async () => {
    const { question, confirmation, attributes } = await report(
      "de",
      { report: "Die Straßenlaterne vor Elm Street 12 ist kaputt", answer: "sie flackert", yes: "ja" },
      "light_state",
      /Was macht die Laterne\?/,
    );
    expect(question).toMatch(/Flackert/);
    expect(question).not.toMatch(/What is the light doing|Flickering/);
    expect(confirmation).toMatch(/Flackert/);
    expect(attributes.light_state).toBe("flickering");
  });

  it("asks a Spanish citizen what the street light is doing in Spanish and reads 'parpadea'", async () => {
    const { question, confirmation, attributes } = await report(
      "es",
      {
        report: "La farola delante del número 12 de Elm Street no funciona",
        answer: "parpadea",
        yes: "sí",
      },
      "light_state",
      /¿Qué le pasa a la farola\?/,
    );
    expect(question).toMatch(/Parpadea/);
    expect(question).not.toMatch(/What is the light doing|Flickering/);
    expect(confirmation).toMatch(/Parpadea/);
    expect(attributes.light_state).toBe("flickering");
  });

  it("asks where a pothole is in German and reads 'auf dem Radweg'", async () => {
    const { question, attributes } = await report(
      "de",
      { report: "Ein tiefes Schlagloch vor der Mill Lane 14", answer: "auf dem Radweg", yes: "ja" },
      "surface",
      /Wo ist das Schlagloch\?/,
    );
    expect(question).not.toMatch(/Where is the pothole/);
    expect(attributes.surface).toBe("cycle_lane");
  });

  it("asks which animal in Spanish and reads 'es un zorro'", async () => {
    const { question, attributes } = await report(
      "es",
      { report: "Hay un animal muerto en la acera de Mill Lane 14", answer: "es un zorro", yes: "sí" },
      "animal",
      /¿Qué animal es\?/,
    );
    expect(question).not.toMatch(/What kind of animal/);
    expect(attributes.animal).toBe("fox");
  });
});
