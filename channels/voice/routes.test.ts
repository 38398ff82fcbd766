import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../test/service";
import type { TwilioStandIn } from "../../test/twilio-stand-in";
import {
  callFields,
  findAll,
  VOICE_TEST_PUBLIC as PUBLIC,
  parseTwiml,
  pathOf,
  postSigned,
  startVoiceTestService,
  VOICE_TEST_TOKEN as TOKEN,
  type VoiceTestService,
} from "./twiml.fixture";

describe("voice line webhooks", () => {
  let twilioApi: TwilioStandIn;
  const post = (...args: Parameters<VoiceTestService["post"]>) => voice.post(...args);

  let voice: VoiceTestService;
  beforeAll(async () => {
    voice = await startVoiceTestService({ VOICE_VOICES: "fr:Polly.Lea" });
    ({ twilioApi } = voice);
  }, 60_000);
  afterAll(() => voice?.close());

  it("refuses a call without a signature, with a wrong one, or with a field changed after signing", async () => {
    const fields = callFields("CA-unsigned", "+447700900001");
    const missing = await post("/channels/voice/twilio", fields, { signature: null });
    expect(missing.status).toBe(403);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    const wrongToken = twilio.getExpectedTwilioSignature(
      "another-token",
      `${PUBLIC}/channels/voice/twilio`,
      fields,
    );
    expect((await post("/channels/voice/twilio", fields, { signature: wrongToken })).status).toBe(403);
    const signed = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/channels/voice/twilio`, fields);
    const tampered = { ...fields, From: "+447700900999" };
    expect((await post("/channels/voice/twilio", tampered, { signature: signed })).status).toBe(403);
    // A query changed after signing is refused too: Twilio signs the whole URL.
    const turnSigned = twilio.getExpectedTwilioSignature(
      TOKEN,
      `${PUBLIC}/channels/voice/twilio/turn?lang=ro&turn=1`,
      fields,
    );
    expect(
      (await post("/channels/voice/twilio/turn?lang=en&turn=1", fields, { signature: turnSigned })).status,
    ).toBe(403);
  });

  it("greets in the default language and offers every language by speech or keypad, each in its own voice", async () => {
    const response = await post("/channels/voice/twilio", callFields("CA-greeting", "+447700900002"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    const twiml = parseTwiml(await response.text());
    const [welcome] = twiml.children;
    expect(welcome).toMatchObject({ name: "Say", attributes: { voice: "Polly.Amy", language: "en-GB" } });
    expect(welcome!.text).toContain("Riverton");
    const [gather] = findAll(twiml, "Gather");
    expect(gather!.attributes).toMatchObject({
      input: "speech dtmf",
      language: "en-GB",
      actionOnEmptyResult: "true",
      action: `${PUBLIC}/channels/voice/twilio/language`,
    });
    const menu = findAll(gather!, "Say");
    expect(menu.map((say) => say.attributes.language)).toEqual([
      "en-GB",
      "fr-FR",
      "ro-RO",
      "de-DE",
      "es-ES",
      "hu-HU",
    ]);
    expect(menu.map((say) => say.attributes.voice)).toEqual([
      "Polly.Amy",
      "Polly.Lea",
      "Polly.Carmen",
      "Polly.Vicki",
      "Polly.Lucia",
      "Google.hu-HU-Standard-A",
    ]);
    expect(menu[2]!.text).toContain("apăsați 3");
  });

  it("listens in the chosen language with the catalogue's service names as hints", async () => {
    const fields = callFields("CA-language", "+447700900003", { SpeechResult: "Română", Confidence: "0.91" });
    const twiml = parseTwiml(await (await post("/channels/voice/twilio/language", fields)).text());
    const [gather] = findAll(twiml, "Gather");
    expect(gather!.attributes.language).toBe("ro-RO");
    expect(gather!.attributes.hints).toContain("Solicitare de apel înapoi");
    expect(pathOf(gather!.attributes.action!)).toBe("/channels/voice/twilio/turn?lang=ro&turn=1");
    expect(findAll(gather!, "Say")[0]).toMatchObject({
      attributes: { voice: "Polly.Carmen", language: "ro-RO" },
    });

    const byKeypad = parseTwiml(
      await (
        await post(
          "/channels/voice/twilio/language",
          callFields("CA-language-2", "+447700900003", { Digits: "6" }),
        )
      ).text(),
    );
    expect(findAll(byKeypad, "Gather")[0]!.attributes.language).toBe("hu-HU");
  });

  it("on silence asks once more, then offers the keypad, then a person, and never loops", async () => {
    const fields = callFields("CA-silent", "+447700900004");
    const first = parseTwiml(await (await post("/channels/voice/twilio/turn?lang=en&turn=1", fields)).text());
    const retry = findAll(first, "Gather")[0]!;
    expect(findAll(retry, "Say")[0]!.text).toMatch(/didn't catch/);
    const second = parseTwiml(await (await post(pathOf(retry.attributes.action!), fields)).text());
    const keypad = findAll(second, "Gather")[0]!;
    expect(findAll(keypad, "Say")[0]!.text).toMatch(/press 0/);
    const third = parseTwiml(await (await post(pathOf(keypad.attributes.action!), fields)).text());
    expect(findAll(third, "Gather")).toHaveLength(0);
    // No transfer number is configured: the caller gets a call-back case and the call ends.
    expect(third.children.at(-1)!.name).toBe("Hangup");
    expect(findAll(third, "Say")[0]!.text).toMatch(
      /call you back .* reference is C D, 2 0 \d \d, (\d ){5}\d/,
    );
  });

  it("answers a spoken question for the ear: no links, then offers to text the link", async () => {
    const fields = callFields("CA-question", "+447700900005", {
      SpeechResult: "când se colectează gunoiul menajer",
      Confidence: "0.88",
    });
    const twiml = parseTwiml(await (await post("/channels/voice/twilio/turn?lang=ro&turn=1", fields)).text());
    const says = findAll(twiml, "Say");
    expect(says.length).toBeGreaterThan(0);
    for (const say of says) expect(say.text).not.toMatch(/https?:|www\.|\]\(|^\s*[-*] /m);
    const [gather] = findAll(twiml, "Gather");
    expect(gather!.attributes.action).toContain("turn=2");
    expect(gather!.attributes.action).toContain("offer=link");
    expect(findAll(gather!, "Say")[0]!.text).toMatch(/SMS/);

    // Twilio retries the same Gather: the retry is answered with the same reply, not a new turn.
    const retried = parseTwiml(
      await (await post("/channels/voice/twilio/turn?lang=ro&turn=1", fields)).text(),
    );
    expect(findAll(retried, "Say")[0]!.text).toBe(says[0]!.text);
  });

  it("takes a report by voice: location from speech, confirmation read back, reference read out and texted", async () => {
    const caller = "+447700900008";
    let path = "/channels/voice/twilio/turn?lang=en&turn=1";
    let said = "";
    const heard: string[] = [];
    const answers = ["There is a big pothole in the road outside number 12 Elm Road", "yes", "yes", "yes"];
    for (const speech of answers) {
      const twiml = parseTwiml(
        await (
          await post(path, callFields("CA-report", caller, { SpeechResult: speech, Confidence: "0.9" }))
        ).text(),
      );
      said = findAll(twiml, "Say")
        .map((say) => say.text)
        .join(" ");
      heard.push(said);
      if (/reference is/.test(said)) break;
      path = pathOf(findAll(twiml, "Gather")[0]!.attributes.action!);
    }
    expect(heard.some((text) => /Elm Road/i.test(text) && /yes or no/i.test(text))).toBe(true);
    expect(said).toMatch(/reference is C D, 2 0 \d \d, (\d ){5}\d/);
    const deadline = Date.now() + 10_000;
    let sms = twilioApi.sent().find((request) => request.form.To === caller);
    while (!sms && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sms = twilioApi.sent().find((request) => request.form.To === caller);
    }
    expect(sms?.form.Body).toMatch(/CD-20\d\d-\d{6}/);
  });

  it("speaks the emergency reply at once and offers to connect to the emergency number", async () => {
    const fields = callFields("CA-emergency", "+447700900006", {
      SpeechResult: "there is a fire in the house next door and people inside",
    });
    const twiml = parseTwiml(await (await post("/channels/voice/twilio/turn?lang=en&turn=1", fields)).text());
    expect(twiml.children[0]!.text).toMatch(/emergency/i);
    const [gather] = findAll(twiml, "Gather");
    expect(pathOf(gather!.attributes.action!)).toBe("/channels/voice/twilio/emergency?lang=en&turn=2");
    const connect = parseTwiml(
      await (
        await post(pathOf(gather!.attributes.action!), { ...fields, SpeechResult: "", Digits: "1" })
      ).text(),
    );
    expect(findAll(connect, "Dial")[0]!.text).toBe("112");
  });
});

describe("voice line without Twilio configured", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  }, 60_000);
  afterAll(async () => service?.close());

  it("answers 404 on every voice path", async () => {
    const fields = callFields("CA-off", "+447700900007");
    for (const path of ["/channels/voice/twilio", "/channels/voice/twilio/turn?lang=en&turn=1"]) {
      const response = await postSigned(service.url, "http://localhost:3000", TOKEN, path, fields);
      expect(response.status).toBe(404);
    }
  });
});
