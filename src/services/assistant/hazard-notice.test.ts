import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../../test/service";

/**
 * A message that names a hazard (fire, blood, someone hurt) without reading as an emergency gets its
 * ordinary reply, and the emergency number after it; a message that names none gets no such line.
 */
describe("the hazard notice on ordinary replies", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  }, 60_000);
  afterAll(() => service?.close());

  const say = async (lang: string, text: string) => {
    const created = await fetch(`${service.url}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang }),
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    const posted = await fetch(`${service.url}/v1/conversations/${id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ text }),
    });
    return ((await posted.json()) as { message: { status: string; text: string } }).message;
  };

  it("adds the emergency number after an ordinary reply to a message that names a hazard", async () => {
    const fire = await say(
      "en",
      "kids keep setting fire to the bins on our estate, what can the council do?",
    );
    expect(fire.status).not.toMatch(/^blocked_/);
    expect(fire.text).toMatch(/\n\nIf anyone is in danger right now, call 112\.$/);
    const hurt = await say("fr", "quelqu'un s'est blessé sur le trottoir cassé, je peux le signaler ?");
    expect(hurt.text).toMatch(/appelez le 112\.$/);
  });

  it("adds nothing to a message without one", async () => {
    const plain = await say("en", "When is my bin collected? I live in Hillcrest");
    expect(plain.status).toBe("answered");
    expect(plain.text).not.toContain("112");
  });
});
