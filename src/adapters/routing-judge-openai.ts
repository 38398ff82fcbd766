import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import { buildRouteRequestPrompt, NO_SERVICE } from "../../prompts/route-request";
import type { RoutingJudge, RoutingJudgement, RoutingJudgeRequest } from "../ports/routing-judge";
import { createChatOpenAi, type OpenAiChatModelOptions } from "./chat-model-openai";

/**
 * LangChain's ChatOpenAI asked for a structured routing verdict. The schema is built per request
 * so the model can only name a code it was offered (or "none"); the answer is still validated.
 */
export function createOpenAiRoutingJudge(options: OpenAiChatModelOptions): RoutingJudge {
  // Classification wants the model's most likely answer, whatever temperature chat replies use.
  const llm = createChatOpenAi(options, { temperature: 0 });

  return {
    name: options.model,
    async judge(
      request: RoutingJudgeRequest,
      call: { signal?: AbortSignal } = {},
    ): Promise<RoutingJudgement> {
      const codes = request.candidates.map((c) => c.code);
      if (codes.length === 0) throw new Error("routing judge needs at least one candidate service");
      const Verdict = z.object({
        service: z
          .enum([NO_SERVICE, ...codes] as [string, ...string[]])
          .describe(`The code of the one service the message asks for, or "${NO_SERVICE}".`),
        confidence: z.number().min(0).max(1).describe("Probability that the answer is right, 0 to 1."),
      });
      const prompt = buildRouteRequestPrompt({
        cityName: options.cityName,
        lang: request.lang,
        message: request.text,
        candidates: request.candidates,
      });
      const result = await llm
        .withStructuredOutput(Verdict, { name: "routing_verdict" })
        .invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal: call.signal });
      const verdict = Verdict.parse(result);
      return {
        code: verdict.service === NO_SERVICE ? null : verdict.service,
        confidence: verdict.confidence,
      };
    },
  };
}
