import { describe, expect, it } from "vitest";
import { buildCondensePrompt } from "./condense-question";

describe("buildCondensePrompt", () => {
  const input = {
    cityName: "Riverton",
    lang: "fr",
    message: "et pour le verre ?",
    history: [
      { role: "citizen" as const, text: "Quand passe la collecte des poubelles ?" },
      { role: "assistant" as const, text: "Le lundi." },
    ],
    now: new Date("2026-12-31T23:59:00Z"),
  };

  it("fills every placeholder and uses the injected clock", () => {
    const prompt = buildCondensePrompt(input);
    expect(`${prompt.system}${prompt.user}`).not.toMatch(/\{\{|\}\}/);
    expect(prompt.system).toContain("2026-12-31 (Thursday)");
    expect(prompt.system).toContain("Write the question in French");
  });

  it("quotes the history and the latest message", () => {
    const prompt = buildCondensePrompt(input);
    expect(prompt.user).toContain("Citizen: Quand passe la collecte des poubelles ?");
    expect(prompt.user).toContain("<latest_message>\net pour le verre ?\n</latest_message>");
  });

  it("asks for the question in the search language when it is not the citizen's", () => {
    const prompt = buildCondensePrompt({
      cityName: "Riverton",
      lang: "ro",
      searchLang: "en",
      message: "Cât costă un Blue Badge?",
      history: [],
      now: new Date("2026-03-05T10:00:00Z"),
    });
    expect(prompt.system).toContain("Write the question in English");
    expect(prompt.system).toContain("translate it into English");
  });
});
