import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationEvents } from "../../src/db/schema";
import type { TestService } from "../../test/service";
import { callFields, startVoiceTestService, type VoiceTestService } from "./twiml.fixture";

const callSid = `CA${"ab12".repeat(8)}`;

describe("the voice call status callback", () => {
  let service: TestService;
  const post = (...args: Parameters<VoiceTestService["post"]>) => voice.post(...args);
  const events = () =>
    service.database.db
      .select()
      .from(conversationEvents)
      .where(
        and(eq(conversationEvents.kind, "call_status"), eq(conversationEvents.reason, `twilio:${callSid}`)),
      );

  let voice: VoiceTestService;
  beforeAll(async () => {
    voice = await startVoiceTestService();
    ({ service } = voice);
  }, 60_000);
  afterAll(() => voice?.close());

  it("refuses an unsigned callback and stores nothing", async () => {
    const res = await post(
      "/channels/voice/twilio/status",
      callFields(callSid, "+447700900111", { CallStatus: "completed" }),
      {
        signature: null,
      },
    );
    expect(res.status).toBe(403);
    expect(await events()).toHaveLength(0);
  });

  it("records the call's final state once on its conversation, however often Twilio sends it", async () => {
    const from = "+447700900111";
    const turn = await post(
      "/channels/voice/twilio/turn?lang=en&turn=1",
      callFields(callSid, from, { SpeechResult: "When is my bin collected?" }),
    );
    expect(turn.status).toBe(200);

    // A call still ringing or in progress says nothing lasting.
    const ringing = await post(
      "/channels/voice/twilio/status",
      callFields(callSid, from, { CallStatus: "in-progress" }),
    );
    expect(ringing.status).toBe(204);
    expect(await events()).toHaveLength(0);

    const final = callFields(callSid, from, { CallStatus: "completed", CallDuration: "65" });
    expect((await post("/channels/voice/twilio/status", final)).status).toBe(204);
    expect((await post("/channels/voice/twilio/status", final)).status).toBe(204);
    const recorded = await events();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      toState: "completed",
      text: "Call completed after 65 s",
      actorKind: "system",
    });

    // A malformed callback is a 4xx, never a 500.
    const bad = await post(
      "/channels/voice/twilio/status",
      callFields("not-a-sid", from, { CallStatus: "completed" }),
    );
    expect(bad.status).toBe(400);
  });

  it("ignores a call it never heard a word of", async () => {
    const other = `CA${"cd34".repeat(8)}`;
    const res = await post(
      "/channels/voice/twilio/status",
      callFields(other, "+447700900112", { CallStatus: "no-answer" }),
    );
    expect(res.status).toBe(204);
  });
});
