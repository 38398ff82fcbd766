import { describe, expect, it } from "vitest";
import type { AnswerRequest, GroundingPassage } from "../ports/chat-model";
import { createOfflineChatModel } from "./chat-model-offline";

const NOW = new Date("2026-03-05T10:00:00Z");
const model = createOfflineChatModel();

const BINS: GroundingPassage = {
  id: "P1",
  title: "Bin collection days",
  headingPath: ["Bin collection days", "Which bins are collected each week"],
  lang: "en",
  text: [
    "- **Food caddy (green, 23 litres)**: every week.",
    "- **Black bin (general waste)**: every two weeks.",
    "- **Blue bin (mixed recycling)** and **purple glass box**: every two weeks, in the weeks when the black bin is not collected.",
    "",
    "So in one week you put out your black bin and food caddy, and the following week your blue bin, glass box and food caddy.",
  ].join("\n"),
};
const GLASS: GroundingPassage = {
  id: "P2",
  title: "Glass recycling",
  headingPath: ["Glass recycling", "When glass is collected"],
  lang: "en",
  text: "Your purple glass box is collected **every two weeks, on the same day and in the same week as your blue recycling bin**. Put it next to your blue bin by 6:30 am on your collection day. To check the week, use the [collection day finder](https://www.riverton.example/waste/find-my-day).",
};
// The areas and their collection days: a list whose items a name tells apart.
const DAYS: GroundingPassage = {
  id: "P4",
  title: "Bin collection days",
  headingPath: ["Bin collection days", "Find your collection day"],
  lang: "en",
  text: [
    "Your collection day depends on the area you live in:",
    "- Monday: Northgate, Hillcrest and Millbrook",
    "- Tuesday: Eastfield and Ashby Park",
    "- Friday: Westbrook and Oakley",
    "",
    "The collection day finder at https://city.example/find shows your next collections.",
  ].join("\n"),
};
const _LIBRARY: GroundingPassage = {
  id: "P3",
  title: "Library opening hours",
  headingPath: ["Library opening hours"],
  lang: "en",
  text: "The Central Library is open from 9 am to 8 pm on weekdays and from 10 am to 4 pm on Saturdays.",
};
const _FRENCH: GroundingPassage = {
  id: "P4",
  title: "Collecte du verre",
  headingPath: ["Collecte du verre"],
  lang: "fr",
  text: "La caisse violette pour le verre est collectée toutes les deux semaines, le même jour que la poubelle bleue.",
};

function ask(
  question: string,
  passages: GroundingPassage[],
  extra: Partial<AnswerRequest> = {},
): AnswerRequest {
  return { question, lang: "en", surface: "web", passages, history: [], now: NOW, ...extra };
}

describe("offline answerer", () => {
  it("answers from the section it is given, sentences copied whole, and cites it", async () => {
    const draft = await model.answerQuestion(ask("When is the glass box collected?", [GLASS]));
    expect(draft.covered).toBe(true);
    expect(draft.citedIds).toEqual(["P2"]);
    expect(draft.text).toMatch(/^Your purple glass box is collected every two weeks/);
    // Every sentence comes from the passage: nothing is invented.
    const source = GLASS.text.replace(/\*\*/g, "").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
    for (const sentence of draft.text.split(/(?<=\.)\s+/)) {
      expect(source).toContain(sentence.replace(/\.$/, ""));
    }
  });

  it("drops Markdown link targets and emphasis from copied sentences", async () => {
    const draft = await model.answerQuestion(ask("How do I check my glass collection week?", [GLASS]));
    expect(draft.text).toContain("use the collection day finder");
    expect(draft.text).not.toMatch(/\*\*|\]\(/);
  });

  it("leads with the sentence that carries the kind of fact asked for", async () => {
    const FEES: GroundingPassage = {
      id: "P1",
      title: "Bulky item collection",
      headingPath: ["Bulky item collection", "Prices"],
      lang: "en",
      text: [
        "We collect up to six items per booking.",
        "Book at least five working days ahead.",
        "A collection costs £35 for up to three items and £10 for each extra item.",
      ].join(" "),
    };
    const price = await model.answerQuestion(ask("how much is a bulky collection?", [FEES]));
    expect(price.text).toMatch(/^A collection costs £35/);
    const days = await model.answerQuestion(ask("how long before I can get a collection?", [FEES]));
    expect(days.text).toMatch(/^Book at least five working days ahead/);
    const lists = await model.answerQuestion(ask("what can I put in the blue bin?", [BINS]));
    expect(lists.text).toMatch(/^- Food caddy/);
  });

  it("puts the section's heading before a lead sentence that does not say what the section is about", async () => {
    const BLACK: GroundingPassage = {
      id: "P3",
      title: "What goes in which bin",
      headingPath: ["What goes in which bin", "Black bin: general waste"],
      lang: "en",
      text: "Only what cannot be recycled: nappies, pet litter and broken crockery.",
    };
    const web = await model.answerQuestion(ask("which bin do nappies go in?", [BLACK]));
    expect(web.text).toMatch(/^Black bin: general waste:\nOnly what cannot be recycled/);
    const sms = await model.answerQuestion(ask("which bin do nappies go in?", [BLACK], { surface: "sms" }));
    expect(sms.text).toMatch(/^Black bin: general waste: Only what/);
    // A sentence that already names its heading's subject needs no label.
    const named = { ...BLACK, text: "The black bin takes general waste: nappies and pet litter." };
    expect((await model.answerQuestion(ask("which bin do nappies go in?", [named]))).text).toMatch(
      /^The black bin/,
    );
  });

  it("gives the list item the question names, not the whole list", async () => {
    const mine = await model.answerQuestion(ask("when is my bin collected? I live in Hillcrest", [DAYS]));
    expect(mine.text).toContain("Monday: Northgate, Hillcrest and Millbrook");
    expect(mine.text).not.toContain("Tuesday");
    expect(mine.text).toContain("collection day finder");
    // Without a name, the citizen gets the whole list.
    const all = await model.answerQuestion(ask("when are bins collected?", [DAYS]));
    expect(all.text).toContain("Tuesday: Eastfield");
  });

  it("narrows an English list by a name the question gives in another language", async () => {
    const es = await model.answerQuestion(
      ask("¿Qué día recogen la basura en Hillcrest?", [DAYS], { lang: "es" }),
    );
    expect(es.text).toContain("Monday: Northgate, Hillcrest and Millbrook");
    expect(es.text).not.toContain("Tuesday");
    const all = await model.answerQuestion(ask("¿Qué día recogen la basura?", [DAYS], { lang: "es" }));
    expect(all.text).toContain("Tuesday: Eastfield");
  });

  it("gives the one item that states the fact asked and names what the question names", async () => {
    const VISITING: GroundingPassage = {
      id: "P8",
      title: "Riverton Town Hall",
      headingPath: ["Riverton Town Hall", "Visiting"],
      lang: "en",
      text: [
        "- Reception can direct you to officers with whom you have an appointment.",
        "- Tours of the Council Chamber take place on the first Saturday of each month at 11 am.",
        "- The building is step-free from Market Square, with lifts to all floors.",
      ].join("\n"),
    };
    const history = [
      { role: "citizen" as const, text: "Can I get a tour of the town hall?" },
      { role: "assistant" as const, text: "Visiting: …" },
    ];
    const when = await model.answerQuestion(
      ask("Can I get a tour of the town hall? when are they?", [VISITING], { history }),
    );
    expect(when.text).toContain("first Saturday of each month at 11 am");
    expect(when.text).not.toContain("Reception");
    expect(when.text).not.toContain("step-free");
    // Asked without a kind of fact, the whole list stays.
    const can = await model.answerQuestion(ask("Can I get a tour of the town hall?", [VISITING]));
    expect(can.text).toContain("Reception");
  });

  it("keeps the whole price list when the only word that singles out an item is the page's subject", async () => {
    const BULKY: GroundingPassage = {
      id: "P9",
      title: "Bulky item collection",
      headingPath: ["Bulky item collection", "Prices"],
      lang: "en",
      text: [
        "- Up to 3 items: £30.",
        "- Each extra item: £8, up to 8 items in one collection.",
        "- Fridges and freezers: £25 each.",
      ].join("\n"),
    };
    const draft = await model.answerQuestion(ask("how much is a bulky waste collection?", [BULKY]));
    expect(draft.text).toContain("Up to 3 items: £30");
    expect(draft.text).toContain("Each extra item: £8");
  });

  it("gives the item a single fact is asked about by its label, and the whole list otherwise", async () => {
    const WEEKS: GroundingPassage = {
      id: "P7",
      title: "Bin collection days",
      headingPath: ["Which bins go out each week"],
      lang: "en",
      text: [
        "- Food caddy (green): every week.",
        "- Black bin (general waste): every two weeks.",
        "- Blue bin (mixed recycling): every two weeks, in the other week.",
      ].join("\n"),
    };
    const blue = await model.answerQuestion(ask("When is the blue bin collected?", [WEEKS]));
    expect(blue.text).toContain("Blue bin (mixed recycling)");
    expect(blue.text).not.toContain("Food caddy");
    const all = await model.answerQuestion(ask("what goes out each week?", [WEEKS]));
    expect(all.text).toContain("Food caddy");
  });

  it("says a passage in another language is used as it is", async () => {
    const ro = await model.answerQuestion(ask("Când se colectează sticla?", [GLASS], { lang: "ro" }));
    expect(ro.covered).toBe(true);
    expect(ro.citedIds).toEqual(["P2"]);
    expect(ro.text).toContain("purple glass box");
    expect(await model.answerQuestion(ask("anything", []))).toEqual({
      text: "",
      citedIds: [],
      covered: false,
    });
  });

  it("keeps sms answers shorter than web answers", async () => {
    const long: GroundingPassage = {
      ...BINS,
      text: Array.from({ length: 8 }, (_, i) => `Bins are collected on route ${i + 1} every week.`).join(" "),
    };
    const web = await model.answerQuestion(ask("When are bins collected?", [long]));
    const sms = await model.answerQuestion(ask("When are bins collected?", [long], { surface: "sms" }));
    const count = (t: string) => t.split(/(?<=\.)\s+/).length;
    expect(count(web.text)).toBe(6);
    expect(count(sms.text)).toBe(3);
  });

  it("streams the answer it returns", async () => {
    const tokens: string[] = [];
    const draft = await model.answerQuestion(ask("When is the glass box collected?", [GLASS]), {
      onToken: (t) => tokens.push(t),
    });
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join("")).toBe(draft.text);
  });

  it("condenses a short follow-up with the earlier question and leaves new questions alone", async () => {
    const history = [
      { role: "citizen" as const, text: "When is my bin collected?" },
      { role: "assistant" as const, text: "On the same weekday every week." },
    ];
    expect(
      await model.condenseQuestion({ message: "and for glass?", history, lang: "en", now: NOW }),
    ).toEqual({
      question: "When is my bin collected? glass?",
      followUp: true,
    });
    expect(
      await model.condenseQuestion({ message: "et pour le verre ?", history, lang: "fr", now: NOW }),
    ).toMatchObject({ followUp: true, question: "When is my bin collected? le verre ?" });
    expect(
      await model.condenseQuestion({
        message: "How do I renew my resident parking permit online?",
        history,
        lang: "en",
        now: NOW,
      }),
    ).toEqual({ question: "How do I renew my resident parking permit online?", followUp: false });
    expect(
      await model.condenseQuestion({ message: "and for glass?", history: [], lang: "en", now: NOW }),
    ).toEqual({
      question: "and for glass?",
      followUp: false,
    });
  });

  it("carries a chain of follow-ups back to the question that started it", async () => {
    const history = [
      { role: "citizen" as const, text: "When is my bin collected?" },
      { role: "assistant" as const, text: "…" },
      { role: "citizen" as const, text: "and for glass?" },
      { role: "assistant" as const, text: "…" },
    ];
    const condensed = await model.condenseQuestion({ message: "and paper?", history, lang: "en", now: NOW });
    expect(condensed.question).toBe("When is my bin collected? glass? paper?");
  });
});
