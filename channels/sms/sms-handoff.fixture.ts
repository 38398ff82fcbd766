import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { startTestService, type TestService } from "../../test/service";
import { createStaffUser, signInAs } from "../../test/staff-session";
import { startTwilioStandIn, type TwilioStandIn } from "../../test/twilio-stand-in";
import { postSignedSms, smsFields, smsTestEnv } from "./sms.fixture";

/** The development-only STAFF_TOKENS agent of the test service (see test/service.ts); `staff` below signs in instead. */
export const SMS_TEST_AGENT = { authorization: "Bearer test-agent-token" };

export interface SmsHandoffTest {
  service: TestService;
  /** Twilio's REST API as a stand-in: every text the service sends lands here. */
  standIn: TwilioStandIn;
  /** A signed inbound text from the citizen; checks Twilio got a 200. */
  text(body: string, extra?: Record<string, string>): Promise<void>;
  /** The texts sent to the citizen so far. */
  outbound(): ReturnType<TwilioStandIn["sent"]>;
  /** Waits (up to `ms`) until `count` texts went to the citizen, checks there are exactly that many, returns the last body. */
  waitForOutbound(count: number, ms?: number): Promise<string>;
  /**
   * A staff API or page request as the agent, JSON body when given: a real staff account (role agent,
   * no display name) signed in through /staff/sign-in, sending its session cookie and, on writes, the
   * session's CSRF token.
   */
  staff(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The service as `npm start` runs it with the SMS channel on (its sends go to a Twilio stand-in), one
 * citizen's phone number to text from, and the agent's staff token: what the SMS handoff tests share.
 */
export async function startSmsHandoffTest(
  citizen: string,
  env: Record<string, string> = {},
): Promise<SmsHandoffTest> {
  const standIn = await startTwilioStandIn();
  const service = await startTestService({ env: { ...smsTestEnv(standIn.baseUrl), ...env } });
  const outbound = () => standIn.sent().filter((r) => r.form.To === citizen);
  const email = `agent-${randomUUID().slice(0, 8)}@riverton.example`;
  await createStaffUser(service.database, { email, roles: ["agent"] });
  const session = await signInAs({ request: (path, init) => fetch(`${service.url}${path}`, init) }, email);
  return {
    service,
    standIn,
    async text(body, extra = {}) {
      const res = await postSignedSms(service.url, "/channels/sms/twilio", smsFields(citizen, body, extra));
      expect(res.status).toBe(200);
    },
    outbound,
    async waitForOutbound(count, ms = 10_000) {
      for (let i = 0; i < ms / 25 && outbound().length < count; i++) await pause(25);
      expect(outbound().length).toBe(count);
      return outbound().at(-1)?.form.Body ?? "";
    },
    staff: (method, path, body) =>
      fetch(`${service.url}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          ...(method === "GET" || method === "HEAD" ? {} : { "x-csrf-token": session.csrfToken }),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async close() {
      await service.close();
      await standIn.close();
    },
  };
}
