import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../channels/sms/sms.fixture";
import { startTestService, type TestService } from "../service";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/**
 * An SMS citizen asks for a person and nobody takes the conversation within the pick-up time: the
 * pick-up check job (on the service's own queue) texts them an honest notice offering a case or a call
 * back, through the real twilio client to the stand-in; asking for the call back then opens that case
 * instead of queueing them again.
 */
const redisBase = process.env.TEST_REDIS_URL;

describe("an SMS request for a person that nobody picks up in time", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  const citizen = "+40722999222";

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    // 0.03 minutes: the check runs about two seconds after the request.
    service = await startTestService({
      env: {
        ...smsTestEnv(standIn.baseUrl),
        HANDOFF_PICKUP_TIMEOUT_MINUTES: "0.03",
        // With TEST_REDIS_URL the check runs on BullMQ (a Redis database of its own: the queue prefix is fixed).
        ...(redisBase ? { REDIS_URL: `${redisBase.replace(/\/\d*$/, "")}/11` } : {}),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const outbound = () => standIn.sent().filter((r) => r.form.To === citizen);
  const waitForOutbound = async (count: number, ms = 10_000) => {
    for (let i = 0; i < ms / 25 && outbound().length < count; i++) await pause(25);
    expect(outbound().length).toBe(count);
    return outbound().at(-1)?.form.Body ?? "";
  };
  const text = async (body: string) => {
    const res = await postSignedSms(service.url, "/channels/sms/twilio", smsFields(citizen, body));
    expect(res.status).toBe(200);
  };

  it("texts an honest notice with the offer of a case or a call back, once, and taking up the offer opens a call-back case", async () => {
    await text("I want to talk to a person please");
    expect(await waitForOutbound(1)).toMatch(/staff|person|team/i);
    const notice = await waitForOutbound(2);
    expect(notice).toMatch(/nobody from the city team was free/i);
    expect(notice).toMatch(/case/i);
    expect(notice).toMatch(/call me back/i);
    // Only once, however often the check or the sweep runs.
    await pause(2500);
    expect(outbound()).toHaveLength(2);

    const res = await fetch(`${service.url}/v1/staff/conversations?state=waiting`, {
      headers: { authorization: "Bearer test-agent-token" },
    });
    const queue = (await res.json()) as { conversations: { channel: string }[] };
    expect(queue.conversations.filter((c) => c.channel === "sms")).toEqual([]);

    // Taking up the offer starts the call-back request instead of queueing them again.
    await text("Please call me back");
    const callBack = await waitForOutbound(3);
    expect(callBack).toMatch(/call back/i);
    expect(callBack).not.toMatch(/passed this conversation on/i);
    const replies = [callBack];
    for (const [i, answer] of ["+40722999222", "My council tax bill", "yes"].entries()) {
      await text(answer);
      replies.push(await waitForOutbound(4 + i));
    }
    // The call-back request is a case like any other: a reference, and the SLA timers of its policy.
    expect(replies.at(-1)).toMatch(/CD-\d{4}-\d{6}.*call back/i);
  }, 60_000);
});
