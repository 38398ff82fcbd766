import { Hono } from "hono";
import { DomainError } from "../../src/domain/errors";
import type { DeliveryStatusResult } from "../../src/services/deliveries/record-delivery-status";
import type { ReceivedSms } from "../../src/services/sms/receive-sms-message";
import { emptyTwiml } from "./presenter";
import { type TwilioEnv, verifyTwilioSignature } from "./verify";

export const SMS_PATH = "/channels/sms/twilio";
export const SMS_STATUS_PATH = "/channels/sms/twilio/status";

export interface SmsRouteOptions {
  authToken: string;
  publicBaseUrl: string;
  /** The inbound verb (store, consent, queue the turn) with the channel's context bound. */
  receive: (input: unknown) => Promise<ReceivedSms>;
  /** The status-callback verb; a resend it asks for is queued by the caller. */
  recordStatus: (input: unknown) => Promise<DeliveryStatusResult>;
}

/** Twilio Messaging webhooks: inbound texts and delivery reports, both signature-checked. */
export function smsRoutes(options: SmsRouteOptions) {
  const app = new Hono<TwilioEnv>();
  const verify = verifyTwilioSignature(options);
  app.use(SMS_PATH, verify);
  app.use(SMS_STATUS_PATH, verify);

  app.post(SMS_PATH, async (c) => {
    await options.receive(inboundInput(c.var.twilioForm));
    // Answered at once; the reply follows through the Messages API when the turn's job has run.
    return c.body(emptyTwiml(), 200, { "content-type": "text/xml; charset=utf-8" });
  });

  app.post(SMS_STATUS_PATH, async (c) => {
    const form = c.var.twilioForm;
    await options.recordStatus({
      providerId: form.MessageSid ?? form.SmsSid ?? "",
      status: form.MessageStatus ?? form.SmsStatus ?? "",
      ...(form.ErrorCode ? { errorCode: form.ErrorCode } : {}),
    });
    return c.body(null, 204);
  });
  return app;
}

/** Twilio's form fields as the inbound verb's input; MediaUrl0..N come with NumMedia. */
function inboundInput(form: Record<string, string>) {
  const numMedia = Number(form.NumMedia ?? "0");
  if (!Number.isInteger(numMedia) || numMedia < 0 || numMedia > 10) {
    throw new DomainError("invalid_input", "NumMedia must be a whole number from 0 to 10.");
  }
  const media = Array.from({ length: numMedia }, (_, i) => ({
    url: form[`MediaUrl${i}`] ?? "",
    ...(form[`MediaContentType${i}`] ? { contentType: form[`MediaContentType${i}`] } : {}),
  }));
  return {
    messageSid: form.MessageSid ?? form.SmsMessageSid ?? "",
    from: form.From ?? "",
    ...(form.To ? { to: form.To } : {}),
    body: form.Body ?? "",
    media,
    ...(form.OptOutType ? { optOutType: form.OptOutType.toUpperCase() } : {}),
  };
}
