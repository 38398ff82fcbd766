import type { MiddlewareHandler } from "hono";
import twilio from "twilio";
import { DomainError } from "../../src/domain/errors";
import type { AppEnv } from "../../src/http/context";

export type TwilioEnv = AppEnv & { Variables: { twilioForm: Record<string, string> } };

/**
 * Twilio's webhook check for Hono, shared by the SMS and voice routes: `X-Twilio-Signature` against the
 * package's validateRequest over the public URL Twilio called (PUBLIC_BASE_URL + path + query, not the
 * address behind the proxy) and the form fields. Without an auth token (Twilio not configured) the
 * routes answer 404; a missing or wrong signature is a 403 before anything is read or stored.
 */
export function verifyTwilioSignature(options: {
  authToken: string | undefined;
  publicBaseUrl: string;
}): MiddlewareHandler<TwilioEnv> {
  const base = options.publicBaseUrl.replace(/\/+$/, "");
  return async (c, next) => {
    const authToken = options.authToken;
    if (!authToken) throw new DomainError("not_found", "No such resource.");
    const signature = c.req.header("x-twilio-signature") ?? "";
    const type = c.req.header("content-type") ?? "";
    const body = type.startsWith("application/x-www-form-urlencoded") ? await c.req.parseBody() : {};
    const form: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === "string") form[key] = value;
    const incoming = new URL(c.req.url);
    const url = `${base}${incoming.pathname}${incoming.search}`;
    if (!signature || !twilio.validateRequest(authToken, signature, url, form)) {
      throw new DomainError("forbidden", "The Twilio signature is missing or wrong.");
    }
    c.set("twilioForm", form);
    await next();
  };
}
