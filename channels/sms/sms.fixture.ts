import twilio from "twilio";

export const SMS_TEST_TOKEN = "sms-test-auth-token";
export const SMS_TEST_PUBLIC = "https://civicdesk.example.org";
export const SMS_TEST_ACCOUNT = `AC${"1".repeat(32)}`;
export const SMS_TEST_NUMBER = "+40312000000";

/** The environment that turns the SMS channel on, its REST calls sent to a stand-in. */
export function smsTestEnv(twilioApiBaseUrl: string): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: SMS_TEST_ACCOUNT,
    TWILIO_AUTH_TOKEN: SMS_TEST_TOKEN,
    TWILIO_FROM_NUMBER: SMS_TEST_NUMBER,
    TWILIO_API_BASE_URL: twilioApiBaseUrl,
    PUBLIC_BASE_URL: SMS_TEST_PUBLIC,
  };
}

let counter = 0;

/** A fresh MessageSid, as Twilio makes them (SM + 32 hex digits). */
export function newMessageSid(): string {
  counter += 1;
  return `SM${Date.now().toString(16).padStart(16, "0")}${counter.toString(16).padStart(16, "0")}`;
}

/** The fields Twilio posts for an inbound SMS (see the shared channels README), plus `extra`. */
export function smsFields(from: string, body: string, extra: Record<string, string> = {}) {
  const sid = extra.MessageSid ?? newMessageSid();
  return {
    ToCountry: "RO",
    ToState: "",
    ToCity: "",
    ToZip: "",
    SmsMessageSid: sid,
    SmsSid: sid,
    MessageSid: sid,
    SmsStatus: "received",
    NumMedia: "0",
    NumSegments: "1",
    Body: body,
    From: from,
    FromCountry: "RO",
    FromState: "",
    FromCity: "",
    FromZip: "",
    To: SMS_TEST_NUMBER,
    AccountSid: SMS_TEST_ACCOUNT,
    ApiVersion: "2010-04-01",
    ...extra,
  };
}

/** Posts form fields to a Twilio webhook path, signed by the twilio package over the public URL. */
export async function postSignedSms(
  serviceUrl: string,
  path: string,
  fields: Record<string, string>,
  options: { signature?: string | null; publicBaseUrl?: string; token?: string } = {},
): Promise<Response> {
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(
          options.token ?? SMS_TEST_TOKEN,
          `${options.publicBaseUrl ?? SMS_TEST_PUBLIC}${path}`,
          fields,
        )
      : options.signature;
  return fetch(`${serviceUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature !== null ? { "x-twilio-signature": signature } : {}),
    },
    body: new URLSearchParams(fields),
  });
}
