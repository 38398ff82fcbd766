import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../channels/sms/sms.fixture";
import { startTestService, type TestService } from "../service";
import { deliveriesTo } from "../sms-records";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/**
 * A citizen's whole SMS journey through signed Twilio webhooks into the service as `npm start` builds
 * it, every reply read back from the stand-in Twilio REST server the real client posted it to.
 */
describe("a citizen by SMS", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  const citizen = "+40722123456";
  const transcript: string[] = [];

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    service = await startTestService({ env: smsTestEnv(standIn.baseUrl) });
  }, 60_000);
  afterAll(async () => {
    if (process.env.SHOW_TRANSCRIPT) process.stdout.write(`\n${transcript.join("\n")}\n`);
    await service?.close();
    await standIn?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const outbound = () => standIn.sent().filter((r) => r.form.To === citizen);
  const waitForOutbound = async (count: number) => {
    for (let i = 0; i < 400 && outbound().length < count; i++) await pause(25);
    expect(outbound().length).toBe(count);
    const body = outbound().at(-1)?.form.Body ?? "";
    transcript.push(`  <- ${body.replace(/\n/g, "\n     ")}`);
    return body;
  };
  const text = async (body: string, extra: Record<string, string> = {}) => {
    transcript.push(`-> ${body}${extra.NumMedia ? " [photo]" : ""}`);
    const res = await postSignedSms(service.url, "/channels/sms/twilio", smsFields(citizen, body, extra));
    expect(res.status).toBe(200);
  };
  const staffSays = async (reference: string, status: string, note: string) => {
    transcript.push(`   [staff: ${reference} -> ${status}, "${note}"]`);
    const res = await fetch(`${service.url}/v1/staff/cases/${reference}/status`, {
      method: "POST",
      headers: { authorization: "Bearer test-agent-token", "content-type": "application/json" },
      body: JSON.stringify({ status, note }),
    });
    expect(res.status).toBe(200);
  };

  it("asks, reports a pothole in Romanian, gets the reference and the resolution by SMS, then stops", async () => {
    await text("When is my bin collected?");
    const answer = await waitForOutbound(1);
    expect(answer).toMatch(/every (week|two weeks)/i);
    expect(answer).toMatch(/https:\/\/www\.riverton\.example\/\S+/);

    await text("Este o groapă mare în asfalt pe Strada Morii 14", {
      NumMedia: "1",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
      MediaContentType0: "image/jpeg",
    });
    expect(await waitForOutbound(2)).toMatch(/Groapă/);
    await text("1");
    expect(await waitForOutbound(3)).toMatch(/da sau nu/);
    await text("da");
    const opened = await waitForOutbound(4);
    const reference = /CD-\d{4}-\d{6}/.exec(opened)?.[0] ?? "";
    expect(reference).not.toBe("");

    await text(`stadiu ${reference}`);
    expect(await waitForOutbound(5)).toContain(reference);

    await staffSays(reference, "resolved", "Groapa a fost astupată.");
    const notice = await waitForOutbound(6);
    expect(notice).toContain(reference);
    expect(notice).toContain("Groapa a fost astupată.");

    await text("STOP");
    expect(await waitForOutbound(7)).toMatch(/START/);
    await text("Când se ridică gunoiul?");
    await staffSays(reference, "closed", "Închis.");
    await pause(1500);
    expect(outbound()).toHaveLength(7);
    transcript.push("   (nothing sent after STOP)");
    const states = (await deliveriesTo(service.database, citizen)).map((d) => d.state);
    expect(states.filter((s) => s === "blocked")).toHaveLength(1);
  }, 60_000);
});
