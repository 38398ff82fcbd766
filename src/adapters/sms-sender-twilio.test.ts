import { afterEach, describe, expect, it } from "vitest";
import { startTwilioStandIn, type TwilioReply, type TwilioStandIn } from "../../test/twilio-stand-in";
import { ChannelSendError } from "../ports/channel-sender";
import { createTwilioSmsSender } from "./sms-sender-twilio";

const ACCOUNT = "AC00000000000000000000000000000001";

describe("Twilio SMS sender (real twilio client, stand-in REST server)", () => {
  let standIn: TwilioStandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });
  const start = async (reply?: () => TwilioReply, extra: { messagingServiceSid?: string } = {}) => {
    standIn = await startTwilioStandIn(reply);
    return createTwilioSmsSender({
      accountSid: ACCOUNT,
      authToken: "secret",
      fromNumber: "+40310000000",
      apiBaseUrl: standIn.baseUrl,
      timeoutMs: 300,
      ...extra,
    });
  };

  it("posts To, From, Body and StatusCallback to the account's Messages resource", async () => {
    const sender = await start();
    const sent = await sender.send({
      to: "+40721000001",
      text: "Bună ziua",
      statusCallbackUrl: "https://city.example/channels/sms/twilio/status",
    });
    expect(sent.providerId).toMatch(/^SM/);
    expect(sent.status).toBe("queued");
    const [request] = standIn!.sent();
    expect(request?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(request?.user).toBe(ACCOUNT);
    expect(request?.form).toMatchObject({
      To: "+40721000001",
      From: "+40310000000",
      Body: "Bună ziua",
      StatusCallback: "https://city.example/channels/sms/twilio/status",
    });
  });

  it("sends through a Messaging Service when one is configured", async () => {
    const sender = await start(undefined, { messagingServiceSid: "MG00000000000000000000000000000001" });
    await sender.send({ to: "+40721000001", text: "hi" });
    expect(standIn!.sent()[0]?.form.MessagingServiceSid).toBe("MG00000000000000000000000000000001");
    expect(standIn!.sent()[0]?.form.From).toBeUndefined();
  });

  it("reports 21610 as an opted-out recipient, never worth a retry", async () => {
    const sender = await start(() => ({ kind: "error", status: 400, code: 21610, message: "unsubscribed" }));
    const error = await sender.send({ to: "+40721000001", text: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelSendError);
    expect((error as ChannelSendError).details).toMatchObject({
      code: "21610",
      optedOut: true,
      retryable: false,
    });
  });

  it("reports 5xx and timeouts as retryable, other 4xx as final", async () => {
    let sender = await start(() => ({ kind: "error", status: 503 }));
    let error = (await sender.send({ to: "+1", text: "x" }).catch((e: unknown) => e)) as ChannelSendError;
    expect(error.details).toMatchObject({ status: 503, retryable: true });
    await standIn!.close();

    sender = await start(() => ({ kind: "hang" }));
    error = (await sender.send({ to: "+1", text: "x" }).catch((e: unknown) => e)) as ChannelSendError;
    expect(error).toBeInstanceOf(ChannelSendError);
    expect(error.details.retryable).toBe(true);
    await standIn!.close();

    sender = await start(() => ({ kind: "error", status: 400, code: 21211, message: "invalid To" }));
    error = (await sender.send({ to: "+1", text: "x" }).catch((e: unknown) => e)) as ChannelSendError;
    expect(error.details).toMatchObject({ code: "21211", retryable: false, optedOut: false });
  });
});
