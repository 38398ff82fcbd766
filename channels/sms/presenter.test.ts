import { describe, expect, it } from "vitest";
import { parseTwiml } from "../voice/twiml.fixture";
import { countSegments, createSmsRenderer, emptyTwiml, fitToBudget } from "./presenter";

const render = createSmsRenderer({ segmentBudget: 3 });
const citation = (url: string) => ({ articleId: "a", title: "Bins", url });

describe("SMS presenter", () => {
  it("acknowledges a webhook with an empty TwiML Response", () => {
    const response = parseTwiml(emptyTwiml());
    expect(response.name).toBe("Response");
    expect(response.children).toHaveLength(0);
  });

  it("counts GSM-7 and UCS-2 as carriers do: Romanian and Hungarian diacritics force UCS-2", () => {
    expect(countSegments("a".repeat(160))).toEqual({ segments: 1, encoding: "GSM-7" });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("Strada Morii, groapă").encoding).toBe("UCS-2");
    expect(countSegments("árvíztűrő tükörfúrógép").encoding).toBe("UCS-2");
    expect(countSegments("ș".repeat(70)).segments).toBe(1);
    expect(countSegments("ș".repeat(71)).segments).toBe(2);
  });

  it("turns citations into one short link and keeps a short answer whole", () => {
    const text = render(
      {
        status: "answered",
        text: "Your **black bin** is collected every two weeks.",
        citations: [citation("https://city.example/bins#when"), citation("https://city.example/other")],
      },
      "en",
    );
    expect(text).toBe("Your black bin is collected every two weeks.\nMore: https://city.example/bins");
  });

  it("cuts a long answer to its leading sentences plus the link, within the segment budget", () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} about bins.`).join(" ");
    const text = render(
      { status: "answered", text: long, citations: [citation("https://city.example/b")] },
      "en",
    );
    expect(countSegments(text).segments).toBeLessThanOrEqual(3);
    expect(text.startsWith("Sentence number 1 about bins.")).toBe(true);
    expect(text.endsWith("More: https://city.example/b")).toBe(true);

    const ro = render(
      { status: "answered", text: `Groapă în carosabil. ${"Șanțul este adânc. ".repeat(40)}`, citations: [] },
      "ro",
    );
    expect(countSegments(ro)).toMatchObject({ encoding: "UCS-2" });
    expect(countSegments(ro).segments).toBeLessThanOrEqual(3);
  });

  it("keeps the question of an intake step when the summary before it is too long", () => {
    const body = `Iată ce voi trimite:\n- Serviciu: Groapă în carosabil\n- Unde: Strada Morii 14\n- Ce: ${"o groapă foarte mare ".repeat(8)}\nDatele deschise arată serviciul. Deschid sesizarea? Răspundeți da sau nu.`;
    const text = render({ status: "clarification", text: body, citations: [] }, "ro");
    expect(countSegments(text).segments).toBeLessThanOrEqual(3);
    expect(text).toMatch(/Deschid sesizarea\? Răspundeți da sau nu\.$/);
    expect(text.startsWith("Iată ce voi trimite:")).toBe(true);
  });

  it("lists offered services as numbered lines unless the text already numbers them", () => {
    const options = [
      { service: "pothole", name: "Pothole" },
      { service: "light", name: "Street light" },
    ];
    expect(
      render({ status: "clarification", text: "Is this about one of these?", citations: [], options }, "en"),
    ).toBe("Is this about one of these?\n1. Pothole\n2. Street light");
    const numbered = "Is this about one of these?\n1. Pothole\n2. Street light\nReply with the number.";
    expect(render({ status: "clarification", text: numbered, citations: [], options }, "en")).toBe(numbered);
  });

  it("keeps English in GSM-7 by using the plain twins of typographic quotes and dashes", () => {
    const text = render(
      { status: "answered", text: "Ask me “status CD-1” – any time…", citations: [] },
      "en",
    );
    expect(text).toBe('Ask me "status CD-1" - any time...');
    expect(countSegments(text).encoding).toBe("GSM-7");
    expect(fitToBudget("short", "", 1)).toBe("short");
  });
});
