import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postSignedSms,
  SMS_TEST_PUBLIC,
  SMS_TEST_TOKEN,
  smsFields,
  smsTestEnv,
} from "../../channels/sms/sms.fixture";
import { callFields, findAll, parseTwiml, postSigned } from "../../channels/voice/twiml.fixture";
import { caseEvents, cases, messages, slaTimerFirings } from "../../src/db/schema";
import { type OwnRedis, startOwnRedis } from "../redis-server";
import { startTestService, type TestService } from "../service";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/*
 * The service on a Redis of the test's own, which is killed (kill -9) and started again empty while
 * texts and reports keep arriving: webhooks answer at once and nothing they acknowledged is lost; the
 * SMS sweep and the SLA sweep queue the work again once Redis is back; /readyz says what is missing.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Redis out of reach under the running service", () => {
  let redis: OwnRedis;
  let standIn: TwilioStandIn;
  let service: TestService;
  const citizen = "+40722555000";

  beforeAll(async () => {
    redis = await startOwnRedis();
    standIn = await startTwilioStandIn();
    service = await startTestService({
      kind: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
      env: {
        ...smsTestEnv(standIn.baseUrl),
        REDIS_URL: redis.url,
        SMS_SWEEP_SECONDS: "1",
        SLA_SWEEP_SECONDS: "1",
      },
    });
  }, 120_000);
  afterAll(async () => {
    await redis?.start().catch(() => {});
    await service?.close();
    await standIn?.close();
    await redis?.stop();
  }, 60_000);

  const texted = () => standIn.sent().filter((r) => r.form.To === citizen);
  const waitFor = async (what: () => Promise<boolean> | boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await what()) return true;
      await sleep(100);
    }
    return false;
  };
  const timed = async <T>(work: Promise<T>) => {
    const started = Date.now();
    const value = await work;
    return { value, ms: Date.now() - started };
  };

  it("acknowledges texts and reports while Redis is down, and finishes their work once it is back", async () => {
    expect(
      (
        await postSignedSms(
          service.url,
          "/channels/sms/twilio",
          smsFields(citizen, "When is my bin collected?"),
        )
      ).status,
    ).toBe(200);
    expect(await waitFor(() => texted().length === 1, 20_000)).toBe(true);

    await redis.kill();
    await sleep(300);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks).toEqual({
      database: "ok",
      queue: "unreachable",
    });

    // The webhook answers at once: the text is stored, its turn waits in PostgreSQL.
    const sms = smsFields(citizen, "What about glass recycling?");
    const inbound = await timed(postSignedSms(service.url, "/channels/sms/twilio", sms));
    expect(inbound.value.status).toBe(200);
    expect(inbound.ms).toBeLessThan(3000);
    const stored = await service.database.db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, `twilio:${sms.MessageSid}`));
    expect(stored).toHaveLength(1);

    // A caller's turn cannot be queued: the process that took the call answers it itself.
    const call = await postSigned(
      service.url,
      SMS_TEST_PUBLIC,
      SMS_TEST_TOKEN,
      "/channels/voice/twilio/turn?lang=en&turn=1",
      callFields(`CA${"5".repeat(32)}`, "+40722555001", { SpeechResult: "When is my bin collected?" }),
    );
    expect(call.status).toBe(200);
    const spoken = findAll(parseTwiml(await call.text()), "Say").map((say) => say.text);
    expect(spoken.join(" ")).toMatch(/week|looking that up/i);

    // A report over Open311: the case is stored, its SLA timers could not be queued.
    const report = await timed(
      fetch(`${service.url}/open311/v2/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          api_key: "test-open311-key",
          service_code: "pothole",
          "attribute[surface]": "road",
          lat: "51.501",
          long: "-0.121",
          description: "A deep pothole reported while Redis is down",
        }),
      }),
    );
    expect(report.value.status).toBe(200);
    expect(report.ms).toBeLessThan(3000);
    const [opened] = await service.database.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.channel, "open311"));
    expect(opened).toBeDefined();
    // Every timer of the case falls due while Redis is away.
    await service.database.db
      .update(cases)
      .set({
        createdAt: new Date(Date.now() - 90 * 86_400_000),
        firstResponseDueAt: new Date(Date.now() - 120_000),
        resolutionDueAt: new Date(Date.now() - 60_000),
        slaNextDueAt: new Date(Date.now() - 180_000),
      })
      .where(eq(cases.id, opened!.id));
    await sleep(1500);
    expect(texted()).toHaveLength(1);

    await redis.start();
    // The SMS sweep queues the stranded turn; the reply goes out once.
    expect(await waitFor(() => texted().length === 2, 30_000)).toBe(true);
    expect(texted()[1]!.form.Body).toMatch(/glass/i);
    expect(await waitFor(async () => (await fetch(`${service.url}/readyz`)).status === 200, 10_000)).toBe(
      true,
    );

    // The SLA sweep queues the case's due timers; each fires once.
    const firings = () =>
      service.database.db.select().from(slaTimerFirings).where(eq(slaTimerFirings.caseId, opened!.id));
    expect(await waitFor(async () => (await firings()).some((f) => f.kind === "sla.breach"), 30_000)).toBe(
      true,
    );
    await sleep(2500);
    const fired = await firings();
    // One case event per firing: no timer ran twice.
    const events = await service.database.db
      .select()
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.caseId, opened!.id),
          inArray(caseEvents.type, ["case.sla_warning", "case.sla_breach", "case.escalate"]),
        ),
      );
    expect(events).toHaveLength(fired.length);
    expect(texted()).toHaveLength(2);
    const citizenTexts = await service.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.role, "citizen"), like(messages.idempotencyKey, "twilio:%")));
    expect(citizenTexts).toHaveLength(2);
  }, 120_000);
});
