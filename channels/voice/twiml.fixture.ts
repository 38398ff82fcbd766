import twilio from "twilio";
import type { ServiceOverrides } from "../../src/bootstrap";
import { startTestService, type TestService } from "../../test/service";
import { startTwilioStandIn, type TwilioStandIn } from "../../test/twilio-stand-in";

/** One parsed TwiML element. */
export interface TwimlNode {
  name: string;
  attributes: Record<string, string>;
  children: TwimlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? whole),
  );

/** A small XML reader for TwiML (elements, attributes, text); enough to check documents by structure. */
export function parseTwiml(xml: string): TwimlNode {
  const tokens = xml.replace(/<\?xml[^>]*\?>/, "").match(/<[^>]+>|[^<]+/g) ?? [];
  const root: TwimlNode = { name: "#root", attributes: {}, children: [], text: "" };
  const stack = [root];
  for (const token of tokens) {
    const top = stack.at(-1)!;
    if (token.startsWith("</")) {
      const name = token.slice(2, -1).trim();
      if (top.name !== name) throw new Error(`TwiML: </${name}> closes <${top.name}>`);
      stack.pop();
    } else if (token.startsWith("<")) {
      const selfClosing = token.endsWith("/>");
      const inner = token.slice(1, selfClosing ? -2 : -1).trim();
      const name = inner.split(/\s/)[0] ?? "";
      const attributes: Record<string, string> = {};
      for (const m of inner.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[m[1]!] = decode(m[2]!);
      const node: TwimlNode = { name, attributes, children: [], text: "" };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    } else if (token.trim()) {
      top.text += decode(token);
    }
  }
  if (stack.length !== 1) throw new Error("TwiML: unclosed element");
  const [response] = root.children;
  if (response?.name !== "Response") throw new Error("TwiML: no <Response>");
  return response;
}

/** Every element named `name`, depth first. */
export function findAll(node: TwimlNode, name: string): TwimlNode[] {
  const found = node.name === name ? [node] : [];
  for (const child of node.children) found.push(...findAll(child, name));
  return found;
}

/** The form fields Twilio posts with a call (see the shared channels README), plus `extra`. */
export function callFields(callSid: string, from: string, extra: Record<string, string> = {}) {
  return {
    CallSid: callSid,
    AccountSid: `AC${"0".repeat(32)}`,
    From: from,
    To: "+441632960123",
    Caller: from,
    Called: "+441632960123",
    CallStatus: "in-progress",
    Direction: "inbound",
    ApiVersion: "2010-04-01",
    FromCountry: "GB",
    ToCountry: "GB",
    ...extra,
  };
}

/** Posts form fields to a voice webhook, signed as Twilio signs them (over the public URL). */
export async function postSigned(
  serviceUrl: string,
  publicBaseUrl: string,
  authToken: string,
  pathAndQuery: string,
  fields: Record<string, string>,
  options: { signature?: string | null } = {},
): Promise<Response> {
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(authToken, `${publicBaseUrl}${pathAndQuery}`, fields)
      : options.signature;
  return fetch(`${serviceUrl}${pathAndQuery}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature !== null ? { "x-twilio-signature": signature } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

/** The path and query of an absolute action URL from TwiML. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export const VOICE_TEST_TOKEN = "voice-test-auth-token";
export const VOICE_TEST_PUBLIC = "https://civicdesk.example";

export interface VoiceTestService {
  service: TestService;
  /** Twilio's REST API as a stand-in: the texts the voice line sends the caller land here. */
  twilioApi: TwilioStandIn;
  /** Posts to a voice webhook signed with the test token over the public URL. */
  post(
    path: string,
    fields: Record<string, string>,
    options?: { signature?: string | null },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The service with the voice line on (Twilio variables set, its REST calls sent to a stand-in). */
export async function startVoiceTestService(
  env: Record<string, string> = {},
  overrides: Omit<ServiceOverrides, "database" | "logger"> = {},
): Promise<VoiceTestService> {
  const twilioApi = await startTwilioStandIn();
  const service = await startTestService({
    env: {
      TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
      TWILIO_AUTH_TOKEN: VOICE_TEST_TOKEN,
      TWILIO_FROM_NUMBER: "+441632960123",
      PUBLIC_BASE_URL: VOICE_TEST_PUBLIC,
      TWILIO_API_BASE_URL: twilioApi.baseUrl,
      ...env,
    },
    overrides,
  });
  return {
    service,
    twilioApi,
    post: (path, fields, options) =>
      postSigned(service.url, VOICE_TEST_PUBLIC, VOICE_TEST_TOKEN, path, fields, options),
    async close() {
      await service.close();
      await twilioApi.close();
    },
  };
}
