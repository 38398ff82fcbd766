import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAiStandIn, startOpenAiStandIn } from "../openai-stand-in";
import { startTestService, type TestService } from "../service";

/**
 * What leaves the process for the model provider (threat model, "data exfiltration through the model"):
 * the whole service with a chat model configured, pointed at a stand-in server that records every
 * request body and fails each call, so the turns fall back to the offline answerer. Every call the
 * provider would get (guardrail judge, routing judge, condensing, answering) must carry the citizen's
 * question without their e-mail, phone number or bank account.
 */
describe("the model provider sees only redacted text", () => {
  let standIn: OpenAiStandIn;
  let service: TestService;
  beforeAll(async () => {
    standIn = await startOpenAiStandIn(() => ({ kind: "error", status: 500, message: "stand-in refuses" }));
    service = await startTestService({
      env: {
        OPENAI_API_KEY: "sk-test-stand-in",
        OPENAI_BASE_URL: standIn.baseUrl,
        MODEL_MAX_RETRIES: "0",
        MODEL_TIMEOUT_MS: "2000",
      },
    });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  it("sends no e-mail address, phone number or IBAN the citizen typed, in any call", async () => {
    const created = await fetch(`${service.url}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    const conversation = (await created.json()) as { id: string; token: string };
    const say = async (text: string) => {
      const response = await fetch(`${service.url}/v1/conversations/${conversation.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${conversation.token}` },
        body: JSON.stringify({ text }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { message: { status: string } }).message;
    };

    await say(
      "My email is maria.popescu@example.org and my phone is 07700 900123, when is my bin collected?",
    );
    await say("and what about glass? my IBAN is GB82 WEST 1234 5698 7654 32 if you need it");

    const sent = JSON.stringify(standIn.requests.map((r) => r.body));
    // The provider was asked, about the citizen's question: otherwise this test would prove nothing.
    expect(standIn.requests.length).toBeGreaterThan(0);
    expect(sent).toMatch(/bin collected/);
    for (const secret of [
      "maria.popescu@example.org",
      "maria.popescu",
      "07700 900123",
      "07700900123",
      "GB82 WEST 1234 5698 7654 32",
      "GB82WEST12345698765432",
    ])
      expect(sent).not.toContain(secret);
  }, 60_000);
});
