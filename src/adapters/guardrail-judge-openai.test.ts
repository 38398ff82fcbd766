import { describe, expect, it } from "vitest";
import {
  jsonReply,
  type StandInReply,
  standInModelOptions,
  useOpenAiStandIn,
} from "../../test/openai-stand-in";
import { assessInput } from "../services/guardrails/assess-input";
import { createOpenAiGuardrailJudge } from "./guardrail-judge-openai";

// The stand-in server answers what each test scripts: protocol and validation only, never quality.

const standIn = useOpenAiStandIn();
const judgeReplying = async (reply: StandInReply) =>
  createOpenAiGuardrailJudge(standInModelOptions(await standIn.start(reply)));

describe("OpenAI-compatible guardrail judge (against a stand-in server)", () => {
  it("sends the redacted text and the rules' labels, and asks for the known labels only", async () => {
    const judge = await judgeReplying(jsonReply({ labels: ["emergency", "emergency"] }));
    const verdict = await judge.judge({ text: "my flat smells of [phone]", lang: "en", labels: ["pii"] });
    expect(verdict).toEqual({ labels: ["emergency"] });
    const body = standIn.requests[0]!.body;
    expect(body).toMatchObject({ temperature: 0 });
    expect(JSON.stringify(body.response_format ?? body.tools)).toContain('"injection"');
    expect(JSON.stringify(body.messages)).toContain("already found: pii.");
  });

  it("adds what the model found through assessInput, which keeps the rules' own labels", async () => {
    const judge = await judgeReplying(jsonReply({ labels: ["crisis"] }));
    const assessment = await assessInput("I don't see the point of anything any more", {
      lang: "en",
      model: null,
      judge,
    });
    expect(assessment.labels.has("crisis")).toBe(true);
    expect(assessment.decidedBy).toBe("rules+judge");
    expect(assessment.matched).toContain("judge.crisis");
  });

  it("rejects a label outside the list, and assessInput then keeps the local verdict", async () => {
    const judge = await judgeReplying(jsonReply({ labels: ["spam"] }));
    await expect(judge.judge({ text: "hello", lang: "en", labels: [] })).rejects.toThrow();
    const assessment = await assessInput("When is the library open?", { lang: "en", judge });
    expect(assessment.primary).toBe("ok");
    expect(assessment.decidedBy).toBe("rules");
  });
});
