import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pause, type SmsHandoffTest, startSmsHandoffTest } from "../../channels/sms/sms-handoff.fixture";

/**
 * An SMS citizen asks for a person; an agent, signed in with her staff account (session cookie and CSRF
 * token, see sms-handoff.fixture.ts), takes the conversation from the queue and replies through the
 * staff API, and the reply leaves through the real twilio client to the stand-in. The bot stays
 * silent while the agent holds the conversation and answers again after the hand-back.
 */
describe("an SMS citizen handed to a person", () => {
  let sms: SmsHandoffTest;
  beforeAll(async () => {
    sms = await startSmsHandoffTest("+40722999111");
  }, 60_000);
  afterAll(() => sms?.close());

  const outbound = () => sms.outbound();
  const waitForOutbound = (count: number) => sms.waitForOutbound(count);
  const text = (body: string) => sms.text(body);
  const staff = async (method: string, path: string, body?: unknown) => {
    const res = await sms.staff(method, path, body);
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
    // The citizen is texted that a person joined (this agent's account has no name to give).
    expect(await waitForOutbound(2)).toBe(
      "A member of staff is looking after this conversation and will reply here.",
    );
    const reply = await staff("POST", `/v1/staff/conversations/${id}/messages`, {
      text: "Hello, this is Ada from the city. How can I help?",
    });
    expect(reply).toMatchObject({ status: 201, body: { delivery: "sms", state: "human" } });
    expect(await waitForOutbound(3)).toBe("Hello, this is Ada from the city. How can I help?");

    await text("When is my bin collected?");
    await pause(1500);
    expect(outbound()).toHaveLength(3);
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
    expect(await waitForOutbound(4)).toMatch(/^The member of staff has left the conversation\./);
    await text("When is my bin collected?");
    expect(await waitForOutbound(5)).toMatch(/every (week|two weeks)/i);
  }, 60_000);
});
