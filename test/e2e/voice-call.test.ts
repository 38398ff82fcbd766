import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAll, parseTwiml, pathOf, postSigned, type TwimlNode } from "../../channels/voice/twiml.fixture";
import { type Service, startService } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { cases, messages } from "../../src/db/schema";
import { createLogger } from "../../src/logger";
import { createTestDatabase } from "../db";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

const TOKEN = "e2e-voice-auth-token";
const PUBLIC = "https://civicdesk.example";
const CALLER = "+40712345678";
const TRANSFER = "+441632960500";
const SMS_SID = `SM${"e2e1".repeat(8)}`;
// Tuesday 2 December 2025: 10:00 and 20:00 in London (GMT), inside and outside the office calendar.
// A day in the past: some writes stamp the database's own now(), which must not fall behind this clock.
const IN_HOURS = new Date("2025-12-02T10:00:00Z");
const OUT_OF_HOURS = new Date("2025-12-02T20:00:00Z");

/**
 * A scripted Romanian call through the service as `npm start` builds it: a question answered by
 * speech, the link texted on "yes", "operator" put through inside business hours, a call back opened
 * outside them, and a text from the same number continuing the same conversation.
 */
describe("a Romanian caller on the voice line", () => {
  let service: Service & { url: string; close(): Promise<void> };
  let twilioApi: TwilioStandIn;
  let now = IN_HOURS;

  beforeAll(async () => {
    twilioApi = await startTwilioStandIn();
    const database = await createTestDatabase("pglite");
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM_NUMBER: "+441632960123",
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      PUBLIC_BASE_URL: PUBLIC,
      VOICE_TRANSFER_NUMBER: TRANSFER,
    });
    const logger = createLogger({ level: "warn", redact: (text) => text, write: () => {} });
    const started = await startService(config, { database, logger, clock: () => now });
    const server = serve({ fetch: started.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    service = {
      ...started,
      url: `http://127.0.0.1:${port}`,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await started.close();
        await database.close();
      },
    };
  }, 90_000);
  afterAll(async () => {
    await service?.close();
    await twilioApi?.close();
  });

  const call = (callSid: string) => {
    const fields = (extra: Record<string, string> = {}) => ({
      CallSid: callSid,
      AccountSid: `AC${"1".repeat(32)}`,
      From: CALLER,
      To: "+441632960123",
      Caller: CALLER,
      Called: "+441632960123",
      CallStatus: "in-progress",
      Direction: "inbound",
      ApiVersion: "2010-04-01",
      FromCountry: "RO",
      ToCountry: "GB",
      ...extra,
    });
    return async (path: string, extra: Record<string, string> = {}): Promise<TwimlNode> => {
      const response = await postSigned(service.url, PUBLIC, TOKEN, path, fields(extra));
      expect(response.status).toBe(200);
      return parseTwiml(await response.text());
    };
  };
  const gatherOf = (twiml: TwimlNode) => {
    const [gather] = findAll(twiml, "Gather");
    expect(gather).toBeDefined();
    return gather!;
  };
  /** Follows holding-phrase redirects to the poll URL until the answer is spoken. */
  const settle = async (send: ReturnType<typeof call>, twiml: TwimlNode) => {
    let current = twiml;
    for (let i = 0; i < 10 && findAll(current, "Redirect").length > 0; i++) {
      current = await send(pathOf(findAll(current, "Redirect")[0]!.text.trim()));
    }
    return current;
  };

  let conversationId: string;

  it("answers a spoken question in Romanian and texts the link on yes", async () => {
    now = IN_HOURS;
    const send = call("CA-e2e-1");
    const greeting = await send("/channels/voice/twilio");
    const chosen = await send(pathOf(gatherOf(greeting).attributes.action!), { Digits: "3" });
    const ask = gatherOf(chosen);
    expect(ask.attributes.language).toBe("ro-RO");

    const answered = await settle(
      send,
      await send(pathOf(ask.attributes.action!), {
        SpeechResult: "Când se colectează gunoiul menajer?",
        Confidence: "0.9",
      }),
    );
    const spoken = findAll(answered, "Say")[0]!;
    expect(spoken.attributes).toMatchObject({ voice: "Polly.Carmen", language: "ro-RO" });
    expect(spoken.text).not.toMatch(/https?:/);
    const offer = gatherOf(answered);
    expect(offer.attributes.action).toContain("offer=link");

    const [citing] = await service.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.role, "assistant"), eq(messages.status, "answered")));
    conversationId = citing!.conversationId;
    const url = citing!.citations[0]!.url;

    // Twilio retrying that Gather stores nothing new: one message per CallSid and turn.
    await send(pathOf(ask.attributes.action!), { SpeechResult: "Când se colectează gunoiul menajer?" });
    const turns = await service.database.db
      .select()
      .from(messages)
      .where(like(messages.idempotencyKey, "call:CA-e2e-1:%"));
    expect(turns).toHaveLength(1);

    const texted = await send(pathOf(offer.attributes.action!), {
      SpeechResult: "Da, vă rog",
      Confidence: "0.93",
    });
    expect(findAll(texted, "Say")[0]!.text).toMatch(/SMS/);
    const [sms] = await twilioApi.waitForMessages(1);
    expect(sms!.form.To).toBe(CALLER);
    expect(sms!.form.Body).toContain(url);
  });

  it("puts the caller through to a person inside business hours", async () => {
    now = IN_HOURS;
    const send = call("CA-e2e-1");
    const twiml = await send("/channels/voice/twilio/turn?lang=ro&turn=3", { SpeechResult: "operator" });
    const [dial] = findAll(twiml, "Dial");
    expect(dial!.text).toBe(TRANSFER);
  });

  it("opens a call-back case with the caller's number outside business hours and texts the reference", async () => {
    now = OUT_OF_HOURS;
    const send = call("CA-e2e-2");
    const twiml = await send("/channels/voice/twilio/turn?lang=ro&turn=1", {
      SpeechResult: "Vreau un operator",
    });
    expect(findAll(twiml, "Dial")).toHaveLength(0);
    expect(twiml.children.at(-1)!.name).toBe("Hangup");
    const said = findAll(twiml, "Say")[0]!.text;
    // Called back when the office opens: Wednesday 3 December from 8:30.
    expect(said).toMatch(/miercuri, 3 decembrie, de la ora 8:30/);

    const [callback] = await service.database.db
      .select()
      .from(cases)
      .where(eq(cases.serviceCode, "callback-request"));
    expect(callback).toBeDefined();
    expect(JSON.stringify(callback!.attributes)).toContain(CALLER);
    const [prefix, year, serial] = callback!.reference.split("-");
    expect(said).toContain(
      [prefix!.split("").join(" "), year!.split("").join(" "), serial!.split("").join(" ")].join(", "),
    );
    const texts = await twilioApi.waitForMessages(2);
    expect(texts[1]!.form.Body).toContain(callback!.reference);
    expect(callback!.conversationId).toBe(conversationId);
    // The case carries the call's transcript, its last turns in order, for whoever calls back: the
    // question asked earlier in the call and the start of the assistant's answer.
    const transcript = callback!.description;
    expect(transcript).toMatch(
      /^Call back requested on the voice line\. Recent turns: Caller: Când se colectează gunoiul menajer\? \| Assistant: Recipientul pentru resturi alimentare/,
    );
    expect((callback!.attributes as { topic?: string }).topic?.trim()).toBe(
      transcript.replace("Call back requested on the voice line. Recent turns: ", ""),
    );
  });

  it("continues the call's conversation when the caller texts from the same number", async (context) => {
    const fields = {
      ToCountry: "GB",
      SmsMessageSid: SMS_SID,
      SmsSid: SMS_SID,
      MessageSid: SMS_SID,
      SmsStatus: "received",
      NumMedia: "0",
      NumSegments: "1",
      Body: "Mulțumesc! Și pentru sticlă?",
      From: CALLER,
      FromCountry: "RO",
      To: "+441632960123",
      AccountSid: `AC${"1".repeat(32)}`,
      ApiVersion: "2010-04-01",
    };
    const response = await postSigned(service.url, PUBLIC, TOKEN, "/channels/sms/twilio", fields);
    if (response.status === 404) context.skip("the SMS channel's route is not wired yet");
    expect(response.status).toBe(200);
    const deadline = Date.now() + 10_000;
    let stored: (typeof messages.$inferSelect)[] = [];
    while (Date.now() < deadline && stored.length === 0) {
      stored = await service.database.db
        .select()
        .from(messages)
        .where(and(eq(messages.role, "citizen"), like(messages.text, "%sticlă%")));
      if (stored.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stored[0]?.conversationId).toBe(conversationId);
  });
});
