import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
import { startTestService, type TestService } from "../../test/service";
import {
  deliveriesTo,
  deliveryByProviderId,
  openedFor,
  consentOf as readConsent,
  smsConversationOf,
  storedReplies,
  storedTwilioMessages,
} from "../../test/sms-records";
import { startTwilioStandIn, type TwilioReply, type TwilioStandIn } from "../../test/twilio-stand-in";
import { parseTwiml } from "../voice/twiml.fixture";
import {
  postSignedSms,
  SMS_TEST_ACCOUNT,
  SMS_TEST_NUMBER,
  SMS_TEST_PUBLIC,
  smsFields,
  smsTestEnv,
} from "./sms.fixture";

const INBOUND = "/channels/sms/twilio";
const STATUS = "/channels/sms/twilio/status";
const staff = { authorization: "Bearer test-agent-token", "content-type": "application/json" };

describe("SMS channel over Twilio webhooks", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  // Each test scripts the stand-in's answers; by default every send is accepted.
  let script: (index: number) => TwilioReply = () => ({ kind: "message" });

  beforeAll(async () => {
    standIn = await startTwilioStandIn((_request, index) => script(index));
    service = await startTestService({ env: smsTestEnv(standIn.baseUrl) });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const text = (from: string, body: string, extra: Record<string, string> = {}) =>
    postSignedSms(service.url, INBOUND, smsFields(from, body, extra));
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const sentTo = (number: string) => standIn.sent().filter((r) => r.form.To === number);
  /** Waits for the stand-in to have `count` messages to `number`, then checks that no more follow. */
  const expectSent = async (number: string, count: number) => {
    for (let i = 0; i < 400 && sentTo(number).length < count; i++) await pause(25);
    await pause(400);
    expect(sentTo(number)).toHaveLength(count);
    return sentTo(number);
  };
  const storedKeys = () => storedTwilioMessages(service.database);

  it("refuses a missing, tampered or wrongly addressed signature with 403 and stores nothing", async () => {
    const before = (await storedKeys()).length;
    const fields = smsFields("+40721000101", "When is my bin collected?");
    const unsigned = await postSignedSms(service.url, INBOUND, fields, { signature: null });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("content-type")).toContain("application/problem+json");

    const twilio = await import("twilio");
    const signed = twilio.default.getExpectedTwilioSignature(
      "sms-test-auth-token",
      `${SMS_TEST_PUBLIC}${INBOUND}`,
      fields,
    );
    const tampered = await postSignedSms(
      service.url,
      INBOUND,
      { ...fields, Body: "STOP" },
      { signature: signed },
    );
    expect(tampered.status).toBe(403);
    // Signed over the address behind the proxy instead of the public URL Twilio called.
    const internal = await postSignedSms(service.url, INBOUND, fields, { publicBaseUrl: service.url });
    expect(internal.status).toBe(403);
    const otherToken = await postSignedSms(service.url, STATUS, fields, { token: "not-the-token" });
    expect(otherToken.status).toBe(403);

    await expectSent("+40721000101", 0);
    expect((await storedKeys()).length).toBe(before);
  });

  it("acknowledges with empty TwiML at once, answers from a job with a link, and ignores Twilio's retry", async () => {
    const from = "+40721000102";
    const fields = smsFields(from, "When is my bin collected?");
    const res = await postSignedSms(service.url, INBOUND, fields);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    const twiml = parseTwiml(await res.text());
    expect(twiml.name).toBe("Response");
    expect(twiml.children).toEqual([]);

    const mine = await expectSent(from, 1);
    expect(mine[0]?.form).toMatchObject({
      From: SMS_TEST_NUMBER,
      StatusCallback: `${SMS_TEST_PUBLIC}${STATUS}`,
    });
    expect(mine[0]?.form.Body).toMatch(/https:\/\/\S+/);

    const retry = await postSignedSms(service.url, INBOUND, fields);
    expect(retry.status).toBe(200);
    await expectSent(from, 1);
    const stored = (await storedKeys()).filter((m) => m.idempotencyKey === `twilio:${fields.MessageSid}`);
    expect(stored).toHaveLength(1);
  });

  it("answers a signed request without the fields Twilio always sends with 400 problem+json", async () => {
    const before = (await storedKeys()).length;
    const { From: _from, ...noSender } = smsFields("+40721000111", "hello");
    const res = await postSignedSms(service.url, INBOUND, noSender);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const badMedia = await postSignedSms(
      service.url,
      INBOUND,
      smsFields("+40721000111", "hi", { NumMedia: "many" }),
    );
    expect(badMedia.status).toBe(400);
    expect((await storedKeys()).length).toBe(before);
  });

  it("stops storing and answering a flood from one number, but still honours its STOP", async () => {
    const from = "+40721000112";
    const flood = Array.from({ length: 25 }, (_, i) => text(from, `spam message number ${i}`));
    for (const res of await Promise.all(flood)) expect(res.status).toBe(200);
    const stored = (await storedKeys()).filter((m) => m.text.startsWith("spam message"));
    expect(stored).toHaveLength(20);
    await text(from, "STOP");
    for (let i = 0; i < 200 && (await consentOf(from))?.sms !== false; i++) await pause(25);
    expect(await consentOf(from)).toMatchObject({ sms: false });
  }, 30_000);

  it("answers an emergency by SMS with the emergency number at once, never with an intake", async () => {
    const from = "+40721000110";
    await text(from, "vecinul meu este inconștient și nu respiră");
    const [reply] = await expectSent(from, 1);
    expect(reply?.form.Body).toContain("112");
    expect(reply?.form.Body).not.toMatch(/1\. /);
  });

  it("answers a crisis text with the crisis reply in the contact's language and opens nothing", async () => {
    const from = "+40721000113";
    await text(from, "ar fi mai bine fara mine pentru toata lumea");
    const [reply] = await expectSent(from, 1);
    // The Romanian crisis reply, whole: the helpline and the emergency number, not cut for SMS.
    expect(reply?.form.Body).toMatch(/^Îmi pare rău că treceți prin asta\./);
    expect(reply?.form.Body).toContain("116 123");
    expect(reply?.form.Body).toContain("112");
    const conversation = await smsConversationOf(service.database, from);
    expect(conversation).toMatchObject({ state: "bot", handoffReason: null, lang: "ro" });
    const opened = await openedFor(service.database, conversation!.id);
    expect(opened).toEqual({ cases: 0, intakes: 0 });
    const replies = (await storedReplies(service.database, conversation!.id)).map((m) => m.status);
    expect(replies).toEqual(["blocked_crisis"]);
  });

  it("records delivery reports: delivered is final, a 30003 is sent again, a 30005 is a recorded failure", async () => {
    const from = "+40721000103";
    await text(from, "When is my bin collected?");
    const [first] = await expectSent(from, 1);
    const sid = await providerIdFor(from);
    const report = (status: string, code?: string) =>
      postSignedSms(service.url, STATUS, {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        ...(code ? { ErrorCode: code } : {}),
        AccountSid: SMS_TEST_ACCOUNT,
        From: SMS_TEST_NUMBER,
        To: from,
        ApiVersion: "2010-04-01",
      });
    expect((await report("sent")).status).toBe(204);
    expect((await report("undelivered", "30003")).status).toBe(204);
    const resent = await expectSent(from, 2);
    expect(resent[1]?.form.Body).toBe(first?.form.Body);

    const secondSid = await providerIdFor(from);
    expect(secondSid).not.toBe(sid);
    const failed = await postSignedSms(service.url, STATUS, {
      MessageSid: secondSid,
      MessageStatus: "failed",
      ErrorCode: "30005",
    });
    expect(failed.status).toBe(204);
    const row = await deliveryByProviderId(service.database, secondSid);
    expect(row?.state).toBe("failed");
    expect(row?.errorCode).toBe("30005");
    expect(row?.attempts.map((a) => a.outcome)).toEqual([
      "sent",
      "status:sent",
      "status:undelivered",
      "sent",
      "status:failed",
    ]);
    await expectSent(from, 2);
  });

  it("honours STOP, START and HELP in the contact's language, and sends nothing while opted out", async () => {
    const from = "+40721000104";
    await text(from, "Stop");
    expect((await expectSent(from, 1)).map((r) => r.form.Body)).toEqual([expect.stringMatching(/START/)]);
    expect(await consentOf(from)).toMatchObject({ sms: false });

    await text(from, "Când se ridică gunoiul?");
    await expectSent(from, 1);

    await text(from, "START");
    await expectSent(from, 2);
    expect(await consentOf(from)).toMatchObject({ sms: true });

    await text(from, "AJUTOR");
    expect((await expectSent(from, 3)).at(-1)?.form.Body).toMatch(/Urgențe: 112/);
  });

  it("sends no second confirmation when Twilio's Advanced Opt-Out already answered (OptOutType)", async () => {
    const from = "+40721000105";
    await text(from, "ARRET", { OptOutType: "STOP" });
    await expectSent(from, 0);
    expect(await consentOf(from)).toMatchObject({ sms: false, smsSource: "twilio_opt_out" });
    await text(from, "Quand passe le camion poubelle ?");
    await expectSent(from, 0);
  });

  it("marks the contact opted out when Twilio refuses a send with 21610, and retries a 5xx", async () => {
    const blocked = "+40721000106";
    script = () => ({
      kind: "error",
      status: 400,
      code: 21610,
      message: "Attempt to send to unsubscribed recipient",
    });
    await text(blocked, "When is my bin collected?");
    await expectSent(blocked, 1);
    expect(await consentOf(blocked)).toMatchObject({ sms: false, smsSource: "provider:21610" });
    await text(blocked, "Hello?");
    await expectSent(blocked, 1);

    const flaky = "+40721000107";
    let failures = 0;
    script = () => (failures++ < 1 ? { kind: "error", status: 503 } : { kind: "message" });
    await text(flaky, "When is my bin collected?");
    await expectSent(flaky, 2);
    script = () => ({ kind: "message" });
    const sid = await providerIdFor(flaky);
    expect(sid).toMatch(/^SM/);
  }, 30_000);

  it("attaches an MMS photo to the case it reports and puts a failed case notice on the case", async () => {
    const from = "+40721000108";
    await text(from, "Este o groapă mare în asfalt pe Strada Morii 14", {
      NumMedia: "1",
      MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
      MediaContentType0: "image/jpeg",
    });
    await expectSent(from, 1);
    await text(from, "1");
    await expectSent(from, 2);
    await text(from, "da");
    await expectSent(from, 3);
    const reference = /CD-\d{4}-\d{6}/.exec(sentTo(from).at(-1)?.form.Body ?? "")?.[0];
    expect(reference).toBeDefined();

    const changed = await fetch(`${service.url}/v1/staff/cases/${reference}/status`, {
      method: "POST",
      headers: staff,
      body: JSON.stringify({ status: "in_progress", note: "Crew booked." }),
    });
    expect(changed.status).toBe(200);
    const notice = (await expectSent(from, 4)).at(-1);
    expect(notice?.form.Body).toContain(reference);
    const noticeSid = await providerIdFor(from);
    await postSignedSms(service.url, STATUS, {
      MessageSid: noticeSid,
      MessageStatus: "undelivered",
      ErrorCode: "30006",
    });

    const view = await fetch(`${service.url}/v1/staff/cases/${reference}`, { headers: staff });
    const body = JSON.stringify(await view.json());
    expect(body).toContain("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
    expect(body).toContain("case.notice_failed");
    expect(body).toContain("30006");
  }, 30_000);

  async function providerIdFor(address: string): Promise<string> {
    return (await deliveriesTo(service.database, address)).at(-1)?.providerId ?? "";
  }
  const consentOf = (address: string) => readConsent(service.database, address);
});

describe("SMS channel with TWILIO_OPT_OUT_REPLIES=false (Twilio's own opt-out handling answers)", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    service = await startTestService({
      env: { ...smsTestEnv(standIn.baseUrl), TWILIO_OPT_OUT_REPLIES: "false" },
    });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const sentTo = (number: string) => standIn.sent().filter((r) => r.form.To === number);
  const text = (from: string, body: string) => postSignedSms(service.url, INBOUND, smsFields(from, body));
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await pause(25);
  };

  it("stores STOP and START as consent but sends no confirmation of its own", async () => {
    const from = "+40721000120";
    expect((await text(from, "STOP")).status).toBe(200);
    await waitFor(async () => (await readConsent(service.database, from))?.sms === false);
    expect(await readConsent(service.database, from)).toMatchObject({ sms: false, smsSource: "keyword" });
    await text(from, "When is my bin collected?");
    await pause(600);
    expect(sentTo(from)).toHaveLength(0);

    expect((await text(from, "START")).status).toBe(200);
    await waitFor(async () => (await readConsent(service.database, from))?.sms === true);
    expect(await readConsent(service.database, from)).toMatchObject({ sms: true });
    await pause(600);
    expect(sentTo(from)).toHaveLength(0);

    // Sending itself works on this service: the next question is answered.
    await text(from, "How do I recycle glass bottles?");
    for (let i = 0; i < 400 && sentTo(from).length === 0; i++) await pause(25);
    expect(sentTo(from)).toHaveLength(1);
    expect(sentTo(from)[0]?.form.Body).not.toMatch(/START|STOP/);
  }, 30_000);
});

describe("SMS channel configuration", () => {
  it("answers 404 on the SMS routes when Twilio is not configured", async () => {
    const service = await startTestService();
    try {
      const res = await postSignedSms(service.url, INBOUND, smsFields("+40721000109", "hi"));
      expect(res.status).toBe(404);
    } finally {
      await service.close();
    }
  }, 60_000);

  it("refuses to start with Twilio partly configured, naming what is missing", () => {
    const attempt = () =>
      loadConfig({ TWILIO_ACCOUNT_SID: `AC${"2".repeat(32)}`, TWILIO_FROM_NUMBER: "+40312000000" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/TWILIO_AUTH_TOKEN/);
      expect(problems).toMatch(/PUBLIC_BASE_URL/);
      expect(problems).not.toMatch(/TWILIO_ACCOUNT_SID/);
    }
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: "nope" })).toThrow(/TWILIO_ACCOUNT_SID/);
  });
});
