import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../../channels/sms/sms.fixture";
import { startTestService, type TestService } from "../../../test/service";
import { startTwilioStandIn, type TwilioStandIn } from "../../../test/twilio-stand-in";
import { deliveries, messages } from "../../db/schema";
import { findStrandedSmsWork } from "./find-stranded-sms-work";

/** Which stored SMS work the sweep queues again, over texts that went through the real webhook. */
describe("stranded SMS work", () => {
  let service: TestService;
  let standIn: TwilioStandIn;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const later = () => new Date(Date.now() + 60_000);

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    service = await startTestService({ env: { ...smsTestEnv(standIn.baseUrl), SMS_SWEEP_SECONDS: "0" } });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const text = async (from: string, body: string) => {
    const fields = smsFields(from, body);
    expect((await postSignedSms(service.url, "/channels/sms/twilio", fields)).status).toBe(200);
    return `twilio:${fields.MessageSid}`;
  };
  const idOf = async (key: string) =>
    (await service.database.db.select().from(messages).where(eq(messages.idempotencyKey, key)))[0]!.id;

  it("finds a stored text without a reply, and a reply whose delivery was lost; never keywords or opted-out texts", async () => {
    const answered = await text("+40722111001", "When is my bin collected?");
    await text("+40722111002", "STOP");
    const whileOptedOut = await text("+40722111002", "When is my bin collected?");
    for (let i = 0; i < 200 && standIn.sent().length < 2; i++) await sleep(50);
    await sleep(300);

    const db = service.database.db;
    const first = await findStrandedSmsWork({ database: service.database, now: later(), minAgeMs: 0 });
    expect(first).toEqual({ turns: [], deliveries: [] });

    // The answered text loses its reply (its turn never ran): it is stranded.
    const answeredId = await idOf(answered);
    const [reply] = await db.select().from(messages).where(eq(messages.replyToId, answeredId));
    await db.delete(deliveries).where(eq(deliveries.messageId, reply!.id));
    await db.delete(messages).where(eq(messages.id, reply!.id));
    const second = await findStrandedSmsWork({ database: service.database, now: later(), minAgeMs: 0 });
    expect(second.turns).toEqual([answeredId]);
    // Opting in again does not make the text sent while opted out due a turn.
    await text("+40722111002", "START");
    await sleep(300);
    const afterStart = await findStrandedSmsWork({ database: service.database, now: later(), minAgeMs: 0 });
    expect(afterStart.turns).toEqual([answeredId]);
    expect(afterStart.turns).not.toContain(await idOf(whileOptedOut));

    // A reply whose delivery row was left pending (its job lost) is stranded once it is older than minAge.
    const stop = await db.select().from(messages).where(eq(messages.role, "system"));
    const confirmation = stop.find((m) => (m.meta as { keyword?: string }).keyword === "stop");
    expect(confirmation).toBeDefined();
    await db
      .update(deliveries)
      .set({ state: "pending", updatedAt: new Date(Date.now() - 120_000) })
      .where(inArray(deliveries.messageId, [confirmation!.id]));
    const third = await findStrandedSmsWork({
      database: service.database,
      now: later(),
      minAgeMs: 30_000,
    });
    const stranded = [
      { kind: "reply", target: { messageId: confirmation!.id, channel: "sms", address: "+40722111002" } },
    ];
    expect(third.deliveries).toEqual(stranded);

    // A send claimed by a job that died calling Twilio: left to its job while the claim is fresh, swept once stale.
    await db
      .update(deliveries)
      .set({ state: "sending", updatedAt: new Date(Date.now() - 120_000) })
      .where(inArray(deliveries.messageId, [confirmation!.id]));
    const sweep = (staleClaimMs: number) =>
      findStrandedSmsWork({ database: service.database, now: later(), minAgeMs: 30_000, staleClaimMs });
    expect((await sweep(10 * 60_000)).deliveries).toEqual([]);
    expect((await sweep(60_000)).deliveries).toEqual(stranded);
  });
});
