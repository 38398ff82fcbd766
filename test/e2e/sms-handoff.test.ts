import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../channels/sms/sms.fixture";
import { startTestService, type TestService } from "../service";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/**
 * An SMS citizen asks for a person; an agent takes the conversation from the queue and replies through
 * the staff API, and the reply leaves through the real twilio client to the stand-in. The bot stays
 * silent while the agent holds the conversation and answers again after the hand-back.
 */
describe("an SMS citizen handed to a person", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  const citizen = "+40722999111";

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    service = await startTestService({ env: smsTestEnv(standIn.baseUrl) });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const outbound = () => standIn.sent().filter((r) => r.form.To === citizen);
  const waitForOutbound = async (count: number) => {
    for (let i = 0; i < 400 && outbound().length < count; i++) await pause(25);
    expect(outbound().length).toBe(count);
    return outbound().at(-1)?.form.Body ?? "";
  };
  const text = async (body: string) => {
    const res = await postSignedSms(service.url, "/channels/sms/twilio", smsFields(citizen, body));
    expect(res.status).toBe(200);
  };
  const staff = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: "Bearer test-agent-token",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("queues, takes over, texts the staff reply, keeps the bot quiet, then hands back", async () => {
    await text("I want to talk to a person please");
    expect(await waitForOutbound(1)).toMatch(/staff|person|team/i);

    const queue = await staff("GET", "/v1/staff/conversations");
    expect(queue.status).toBe(200);
    const entries = queue.body.conversations as { id: string; channel: string; reason: string }[];
    const entry = entries.find((c) => c.channel === "sms");
    expect(entry).toMatchObject({ reason: "citizen_request" });
    const id = entry!.id;

    expect((await staff("POST", `/v1/staff/conversations/${id}/take-over`, {})).status).toBe(200);
    const reply = await staff("POST", `/v1/staff/conversations/${id}/messages`, {
      text: "Hello, this is Ada from the city. How can I help?",
    });
    expect(reply).toMatchObject({ status: 201, body: { delivery: "sms", state: "human" } });
    expect(await waitForOutbound(2)).toBe("Hello, this is Ada from the city. How can I help?");

    await text("When is my bin collected?");
    await pause(1500);
    expect(outbound()).toHaveLength(2);
    const view = await staff("GET", `/v1/staff/conversations/${id}`);
    const transcript = view.body.transcript as { role: string; text: string }[];
    expect(transcript.filter((m) => m.role === "citizen").map((m) => m.text)).toContain(
      "When is my bin collected?",
    );

    expect((await staff("POST", `/v1/staff/conversations/${id}/messages`, { text: "" })).status).toBe(400);
    expect((await staff("POST", `/v1/staff/conversations/not-an-id/take-over`)).status).toBe(404);

    expect((await staff("POST", `/v1/staff/conversations/${id}/hand-back`)).body).toMatchObject({
      state: "bot",
    });
    await text("When is my bin collected?");
    expect(await waitForOutbound(3)).toMatch(/every (week|two weeks)/i);
  }, 60_000);
});
