import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfflineChatModel } from "../../src/adapters/chat-model-offline";
import type { ChatModel } from "../../src/ports/chat-model";
import {
  callFields,
  findAll,
  parseTwiml,
  pathOf,
  startVoiceTestService,
  type TwimlNode,
  type VoiceTestService,
} from "./twiml.fixture";

/** Twilio drops a webhook that has not answered within 15 s; the line stays far inside it. */
const TWILIO_LIMIT_MS = 15_000;
/** How long the stand-in model takes at most; the test lets it finish earlier once it has seen the holding phrase. */
const MODEL_DELAY_MS = 4_000;

/*
 * A model that answers slowly: the offline answerer behind a gate that opens after MODEL_DELAY_MS or when
 * the test opens it, whichever comes first, so the test does not sit out the whole delay.
 */
function slowModel() {
  const offline = createOfflineChatModel();
  let open: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const state = { started: 0, finished: 0 };
  const model: ChatModel = {
    name: "offline-slow",
    condenseQuestion: (request, options) => offline.condenseQuestion(request, options),
    async answerQuestion(request, options) {
      state.started += 1;
      const timer = setTimeout(() => open(), MODEL_DELAY_MS);
      try {
        await gate;
        return await offline.answerQuestion(request, options);
      } finally {
        clearTimeout(timer);
        state.finished += 1;
      }
    },
  };
  return {
    model,
    state,
    release: () => open(),
    reset: () => {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
}

describe("a spoken question whose answer is slow", () => {
  const slow = slowModel();
  let voice: VoiceTestService;
  beforeAll(async () => {
    voice = await startVoiceTestService({}, { chatModel: slow.model });
  }, 60_000);
  afterAll(() => voice?.close());

  const timed = async (path: string, fields: Record<string, string>) => {
    const started = performance.now();
    const response = await voice.post(path, fields);
    const body = await response.text();
    const ms = performance.now() - started;
    expect(response.status).toBe(200);
    return { twiml: parseTwiml(body), ms };
  };

  it("gets the holding phrase and a redirect to the poll within a few seconds, then the answer", async () => {
    const fields = callFields("CA-slow-1", "+447700900501", {
      SpeechResult: "How do I recycle glass bottles?",
      Confidence: "0.9",
    });
    const first = await timed("/channels/voice/twilio/turn?lang=en&turn=1", fields);
    // The model is still working: the caller is not left in silence, and Twilio is answered in time.
    expect(slow.state.started).toBe(1);
    expect(slow.state.finished).toBe(0);
    expect(first.ms).toBeLessThan(4_000);
    expect(first.ms).toBeLessThan(TWILIO_LIMIT_MS);
    const [holding, redirect] = first.twiml.children;
    expect(holding).toMatchObject({ name: "Say", attributes: { language: "en-GB" } });
    expect(holding!.text).toMatch(/moment|looking/i);
    expect(redirect?.name).toBe("Redirect");
    expect(pathOf(redirect!.text.trim())).toBe("/channels/voice/twilio/poll?lang=en&turn=1&poll=1");
    expect(findAll(first.twiml, "Gather")).toHaveLength(0);

    // The answer arrives (sooner than the stand-in's 4 s, to keep the test quick); the poll speaks it.
    slow.release();
    let current: TwimlNode = first.twiml;
    const polls: number[] = [];
    for (let i = 0; i < 6 && findAll(current, "Redirect").length > 0; i++) {
      const next = await timed(pathOf(findAll(current, "Redirect")[0]!.text.trim()), fields);
      polls.push(next.ms);
      current = next.twiml;
    }
    expect(slow.state.finished).toBe(1);
    expect(polls.length).toBeGreaterThan(0);
    for (const ms of polls) expect(ms).toBeLessThan(4_000);
    const [answer] = findAll(current, "Say");
    expect(answer!.text).toMatch(/glass|bottle/i);
    expect(answer!.text).not.toMatch(/moment|still looking/i);
    expect(findAll(current, "Gather")[0]!.attributes.action).toContain("turn=2");
  }, 60_000);

  it("keeps the caller company while the stand-in takes its full 4 s, then answers", async () => {
    slow.reset();
    const fields = callFields("CA-slow-2", "+447700900502", {
      SpeechResult: "When is my household rubbish collected?",
      Confidence: "0.9",
    });
    const started = performance.now();
    let step = await timed("/channels/voice/twilio/turn?lang=en&turn=1", fields);
    const responses = [step.ms];
    while (findAll(step.twiml, "Redirect").length > 0 && responses.length < 8) {
      step = await timed(pathOf(findAll(step.twiml, "Redirect")[0]!.text.trim()), fields);
      responses.push(step.ms);
    }
    const total = performance.now() - started;
    // At least one holding response came before the answer, each well inside Twilio's limit.
    expect(responses.length).toBeGreaterThan(1);
    for (const ms of responses) expect(ms).toBeLessThan(4_000);
    expect(total).toBeGreaterThanOrEqual(MODEL_DELAY_MS - 100);
    expect(findAll(step.twiml, "Gather")[0]!.attributes.action).toContain("turn=2");
    expect(findAll(step.twiml, "Say")[0]!.text).not.toMatch(/sorry, this is taking too long/i);
  }, 30_000);
});
