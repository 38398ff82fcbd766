import { describe, expect, it } from "vitest";
import { renderForVoice } from "./render-for-voice";

describe("renderForVoice", () => {
  it("drops links and markup and reads list lines as sentences", () => {
    const text =
      "Bins go out by **7am**. See [collection days](https://riverton.example/bins) or https://riverton.example/x.\n- Blue bin: paper\n- Green bin: garden waste";
    const spoken = renderForVoice(text, { lang: "en", maxChars: 400 });
    expect(spoken).not.toMatch(/https?:|\]|\*|^-|\n/);
    expect(spoken).toContain("collection days");
    expect(spoken).toContain("Blue bin: paper. Green bin: garden waste.");
  });

  it("reads phone numbers in digit groups, times with am/pm and prices in words", () => {
    const spoken = renderForVoice("Call 01632 960 000 between 06:30 and 17:00. It costs £12.50.", {
      lang: "en",
    });
    expect(spoken).toBe(
      "Call 0 1 6 3 2, 9 6 0, 0 0 0 between 6:30 am and 5 pm. It costs 12 pounds and 50 pence.",
    );
  });

  it("reads a case reference digit by digit and keeps the other language's clock", () => {
    const spoken = renderForVoice("Cazul CD-2026-000123 este deschis de la 08:30. Costă €5.", { lang: "ro" });
    expect(spoken).toBe("Cazul C D, 2 0 2 6, 0 0 0 1 2 3 este deschis de la 8:30. Costă 5 euro.");
  });

  it("keeps whole sentences up to the limit", () => {
    const spoken = renderForVoice("One two three. Four five six. Seven eight nine.", {
      lang: "en",
      maxChars: 30,
    });
    expect(spoken).toBe("One two three. Four five six.");
  });
});
