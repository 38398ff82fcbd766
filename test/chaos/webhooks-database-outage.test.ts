import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postSignedSms,
  SMS_TEST_PUBLIC,
  SMS_TEST_TOKEN,
  smsFields,
  smsTestEnv,
} from "../../channels/sms/sms.fixture";
import { callFields, findAll, parseTwiml, postSigned } from "../../channels/voice/twiml.fixture";
import { startService } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { createDatabase, type Database } from "../../src/db/client";
import { migrateDatabase } from "../../src/db/migrate";
import { messages } from "../../src/db/schema";
import { createLogger } from "../../src/logger";
import { createTestDatabase, type TestDatabase } from "../db";
import { startTcpProxy, type TcpProxy } from "../tcp-proxy";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/*
 * Twilio's webhooks while the database is out of reach. A text is acknowledged (200) only once it is
 * stored; until then Twilio gets 503 with Retry-After, which it retries under the connection overrides
 * the operations guide gives, and the retry is stored once and answered once. A caller hears an
 * apology and a request to call again, never Twilio's generic application error.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const callSid = (n: number) => `CA${n.toString(16).padStart(32, "0")}`;

async function serviceOn(database: Database, standIn: TwilioStandIn) {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    ...smsTestEnv(standIn.baseUrl),
    SMS_SWEEP_SECONDS: "1",
  });
  const logger = createLogger({ level: "warn", redact: (text) => text, write: () => {} });
  const service = await startService(config, { database, logger });
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    service,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close().catch(() => {});
    },
  };
}

async function expectApology(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/xml");
  const twiml = parseTwiml(await response.text());
  const said = findAll(twiml, "Say").map((say) => say.text);
  expect(said.join(" ")).toMatch(/call again in a few minutes/);
  expect(findAll(twiml, "Hangup")).toHaveLength(1);
  expect(findAll(twiml, "Gather")).toHaveLength(0);
}

async function expectRetryLater(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
}

describe("the voice line with its embedded database closed", () => {
  it("apologises and hangs up instead of answering with an error", async () => {
    const standIn = await startTwilioStandIn();
    const database = await createDatabase({ dataDir: "memory://" });
    await migrateDatabase(database);
    const running = await serviceOn(database, standIn);
    try {
      await database.close();
      const post = (path: string, fields: Record<string, string>) =>
        postSigned(running.url, SMS_TEST_PUBLIC, SMS_TEST_TOKEN, path, fields);
      await expectApology(await post("/channels/voice/twilio", callFields(callSid(1), "+40722000001")));
      await expectApology(
        await post(
          "/channels/voice/twilio/turn?lang=en&turn=1",
          callFields(callSid(1), "+40722000001", { SpeechResult: "When is my bin collected?" }),
        ),
      );
      await expectRetryLater(
        await post(
          "/channels/voice/twilio/status",
          callFields(callSid(1), "+40722000001", { CallStatus: "completed" }),
        ),
      );
      await expectRetryLater(
        await postSignedSms(running.url, "/channels/sms/twilio", smsFields("+40722000001", "Hello")),
      );
    } finally {
      await running.close();
      await standIn.close();
    }
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL out of reach under the Twilio webhooks", () => {
  let target: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let standIn: TwilioStandIn;
  let running: Awaited<ReturnType<typeof serviceOn>>;
  const citizen = "+40722000002";

  beforeAll(async () => {
    target = await createTestDatabase("postgres");
    const upstream = new URL(target.url!);
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 5432));
    const viaProxy = new URL(target.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    database = await createDatabase({ databaseUrl: viaProxy.toString(), maxConnections: 4 });
    standIn = await startTwilioStandIn();
    running = await serviceOn(database, standIn);
  }, 120_000);
  afterAll(async () => {
    await proxy?.start().catch(() => {});
    await running?.close();
    await database?.close().catch(() => {});
    await proxy?.stop();
    await standIn?.close();
    await target?.close();
  }, 60_000);

  const texted = () => standIn.sent().filter((r) => r.form.To === citizen);
  const storedWithSid = (sid: string) =>
    database.db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, `twilio:${sid}`));

  it("asks Twilio to retry what it could not store, then stores the retry once and answers it once", async () => {
    const first = await postSignedSms(
      running.url,
      "/channels/sms/twilio",
      smsFields(citizen, "When is my bin collected?"),
    );
    expect(first.status).toBe(200);
    for (let i = 0; i < 200 && texted().length < 1; i++) await sleep(50);
    expect(texted()).toHaveLength(1);

    await proxy.stop();
    const text = smsFields(citizen, "What about glass recycling?");
    await expectRetryLater(await postSignedSms(running.url, "/channels/sms/twilio", text));
    await expectRetryLater(
      await postSignedSms(running.url, "/channels/sms/twilio/status", {
        MessageSid: text.MessageSid,
        MessageStatus: "delivered",
        AccountSid: text.AccountSid,
      }),
    );
    const voice = (path: string, fields: Record<string, string>) =>
      postSigned(running.url, SMS_TEST_PUBLIC, SMS_TEST_TOKEN, path, fields);
    await expectApology(await voice("/channels/voice/twilio", callFields(callSid(2), citizen)));

    await proxy.start();
    // Twilio's retry of the same message, then a second retry that arrives late.
    expect((await postSignedSms(running.url, "/channels/sms/twilio", text)).status).toBe(200);
    expect((await postSignedSms(running.url, "/channels/sms/twilio", text)).status).toBe(200);
    expect(await storedWithSid(text.MessageSid)).toHaveLength(1);
    for (let i = 0; i < 200 && texted().length < 2; i++) await sleep(50);
    await sleep(1500);
    expect(texted()).toHaveLength(2);
    expect(texted()[1]!.form.Body).toMatch(/glass/i);
    const fromCitizen = await database.db
      .select()
      .from(messages)
      .where(like(messages.idempotencyKey, "twilio:%"));
    expect(fromCitizen).toHaveLength(2);
  }, 90_000);
});
