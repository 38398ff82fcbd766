import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestService } from "../../test/service";
import {
  callFields,
  findAll,
  parseTwiml,
  startVoiceTestService,
  type VoiceTestService,
} from "./twiml.fixture";

describe("a call while a staff member holds the caller's conversation", () => {
  let service: TestService;
  const post = (...args: Parameters<VoiceTestService["post"]>) => voice.post(...args);

  let voice: VoiceTestService;
  beforeAll(async () => {
    voice = await startVoiceTestService();
    ({ service } = voice);
  }, 60_000);
  afterAll(() => voice?.close());

  it("is put through to a person instead of hearing the assistant", async () => {
    const caller = "+447700900077";
    const asked = await post(
      "/channels/voice/twilio/turn?lang=en&turn=1",
      callFields("CA-held-1", caller, { SpeechResult: "I want to talk to a person", Confidence: "0.9" }),
    );
    expect(asked.status).toBe(200);
    const staff = { authorization: "Bearer test-agent-token" };
    const queue = (await (
      await fetch(`${service.url}/v1/staff/conversations`, { headers: staff })
    ).json()) as {
      conversations: { id: string; channel: string }[];
    };
    const held = queue.conversations.find((c) => c.channel === "voice");
    expect(held).toBeDefined();
    const takeOver = await fetch(`${service.url}/v1/staff/conversations/${held!.id}/take-over`, {
      method: "POST",
      headers: staff,
    });
    expect(takeOver.status).toBe(200);

    const twiml = parseTwiml(
      await (
        await post(
          "/channels/voice/twilio/turn?lang=en&turn=2",
          callFields("CA-held-1", caller, { SpeechResult: "When is my bin collected?", Confidence: "0.9" }),
        )
      ).text(),
    );
    const said = findAll(twiml, "Say").map((say) => say.text ?? "");
    expect(said.every((text) => text.trim().length > 0)).toBe(true);
    expect(said.join(" ")).not.toMatch(/every (week|two weeks)/i);
    // Without a transfer number the caller is promised a call back, not asked for another question.
    expect(said.join(" ")).toMatch(/call you back/i);
    expect(said.join(" ")).not.toMatch(/What else can I help with/i);
  }, 60_000);
});
