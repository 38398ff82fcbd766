import { describe, expect, it } from "vitest";
import {
  jsonReply,
  type StandInReply,
  standInModelOptions,
  useOpenAiStandIn,
} from "../../test/openai-stand-in";
import type { RoutingJudgeRequest } from "../ports/routing-judge";
import { createOpenAiRoutingJudge } from "./routing-judge-openai";

// The stand-in server answers what each test scripts: these tests check the adapter's protocol
// handling and validation, never the quality of a routing decision.

const REQUEST: RoutingJudgeRequest = {
  text: "The lamp outside number 12 has been dark for a week",
  lang: "en",
  candidates: [
    { code: "street-light", name: "Street light fault", examples: ["lamp post dark"] },
    { code: "pothole", name: "Pothole", examples: ["hole in the road"] },
  ],
};

const standIn = useOpenAiStandIn();
const judgeReplying = async (reply: StandInReply) =>
  createOpenAiRoutingJudge(standInModelOptions(await standIn.start(reply)));

describe("OpenAI-compatible routing judge (against a stand-in server)", () => {
  it("asks for structured output limited to the offered codes, at temperature 0", async () => {
    const judge = await judgeReplying(jsonReply({ service: "street-light", confidence: 0.9 }));
    expect(await judge.judge(REQUEST)).toEqual({ code: "street-light", confidence: 0.9 });

    const body = standIn.requests[0]!.body;
    expect(body).toMatchObject({ model: "stand-in-model", temperature: 0 });
    const schema = JSON.stringify(body.response_format ?? body.tools);
    for (const code of ["street-light", "pothole", "none"]) expect(schema).toContain(`"${code}"`);
    const messages = body.messages as { role: string; content: string }[];
    expect(messages[1]!.content).toContain("- pothole: Pothole");
    expect(messages[1]!.content).toContain(REQUEST.text);
  });

  it('reads "none" as not a service request', async () => {
    const judge = await judgeReplying(jsonReply({ service: "none", confidence: 0.8 }));
    expect(await judge.judge(REQUEST)).toEqual({ code: null, confidence: 0.8 });
  });

  it("rejects a code it did not offer and a confidence outside 0..1", async () => {
    let judge = await judgeReplying(jsonReply({ service: "graffiti", confidence: 0.9 }));
    await expect(judge.judge(REQUEST)).rejects.toThrow();
    judge = await judgeReplying(jsonReply({ service: "pothole", confidence: 7 }));
    await expect(judge.judge(REQUEST)).rejects.toThrow();
  });

  it("surfaces server errors and refuses an empty candidate list", async () => {
    const judge = await judgeReplying({ kind: "error", status: 500 });
    await expect(judge.judge(REQUEST)).rejects.toThrow();
    await expect(judge.judge({ ...REQUEST, candidates: [] })).rejects.toThrow(/at least one candidate/);
  });
});
