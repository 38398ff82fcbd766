import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../test/service";
import { startTwilioStandIn, type TwilioStandIn } from "../../test/twilio-stand-in";
import { callFields, findAll, parseTwiml, postSigned } from "./twiml.fixture";

const TOKEN = "voice-test-auth-token";
const PUBLIC = "https://civicdesk.example";

describe("a call while a staff member holds the caller's conversation", () => {
  let service: TestService;
  let twilioApi: TwilioStandIn;
  const post = (path: string, fields: Record<string, string>) =>
    postSigned(service.url, PUBLIC, TOKEN, path, fields);

  beforeAll(async () => {
    twilioApi = await startTwilioStandIn();
    service = await startTestService({
      env: {
        TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_FROM_NUMBER: "+441632960123",
        PUBLIC_BASE_URL: PUBLIC,
        TWILIO_API_BASE_URL: twilioApi.baseUrl,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await twilioApi?.close();
  });

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
