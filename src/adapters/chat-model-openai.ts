import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";
import { buildAnswerPrompt, NO_ANSWER_SENTINEL } from "../../prompts/answer-question";
import { buildCondensePrompt } from "../../prompts/condense-question";
import type { PromptMessages } from "../../prompts/prompt-parts";
import { buildSummaryPrompt, readSummaryLines } from "../../prompts/summarize-transcript";
import type {
  AnswerDraft,
  AnswerRequest,
  ChatModel,
  CondensedQuestion as CondensedQuestionShape,
  CondenseRequest,
  ModelCallOptions,
  SummaryRequest,
} from "../ports/chat-model";

export interface OpenAiChatModelOptions {
  /** Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI's v1 route, Ollama, vLLM… */
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  model: string;
  temperature: number;
  /** Per request; while streaming, the longest silence allowed between two chunks. */
  timeoutMs: number;
  maxRetries: number;
  cityName: string;
}

const CondensedQuestion = z.object({
  question: z.string().min(1).describe("The latest message rewritten as one stand-alone question."),
  followUp: z.boolean().describe("True when the earlier conversation was needed to understand the message."),
});

/** LangChain's client for the configured endpoint; judges pass temperature 0 for their most likely answer. */
export function createChatOpenAi(options: OpenAiChatModelOptions, overrides: { temperature?: number } = {}) {
  return new ChatOpenAI({
    model: options.model,
    temperature: overrides.temperature ?? options.temperature,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    // Local servers (Ollama, vLLM) accept any key, but the client insists on one.
    apiKey: options.apiKey ?? "not-needed",
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
  });
}

const CITATION = /\[\s*(P\d+(?:\s*[,;]\s*P\d+)*)\s*\]/g;

/** LangChain's ChatOpenAI behind the ChatModel port. */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const llm = createChatOpenAi(options);
  const condenser = llm.withStructuredOutput(CondensedQuestion, { name: "condensed_question" });

  return {
    name: options.model,

    async condenseQuestion(
      request: CondenseRequest,
      call: ModelCallOptions = {},
    ): Promise<CondensedQuestionShape> {
      const prompt = buildCondensePrompt({ ...request, cityName: options.cityName });
      const result = await condenser.invoke(toMessages(prompt), { signal: call.signal });
      return CondensedQuestion.parse(result);
    },

    async answerQuestion(request: AnswerRequest, call: ModelCallOptions = {}): Promise<AnswerDraft> {
      const messages = toMessages(buildAnswerPrompt({ ...request, cityName: options.cityName }));
      const text = call.onToken
        ? await streamAnswer(llm, messages, options.timeoutMs, call.onToken, call.signal)
        : (await llm.invoke(messages, { signal: call.signal })).text;
      return readDraft(text);
    },

    async summarizeTranscript(request: SummaryRequest, call: ModelCallOptions = {}): Promise<string[]> {
      const prompt = buildSummaryPrompt({ ...request, cityName: options.cityName });
      const lines = readSummaryLines((await llm.invoke(toMessages(prompt), { signal: call.signal })).text);
      if (lines.length === 0) throw new Error("the model wrote an empty summary");
      return lines;
    },
  };
}

function toMessages(prompt: PromptMessages) {
  return [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
}

function readDraft(text: string): AnswerDraft {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith(NO_ANSWER_SENTINEL))
    return { text: "", citedIds: [], covered: false };
  const citedIds: string[] = [];
  for (const match of trimmed.matchAll(CITATION)) {
    for (const id of match[1]!.split(/[,;]/)) {
      const clean = id.trim();
      if (!citedIds.includes(clean)) citedIds.push(clean);
    }
  }
  return { text: trimmed, citedIds, covered: true };
}

/**
 * Streams the answer, holding back its first characters until they cannot be the no-answer
 * sentinel, and aborting when the server goes quiet for longer than the timeout.
 */
async function streamAnswer(
  llm: ChatOpenAI,
  messages: ReturnType<typeof toMessages>,
  idleTimeoutMs: number,
  onToken: (token: string) => void,
  signal: AbortSignal | undefined,
): Promise<string> {
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => idle.abort(new Error(`model stream idle for more than ${idleTimeoutMs} ms`)),
      idleTimeoutMs,
    );
  };
  const combined = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
  let text = "";
  let released = 0;
  try {
    arm();
    const stream = await llm.stream(messages, { signal: combined });
    for await (const chunk of stream) {
      arm();
      text += chunk.text;
      const head = text.trimStart();
      const mayBeSentinel = NO_ANSWER_SENTINEL.startsWith(head) || head.startsWith(NO_ANSWER_SENTINEL);
      if (mayBeSentinel) continue;
      if (released < text.length) {
        onToken(text.slice(released));
        released = text.length;
      }
    }
    if (idle.signal.aborted) throw idle.signal.reason;
  } finally {
    clearTimeout(timer);
  }
  return text;
}
