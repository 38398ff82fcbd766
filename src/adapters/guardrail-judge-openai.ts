import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { z } from "zod";
import { buildJudgeSafetyPrompt, SAFETY_LABEL_DEFINITIONS } from "../../prompts/judge-safety";
import type { GuardrailJudge, GuardrailLabel } from "../services/guardrails/assess-input";
import { createChatOpenAi, type OpenAiChatModelOptions } from "./chat-model-openai";

const JUDGED_LABELS = Object.keys(SAFETY_LABEL_DEFINITIONS) as [
  keyof typeof SAFETY_LABEL_DEFINITIONS,
  ...(keyof typeof SAFETY_LABEL_DEFINITIONS)[],
];

const SafetyVerdict = z.object({
  labels: z.array(z.enum(JUDGED_LABELS)).describe("Every label that applies; empty when none does."),
});

/**
 * LangChain's ChatOpenAI as the guardrails' second opinion: structured output limited to the known
 * labels. The guardrails decide what to do with it (a judge can add labels, never clear a rule's).
 */
export function createOpenAiGuardrailJudge(options: OpenAiChatModelOptions): GuardrailJudge {
  const llm = createChatOpenAi(options, { temperature: 0 }).withStructuredOutput(SafetyVerdict, {
    name: "safety_verdict",
  });

  return {
    async judge({ text, lang, labels }): Promise<{ labels: GuardrailLabel[] }> {
      const prompt = buildJudgeSafetyPrompt({
        cityName: options.cityName,
        lang,
        message: text,
        ruleLabels: labels,
      });
      const result = await llm.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)]);
      return { labels: [...new Set(SafetyVerdict.parse(result).labels)] };
    },
  };
}
