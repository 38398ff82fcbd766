import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  pause,
  SMS_TEST_AGENT,
  type SmsHandoffTest,
  startSmsHandoffTest,
} from "../../channels/sms/sms-handoff.fixture";

/**
 * An SMS citizen asks for a person and nobody takes the conversation within the pick-up time: the
 * pick-up check job (on the service's own queue) texts them an honest notice offering a case or a call
 * back, through the real twilio client to the stand-in; asking for the call back then opens that case
 * instead of queueing them again.
 */
const redisBase = process.env.TEST_REDIS_URL;

describe("an SMS request for a person that nobody picks up in time", () => {
  let sms: SmsHandoffTest;
  beforeAll(async () => {
    // 0.03 minutes: the check runs about two seconds after the request.
    sms = await startSmsHandoffTest("+40722999222", {
      HANDOFF_PICKUP_TIMEOUT_MINUTES: "0.03",
      // With TEST_REDIS_URL the check runs on BullMQ (a Redis database of its own: the queue prefix is fixed).
      ...(redisBase ? { REDIS_URL: `${redisBase.replace(/\/\d*$/, "")}/11` } : {}),
    });
  }, 60_000);
  afterAll(() => sms?.close());

  const outbound = () => sms.outbound();
  const waitForOutbound = (count: number) => sms.waitForOutbound(count);
  const text = (body: string) => sms.text(body);

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

    const res = await fetch(`${sms.service.url}/v1/staff/conversations?state=waiting`, {
      headers: SMS_TEST_AGENT,
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
