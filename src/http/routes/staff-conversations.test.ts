import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { openWaitingConversation } from "../../../test/handoff";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { createLogger } from "../../logger";

const AGENT = { authorization: "Bearer agent-token-0123456789" };

forEachDatabase("staff conversation routes", (use) => {
  const app = () =>
    buildApp({
      config: loadConfig({
        STAFF_TOKENS: "agent-token-0123456789:u-ada:agent,editor-token-0123456789:u-ed:editor",
      }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });

  const openWaiting = (a: ReturnType<typeof app>) => openWaitingConversation(a);

  it("answers bad bodies and ids with 4xx problem+json, never 5xx", async () => {
    const a = app();
    const { id } = await openWaiting(a);
    const bodies = [
      "[]",
      '"text"',
      "null",
      "{",
      '{"text":5}',
      '{"text":"\\u0000"}',
      `{"text":"${"x".repeat(4001)}"}`,
      '{"reason":{}}',
      '{"reason":""}',
      '{"text":"   "}',
    ];
    const ids = [id, "not-a-uuid", "00000000-0000-4000-8000-000000000000", "%00", "..%2f..%2fetc"];
    for (const target of ids) {
      for (const path of ["take-over", "messages", "notes", "hand-back", "close"]) {
        for (const body of bodies) {
          const res = await a.request(`/v1/staff/conversations/${target}/${path}`, {
            method: "POST",
            headers: { ...AGENT, "content-type": "application/json" },
            body,
          });
          const label = `${path} ${target} ${body}`;
          expect(res.status, label).toBeLessThan(500);
          // Fields a verb does not read are ignored; anything refused is a problem document.
          if (res.status >= 400)
            expect(res.headers.get("content-type"), label).toContain("application/problem+json");
          else expect(["take-over", "hand-back", "close"], label).toContain(path);
        }
      }
    }
    for (const query of ["state=closed", "limit=0", "limit=abc", "lang=x", "state="]) {
      const res = await a.request(`/v1/staff/conversations?${query}`, { headers: AGENT });
      expect(res.status, query).toBe(400);
    }
  });

  it("lets an agent take over and reply, and refuses an editor", async () => {
    const a = app();
    const { id, token } = await openWaiting(a);
    const editor = { authorization: "Bearer editor-token-0123456789" };
    expect((await a.request(`/v1/staff/conversations/${id}`, { headers: editor })).status).toBe(403);
    expect(
      (await a.request(`/v1/staff/conversations/${id}/take-over`, { method: "POST", headers: AGENT })).status,
    ).toBe(200);
    const reply = await a.request(`/v1/staff/conversations/${id}/messages`, {
      method: "POST",
      headers: { ...AGENT, "content-type": "application/json" },
      body: JSON.stringify({ text: "<b>Hello</b> from Ada" }),
    });
    expect(reply.status).toBe(201);
    const citizen = (await (
      await a.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { state: string; messages: { role: string; text: string }[] };
    expect(citizen.state).toBe("human");
    expect(citizen.messages.at(-1)).toEqual(
      expect.objectContaining({ role: "staff", text: "<b>Hello</b> from Ada" }),
    );

    const page = await a.request(`/staff/conversations/${id}`, { headers: AGENT });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("&lt;b&gt;Hello&lt;/b&gt; from Ada");
    expect(html).not.toContain("<b>Hello</b>");
    const signedOut = await a.request("/staff");
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe("/staff/sign-in?next=%2Fstaff");
  });
});
