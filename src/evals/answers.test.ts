import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnswerCases } from "./answer-cases";
import {
  type CaseResult,
  judgeTurn,
  matchesFact,
  reachedIntake,
  scoreAnswerCases,
  scoreByLanguage,
  type TurnObservation,
} from "./answer-judge";
import { runAnswersEval } from "./answers";

const answered = (text: string, articleIds: string[] = []): TurnObservation => ({
  status: "answered",
  text,
  citations: articleIds.map((articleId) => ({ articleId })),
});
const noContext = { earlierCases: [] };

describe("matchesFact", () => {
  it("ignores case and reads non-breaking and doubled spaces as one space", () => {
    expect(matchesFact("£48 a year", "The brown bin costs £48\u00a0A YEAR.")).toBe(true);
    expect(matchesFact("8 am to 6 pm", "open 8\u202fam  to\n6 pm")).toBe(true);
    expect(matchesFact("monday", "Collected on Tuesday.")).toBe(false);
  });
});

describe("judgeTurn", () => {
  it("an answer passes when answered, every fact is in the reply and the expected article is cited", () => {
    const turn = {
      expect: "answer" as const,
      text: "q",
      article: "glass-recycling",
      facts: ["purple", "box"],
    };
    const right = judgeTurn(turn, answered("Use the purple box.", ["glass-recycling"]), noContext);
    expect(right).toMatchObject({ outcome: true, facts: true, cited: true, pass: true });

    const wrongArticle = judgeTurn(turn, answered("Use the purple box.", ["bin-collection-days"]), noContext);
    expect(wrongArticle).toMatchObject({ outcome: true, facts: true, cited: false, pass: false });

    const missingFact = judgeTurn(turn, answered("Use the box.", ["glass-recycling"]), noContext);
    expect(missingFact).toMatchObject({ facts: false, pass: false });
  });

  it("facts in a reply that is not an answer do not count as an answer's facts", () => {
    const turn = { expect: "answer" as const, text: "q", facts: ["01632 960 000"] };
    const declined = { status: "no_answer", text: "Call us on 01632 960 000.", citations: [] };
    expect(judgeTurn(turn, declined, noContext)).toMatchObject({ outcome: false, facts: false, pass: false });
  });

  it("a request reaches intake through a case, an intake in progress or a menu, with the service shown first", () => {
    const turn = { expect: "request" as const, text: "q", service: "pothole" };
    const collecting: TurnObservation = {
      status: "clarification",
      text: "Where?",
      citations: [],
      intake: { service: "pothole", awaiting: "location" },
    };
    expect(judgeTurn(turn, collecting, noContext)).toMatchObject({
      outcome: true,
      service: true,
      pass: true,
    });

    const menu = {
      ...collecting,
      intake: undefined,
      options: [{ service: "street-light" }, { service: "pothole" }],
    };
    expect(judgeTurn(turn, menu, noContext)).toMatchObject({ outcome: true, service: false, pass: false });

    const opened = {
      status: "case_opened",
      text: "Opened",
      citations: [],
      case: { reference: "CD-2026-000001", status: "new", service: "pothole" },
    };
    expect(judgeTurn(turn, opened, noContext).pass).toBe(true);

    // A greeting or an unclear-message prompt is a clarification without any intake.
    expect(reachedIntake({ status: "clarification", text: "Hello!", citations: [] })).toBe(false);
    expect(judgeTurn(turn, answered("Potholes are fixed in 5 days."), noContext).outcome).toBe(false);
  });

  it("a menu choice is right only when the service of the entry shown follows", () => {
    const turn = { expect: "request" as const, text: "1", option: 1 };
    const shown = {
      earlierCases: [],
      previousOptions: [{ service: "pothole" }, { service: "street-light" }],
    };
    const picked = (service: string): TurnObservation => ({
      status: "clarification",
      text: "Where?",
      citations: [],
      intake: { service, awaiting: "location" },
    });
    expect(judgeTurn(turn, picked("pothole"), shown).pass).toBe(true);
    expect(judgeTurn(turn, picked("street-light"), shown)).toMatchObject({ service: false, pass: false });
    expect(judgeTurn(turn, picked("pothole"), noContext).pass).toBe(false);
  });

  it("no_answer passes only on an honest decline; status and cancelled check the conversation's state", () => {
    const decline = { expect: "no_answer" as const, text: "q" };
    expect(judgeTurn(decline, { status: "no_answer", text: "Sorry", citations: [] }, noContext).pass).toBe(
      true,
    );
    expect(judgeTurn(decline, answered("Council tax is paid..."), noContext).pass).toBe(false);

    const status = { expect: "status" as const, text: "is my light fixed?" };
    const earlier = { earlierCases: ["CD-2026-000007"] };
    const mentions = { status: "case_status", text: "CD-2026-000007 is in progress.", citations: [] };
    expect(judgeTurn(status, mentions, earlier).pass).toBe(true);
    expect(judgeTurn(status, { ...mentions, text: "You have no open cases." }, earlier).pass).toBe(false);

    const cancel = { expect: "cancelled" as const, text: "cancel" };
    const stopped = { status: "clarification", text: "Cancelled.", citations: [] };
    expect(judgeTurn(cancel, stopped, noContext).pass).toBe(true);
    expect(judgeTurn(cancel, { ...stopped, intake: { service: "pothole" } }, noContext).pass).toBe(false);
  });
});

describe("scoreAnswerCases", () => {
  it("counts single cases and each turn of a flow per expectation, and a flow only when all its turns pass", () => {
    const cases = parseAnswerCases(
      [
        '{"id":"a","lang":"en","text":"q","expect":"answer","facts":["x"],"trap":true}',
        '{"id":"b","lang":"fr","text":"q","expect":"no_answer"}',
        '{"id":"c","lang":"en","turns":[{"text":"r","expect":"request","service":"pothole"},{"text":"q","expect":"answer","facts":["y"],"lang":"de"}]}',
      ].join("\n"),
      "inline",
    );
    const results: CaseResult[] = [
      { case: cases[0]!, judgements: [judgeTurn(cases[0]!.turns[0]!, answered("x"), noContext)] },
      {
        case: cases[1]!,
        judgements: [judgeTurn(cases[1]!.turns[0]!, answered("unrelated"), noContext)],
      },
      {
        case: cases[2]!,
        judgements: [
          judgeTurn(
            cases[2]!.turns[0]!,
            { status: "clarification", text: "Where?", citations: [], intake: { service: "pothole" } },
            noContext,
          ),
          judgeTurn(cases[2]!.turns[1]!, answered("z"), noContext),
        ],
      },
    ];
    expect(scoreAnswerCases(results)).toMatchObject({
      n: 3,
      answer_cases: 2,
      facts_hit: 0.5,
      answered_share: 1,
      request_recall: 1,
      request_service_acc: 1,
      trap_ok: 1,
      flows_ok: 0,
      no_answer_ok: 0,
      cited_expected: null,
    });
    const perLang = scoreByLanguage(results);
    expect(Object.keys(perLang)).toEqual(["de", "en", "fr"]);
    expect(perLang.en).toMatchObject({ n: 2, facts_hit: 1, flows_ok: 0 });
    expect(perLang.de).toMatchObject({ n: 0, facts_hit: 0 });
  });
});

describe("parseAnswerCases", () => {
  it("names the line of the first bad case, including misspelt fields and broken regexes", () => {
    const good = '{"id":"a","lang":"en","text":"q","expect":"answer"}';
    expect(() =>
      parseAnswerCases(`${good}\n\n{"id":"b","lang":"en","text":"q","expect":"maybe"}`, "f.jsonl"),
    ).toThrow(/^f\.jsonl:3: expect: /);
    expect(() =>
      parseAnswerCases(
        `${good}\n{"id":"b","lang":"en","text":"q","expect":"answer","fact":["x"]}`,
        "f.jsonl",
      ),
    ).toThrow(/^f\.jsonl:2: .*fact/);
    expect(() =>
      parseAnswerCases(`{"id":"b","lang":"en","text":"q","expect":"answer","facts":["(x"]}`, "f.jsonl"),
    ).toThrow(/^f\.jsonl:1: facts\.0: is not a valid regular expression/);
    expect(() => parseAnswerCases(`{"id":"c","lang":"en","turns":[{"text":"q"}]}`, "f.jsonl")).toThrow(
      /^f\.jsonl:1: turns\.0\.expect: /,
    );
    expect(() => parseAnswerCases(`${good}\n${good}`, "f.jsonl")).toThrow(/^f\.jsonl:2: duplicate id a/);
    expect(() => parseAnswerCases("{nope", "f.jsonl")).toThrow(/^f\.jsonl:1: not valid JSON/);
  });

  it("a bad line ends the eval before the service starts", async () => {
    const file = await writeCases([
      '{"id":"a","lang":"en","text":"q","expect":"answer"}',
      '{"id":"b","lang":"en"}',
    ]);
    await expect(runAnswersEval(["--cases", file])).rejects.toThrow(/cases\.jsonl:2: /);
  });
});

async function writeCases(lines: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "answers-eval-"));
  const file = join(dir, "cases.jsonl");
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

describe("runAnswersEval against the real service", () => {
  it("runs each case in a fresh conversation through the chat API and scores what the citizen got", async () => {
    const file = await writeCases([
      // Obviously right: the contact page holds the contact centre's number.
      '{"id":"right","lang":"en","text":"What is the phone number of the contact centre?","expect":"answer","article":"contact-us","facts":["01632 960 000"]}',
      // Obviously wrong expectation: a street light report is not something to decline.
      '{"id":"wrong","lang":"en","text":"The street light outside 14 Mill Lane is completely dark","expect":"no_answer"}',
      '{"id":"flow","lang":"en","turns":[{"text":"The street light outside 14 Mill Lane is completely dark","expect":"request","service":"street-light"},{"text":"cancel","expect":"cancelled"}]}',
    ]);
    const result = await runAnswersEval(["--cases", file]);
    expect(result).toMatchObject({
      n: 3,
      answer_cases: 1,
      facts_hit: 1,
      cited_expected: 1,
      answered_share: 1,
      no_answer_ok: 0,
      request_recall: 1,
      request_service_acc: 1,
      flows_ok: 1,
      model: "offline",
    });
    expect(Object.keys(result.per_lang)).toEqual(["en"]);
  }, 120_000);
});
