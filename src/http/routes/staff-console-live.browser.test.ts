import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { axeViolations, haveChromium, saveScreenshot, useBrowserSession } from "../../../test/browser";
import { conversationEvents } from "../../db/schema";

const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!haveChromium)("staff console kept live by server-sent events, in headless Chromium", () => {
  const session = useBrowserSession({ email: "lena@city.example", name: "Lena Ortiz", roles: ["agent"] });

  /** A web citizen who asked for a person, through the chat API; `say` writes another message. */
  async function waitingCitizen(text: string) {
    const base = session.service.url;
    const created = (await (
      await fetch(`${base}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    const headers = { authorization: `Bearer ${created.token}`, "content-type": "application/json" };
    const say = async (words: string) => {
      const res = await fetch(`${base}/v1/conversations/${created.id}/messages`, {
        method: "POST",
        headers,
        body: JSON.stringify({ text: words, clientMessageId: crypto.randomUUID() }),
      });
      expect(res.ok).toBe(true);
    };
    await say(text);
    await fetch(`${base}/v1/conversations/${created.id}/handoff`, { method: "POST", headers });
    return { id: created.id, say };
  }

  it("a citizen message reaches the open conversation view, and a take-over the held list, without polling", async () => {
    const first = await waitingCitizen("The street light on Birch Road is out.");
    const second = await waitingCitizen("A fallen tree blocks Oak Lane.");
    const agent = await session.browser.newPage({ bypassCSP: true });
    // Every read of the staff API the page makes, to show it does not poll while its streams are open.
    const reads: string[] = [];
    agent.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === "GET" && /^\/v1\/staff\/conversations(\/[^/]+)?$/.test(path)) reads.push(path);
    });
    await session.signIn(agent, "/staff");
    await agent.getByRole("heading", { name: "Conversations" }).waitFor();
    await expect
      .poll(() => agent.locator("#queue-live").textContent(), { timeout: 10_000 })
      .toBe("Live updates: on");

    // Held list: another conversation taken over (from this browser, as another tab would) moves from the
    // waiting table to the held one through the stream.
    const taken = await agent.evaluate(async (id) => {
      const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") ?? "";
      const res = await fetch(`/v1/staff/conversations/${id}/take-over`, {
        method: "POST",
        headers: { "x-csrf-token": csrf, "content-type": "application/json" },
        body: "{}",
      });
      return res.status;
    }, second.id);
    expect(taken).toBe(200);
    const heldRow = agent.locator("#held-body tr", { hasText: "A fallen tree blocks Oak Lane." });
    await heldRow.waitFor({ timeout: 10_000 });
    expect(await heldRow.locator("td").nth(6).textContent()).toBe("Lena Ortiz");
    await expect
      .poll(() => agent.locator("#queue-body tr", { hasText: "Oak Lane" }).count(), { timeout: 10_000 })
      .toBe(0);

    await agent.goto(`${session.service.url}/staff/conversations/${first.id}`);
    await agent.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    await expect
      .poll(() => agent.locator("#conversation-live").textContent(), { timeout: 10_000 })
      .toBe("Live updates: on");
    const sent = Date.now();
    await first.say("It has been dark for three nights now.");
    await agent.locator("#transcript", { hasText: "dark for three nights" }).waitFor({ timeout: 5_000 });
    const latencyMs = Date.now() - sent;
    // The summary follows too (it is part of the streamed view).
    await agent.locator("#summary", { hasText: "dark for three nights" }).waitFor({ timeout: 5_000 });
    // So do a colleague's private note and the owner history, written without this page.
    await session.service.database.db.insert(conversationEvents).values({
      conversationId: first.id,
      kind: "note",
      actorKind: "staff",
      actorId: "colleague-7",
      text: "Lamp 41 was reported last week too.",
    });
    await agent
      .locator("#notes li", { hasText: "colleague-7: Lamp 41 was reported last week too." })
      .waitFor({
        timeout: 5_000,
      });
    expect(await agent.locator("#history").textContent()).toContain("bot → waiting by citizen");
    await saveScreenshot(agent, ARTIFACTS, "staff-console-conversation-live");
    expect(await axeViolations(agent)).toEqual([]);
    expect(latencyMs).toBeLessThan(5_000);
    expect(reads).toEqual([]);
    await agent.close();
  }, 120_000);
});
