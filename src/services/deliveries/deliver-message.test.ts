import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { startTwilioStandIn, type TwilioReply, type TwilioStandIn } from "../../../test/twilio-stand-in";
import { createTwilioSmsSender } from "../../adapters/sms-sender-twilio";
import { contacts, deliveries, messages } from "../../db/schema";
import { findOrOpenConversation } from "../conversations/find-or-open-conversation";
import type { DeliveryContext } from "./context";
import { deliverMessage } from "./deliver-message";
import { queueOutboundMessage } from "./queue-outbound-message";

const languages = { supported: ["en", "ro"], fallback: "en" };

forEachDatabase("deliverMessage", (use) => {
  let standIn: TwilioStandIn;
  let script: () => TwilioReply = () => ({ kind: "message" });
  beforeAll(async () => {
    standIn = await startTwilioStandIn(() => script());
  });
  afterAll(() => standIn.close());

  const context = (): DeliveryContext => ({
    database: use(),
    senders: {
      sms: createTwilioSmsSender({
        accountSid: `AC${"3".repeat(32)}`,
        authToken: "token-token",
        fromNumber: "+40312000000",
        apiBaseUrl: standIn.baseUrl,
        timeoutMs: 300,
      }),
    },
    statusCallbackUrls: { sms: "https://city.example/channels/sms/twilio/status" },
  });
  /** A notice stored in a fresh contact's conversation, its delivery queued into `queued`. */
  const storeNotice = async (address: string) => {
    await findOrOpenConversation({ ctx: { database: use(), languages }, input: { channel: "sms", address } });
    const [contact] = await use().db.select().from(contacts).where(eq(contacts.address, address));
    const queued: Parameters<Parameters<typeof queueOutboundMessage>[0]["ctx"]["enqueueDelivery"]>[1][] = [];
    await queueOutboundMessage({
      ctx: { database: use(), enqueueDelivery: async (_kind, target) => void queued.push(target) },
      input: {
        contactId: contact!.id,
        channel: "sms",
        text: "Your case CD-2026-000009 is resolved.",
        lang: "en",
        kind: "notification",
        caseReference: "CD-2026-000009",
      },
    });
    return { contact: contact!, target: queued[0]! };
  };

  it("texts once when two runs of its job overlap, and never again once the send was claimed", async () => {
    const { target } = await storeNotice("+40721555077");
    const run = () =>
      deliverMessage({ ctx: context(), kind: "notification", target, attempt: 1, maxAttempts: 5 });
    const results = await Promise.all([run(), run()]);
    expect(results.map((r) => r.state).sort()).toEqual(["already_done", "sent"]);
    expect(standIn.sent().filter((r) => r.form.To === "+40721555077")).toHaveLength(1);
    // A send whose outcome was never recorded (the database went away after the provider took it)
    // stays claimed: the job run again does not text the citizen a second time.
    const second = await storeNotice("+40721555078");
    await use().db.insert(deliveries).values({
      messageId: second.target.messageId,
      kind: "notification",
      channel: "sms",
      address: "+40721555078",
      contactId: second.contact.id,
      state: "sending",
    });
    await deliverMessage({
      ctx: context(),
      kind: "notification",
      target: second.target,
      attempt: 1,
      maxAttempts: 5,
    });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555078")).toHaveLength(0);
  });

  it("settles a stale claim by asking Twilio: records the text Twilio took, sends the one it never saw", async () => {
    const claimedAt = new Date(Date.now() - 5 * 60_000);
    const claim = async (address: string) => {
      const stored = await storeNotice(address);
      await use().db.insert(deliveries).values({
        messageId: stored.target.messageId,
        kind: "notification",
        channel: "sms",
        address,
        contactId: stored.contact.id,
        state: "sending",
        createdAt: claimedAt,
        updatedAt: claimedAt,
      });
      return stored;
    };
    const run = (target: Awaited<ReturnType<typeof claim>>["target"], now = new Date()) =>
      deliverMessage({
        ctx: { ...context(), now },
        kind: "notification",
        target,
        attempt: 1,
        maxAttempts: 5,
      });

    // Twilio took the first text before the process died: it is recorded with Twilio's SID, not sent again.
    const took = await claim("+40721555081");
    const [tookMessage] = await use()
      .db.select({ text: messages.text })
      .from(messages)
      .where(eq(messages.id, took.target.messageId));
    const { sid } = (await (
      await fetch(`${standIn.baseUrl}/2010-04-01/Accounts/AC${"3".repeat(32)}/Messages.json`, {
        method: "POST",
        body: new URLSearchParams({ To: "+40721555081", From: "+40312000000", Body: tookMessage!.text }),
      })
    ).json()) as { sid: string };
    expect(await run(took.target)).toEqual({ state: "sent", providerId: sid });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555081")).toHaveLength(1);
    const [tookRow] = await use()
      .db.select()
      .from(deliveries)
      .where(eq(deliveries.messageId, took.target.messageId));
    expect(tookRow).toMatchObject({ state: "sent", providerId: sid });

    // Twilio never saw the second: it is sent now, once, however often the job runs.
    const lost = await claim("+40721555082");
    const settled = await run(lost.target);
    expect(settled.state).toBe("sent");
    expect(await run(lost.target)).toEqual({ state: "already_done", current: "sent" });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555082")).toHaveLength(1);

    // A fresh claim may still be on its way to Twilio: it is left alone.
    const fresh = await claim("+40721555083");
    expect(await run(fresh.target, new Date(claimedAt.getTime() + 10_000))).toEqual({
      state: "already_done",
      current: "sending",
    });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555083")).toHaveLength(0);
  });

  it("sends a message once however often its job runs, and keeps it in the conversation", async () => {
    const { target } = await storeNotice("+40721555001");
    expect(target).toMatchObject({
      channel: "sms",
      address: "+40721555001",
      caseReference: "CD-2026-000009",
    });
    const first = await deliverMessage({
      ctx: context(),
      kind: "notification",
      target,
      attempt: 1,
      maxAttempts: 5,
    });
    const again = await deliverMessage({
      ctx: context(),
      kind: "notification",
      target,
      attempt: 1,
      maxAttempts: 5,
    });
    expect(first.state).toBe("sent");
    expect(again).toEqual({ state: "already_done", current: "sent" });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555001")).toHaveLength(1);
    const [stored] = await use().db.select().from(messages).where(eq(messages.id, target.messageId));
    expect(stored).toMatchObject({ role: "system", text: "Your case CD-2026-000009 is resolved." });
  });

  it("asks for a retry on a 5xx until the last try, then records the failure", async () => {
    const { target } = await storeNotice("+40721555002");
    script = () => ({ kind: "error", status: 500 });
    const tries = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      tries.push(
        await deliverMessage({ ctx: context(), kind: "notification", target, attempt, maxAttempts: 3 }),
      );
    }
    script = () => ({ kind: "message" });
    expect(tries.map((t) => t.state)).toEqual(["retry", "retry", "failed"]);
    const [row] = await use().db.select().from(deliveries).where(eq(deliveries.messageId, target.messageId));
    expect(row?.state).toBe("failed");
    expect(row?.attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "failed"]);
  });

  it("never messages a contact who opted out", async () => {
    const { contact, target } = await storeNotice("+40721555003");
    await use()
      .db.update(contacts)
      .set({ consent: { sms: false } })
      .where(eq(contacts.id, contact.id));
    const result = await deliverMessage({
      ctx: context(),
      kind: "notification",
      target,
      attempt: 1,
      maxAttempts: 5,
    });
    expect(result).toEqual({ state: "blocked", reason: "opted_out" });
    expect(standIn.sent().filter((r) => r.form.To === "+40721555003")).toHaveLength(0);
  });
});
