import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, haveChromium, saveScreenshot, useBrowserSession } from "../../../test/browser";
import { createStaffUser } from "../../../test/staff-session";
import { cases, messages } from "../../db/schema";
import { openCase } from "../../services/cases/open-case";

const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!haveChromium)("staff console in headless Chromium", () => {
  const session = useBrowserSession({ email: "anna@city.example", name: "Anna Popescu", roles: ["agent"] });

  const screenshot = (page: Page, name: string) => saveScreenshot(page, ARTIFACTS, name);

  async function ask(citizen: Page, text: string) {
    await citizen.getByRole("textbox").fill(text);
    await citizen.keyboard.press("Enter");
    // The send button is disabled while the turn runs.
    await expect
      .poll(() => citizen.getByRole("button", { name: "Send" }).isEnabled(), { timeout: 20_000 })
      .toBe(true);
  }

  it("an agent takes over a waiting web chat, replies, the bot keeps quiet, then answers after the hand-back", async () => {
    const citizen = await session.browser.newPage();
    await citizen.goto(`${session.service.url}/?lang=en`);
    await citizen.getByRole("textbox").waitFor();
    await ask(citizen, "When are recycling bins collected?");
    await citizen.getByRole("button", { name: "Talk to a person" }).click();
    await citizen.locator(".cd-handoff").waitFor();

    // bypassCSP only so the axe script can be injected for the scan.
    const agent = await session.browser.newPage({ bypassCSP: true });
    await session.signIn(agent, "/staff");
    await agent.getByRole("heading", { name: "Conversations" }).waitFor();
    const row = agent.locator("#queue-body tr", { hasText: "When are recycling bins collected?" });
    await row.waitFor();
    expect(await row.textContent()).toContain("citizen_request");
    await screenshot(agent, "staff-console-queue");
    expect(await axeViolations(agent)).toEqual([]);

    await row.getByRole("button", { name: "Take over" }).click();
    await agent.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    await expect.poll(() => agent.locator("#owner-state").textContent()).toBe("human (Anna Popescu)");
    // She holds it already: the page offers no take-over, only hand back and close.
    await expect.poll(() => agent.getByRole("button", { name: "Take over" }).count()).toBe(0);
    await agent.getByRole("button", { name: "Hand back to assistant" }).waitFor();
    expect(await agent.locator("aside").textContent()).toContain("Extractive: quoted from the transcript");
    // The assistant's answer shows its sources in the transcript, as links to the articles it cited.
    const cited = agent.locator("#transcript .msg-assistant .cites a");
    expect(await cited.count()).toBeGreaterThan(0);
    expect(await cited.first().getAttribute("href")).toMatch(/^https?:\/\//);
    expect((await cited.first().textContent())?.trim()).not.toBe("");
    // The citizen is told who joined, by first name, before anything is written to them.
    await citizen
      .locator(".cd-system", { hasText: "Anna from the city team has joined the conversation." })
      .waitFor({ timeout: 20_000 });
    await agent
      .getByLabel("Reply to the citizen")
      .fill("Hello, I am Anna from the waste team. Which street?");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Reply sent.");

    // The widget polls for messages from staff.
    const staffReply = citizen.locator(".cd-staff", { hasText: "I am Anna from the waste team" });
    await staffReply.waitFor({ timeout: 20_000 });
    // The citizen sees the first name only.
    expect(await staffReply.locator(".cd-who").textContent()).toBe("Anna · Staff");
    const notCitizenOrStaff = ".cd-msg:not(.cd-citizen):not(.cd-staff)";
    const botBefore = await citizen.locator(notCitizenOrStaff).count();
    const assistantBefore = await citizen.locator(".cd-assistant").count();
    await ask(citizen, "Mill Lane. And when is glass collected?");
    await agent.locator("#transcript", { hasText: "Mill Lane" }).waitFor({ timeout: 10_000 });
    // The summary keeps the first question and follows the citizen's latest words.
    await agent.locator("#summary", { hasText: "Mill Lane" }).waitFor({ timeout: 10_000 });
    expect(await agent.locator("#summary li").first().textContent()).toBe(
      "Citizen: When are recycling bins collected?",
    );
    await citizen.waitForTimeout(500);
    expect(await citizen.locator(notCitizenOrStaff).count()).toBe(botBefore);
    // A message with an attachment (as an MMS stores it) appears in the open page as a link, by the page's script.
    const conversationId = /\/staff\/conversations\/([0-9a-f-]{36})/.exec(agent.url())![1]!;
    const photo = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM7/Media/ME7?a=1&b=2";
    await session.service.database.db.insert(messages).values({
      conversationId,
      role: "citizen",
      text: "Photo of the bins",
      meta: { media: [{ url: photo, contentType: "image/jpeg" }] },
    });
    const link = agent.locator("#transcript a", { hasText: "Attachment 1 (image/jpeg)" });
    await link.waitFor({ timeout: 10_000 });
    expect(await link.getAttribute("href")).toBe(photo);
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    await screenshot(citizen, "staff-console-widget-held");
    await screenshot(agent, "staff-console-conversation");
    expect(await axeViolations(agent)).toEqual([]);

    await agent.getByRole("button", { name: "Hand back to assistant" }).click();
    await expect.poll(() => agent.locator("#owner-state").textContent()).toBe("bot");
    // Handed back: the take-over is offered again, and the citizen is told the assistant answers now.
    await agent.getByRole("button", { name: "Take over" }).waitFor();
    await citizen
      .locator(".cd-system", { hasText: "The member of staff has left the conversation." })
      .waitFor({
        timeout: 20_000,
      });
    await ask(citizen, "When are recycling bins collected?");
    await expect.poll(() => citizen.locator(".cd-assistant").count()).toBe(assistantBefore + 1);
    expect(await citizen.locator(".cd-assistant").last().locator("a").count()).toBeGreaterThan(0);
    await screenshot(citizen, "staff-console-widget-after-hand-back");
    await agent.close();
    await citizen.close();
  }, 120_000);

  it("the queue shows a new request live (server-sent events), and suggested replies can be inserted, edited and sent", async () => {
    const agent = await session.browser.newPage({ bypassCSP: true });
    await session.signIn(agent, "/staff");
    await agent.getByRole("heading", { name: "Conversations" }).waitFor();
    await expect
      .poll(() => agent.locator("#queue-live").textContent(), { timeout: 10_000 })
      .toBe("Live updates: on");
    await agent.getByRole("button", { name: "Available for new conversations" }).click();
    await expect
      .poll(() =>
        agent.getByRole("button", { name: "Available for new conversations" }).getAttribute("aria-pressed"),
      )
      .toBe("true");

    // The citizen asks only now: the row arrives through the stream, without reloading the page.
    const citizen = await session.browser.newPage();
    await citizen.goto(`${session.service.url}/?lang=en`);
    await citizen.getByRole("textbox").waitFor();
    await ask(citizen, "Where do I put glass bottles for recycling?");
    await citizen.getByRole("button", { name: "Talk to a person" }).click();
    const row = agent.locator("#queue-body tr", { hasText: "glass bottles for recycling" });
    await row.waitFor({ timeout: 15_000 });
    const cells = await row.locator("td").allTextContents();
    // Language, channel, department, reason, waiting time, and the available agent it was assigned to.
    expect(cells.slice(1, 5)).toEqual(["en", "web", "—", "citizen_request"]);
    expect(cells[5]).toMatch(/^\d+ s$|^\d+ min$/);
    expect(cells[6]).toBe("Anna Popescu");
    await screenshot(agent, "staff-console-queue-live");
    expect(await axeViolations(agent)).toEqual([]);

    await row.getByRole("button", { name: "Take over" }).click();
    await agent.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    // The owner history records the queue's assignment as well as the take-over.
    expect(await agent.locator("aside").textContent()).toMatch(
      /assigned to staff-[^ ]+ by the queue \(general_queue\)/,
    );
    const suggestion = agent.locator("#suggestions li").first();
    await suggestion.getByRole("button").waitFor({ timeout: 10_000 });
    const link = await suggestion.getByRole("link", { name: "Open article" }).getAttribute("href");
    expect(link).toMatch(/^https?:\/\//);
    await suggestion.getByRole("button").click();
    const box = agent.getByLabel("Reply to the citizen");
    const drafted = await box.inputValue();
    expect(drafted).toContain(link!);
    await box.fill(`Hello! ${drafted}`);
    await screenshot(agent, "staff-console-suggestions");
    expect(await axeViolations(agent)).toEqual([]);
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Reply sent.");
    await citizen.locator(".cd-staff", { hasText: link! }).waitFor({ timeout: 20_000 });
    await agent.close();
    await citizen.close();
  }, 120_000);

  it("an agent adds a private note and closes the conversation from its page", async () => {
    const created = (await (
      await fetch(`${session.service.url}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    const citizen = { authorization: `Bearer ${created.token}` };
    await fetch(`${session.service.url}/v1/conversations/${created.id}/handoff`, {
      method: "POST",
      headers: citizen,
    });
    const agent = await session.browser.newPage({ bypassCSP: true });
    await session.signIn(agent, `/staff/conversations/${created.id}`);
    await agent.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    await agent.getByRole("button", { name: "Take over" }).click();
    await expect.poll(() => agent.locator("#owner-state").textContent()).toBe("human (Anna Popescu)");

    await agent
      .getByLabel("Add a private note (not shown to the citizen)")
      .fill("Asked twice about <b>bins</b>");
    await agent.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Note saved.");
    // The note shows in the list as text, written by the agent.
    await expect
      .poll(() => agent.locator("#notes li").allTextContents(), { timeout: 10_000 })
      .toEqual(["Anna Popescu: Asked twice about <b>bins</b>"]);
    expect(await agent.locator("#notes b").count()).toBe(0);

    await agent.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Conversation closed.");
    await expect.poll(() => agent.locator("#owner-state").textContent(), { timeout: 10_000 }).toBe("closed");
    // Nothing is left to take over, hand back or close.
    for (const action of ["take-over", "hand-back", "close"])
      await expect.poll(() => agent.locator(`button[data-action='${action}']`).isHidden()).toBe(true);
    await agent.reload();
    expect(await agent.locator("button[data-action='take-over']").isHidden()).toBe(true);
    await screenshot(agent, "staff-console-closed");
    expect(await axeViolations(agent)).toEqual([]);

    // The citizen never sees the note, and is told the conversation was closed.
    const view = (await (
      await fetch(`${session.service.url}/v1/conversations/${created.id}`, { headers: citizen })
    ).json()) as { state: string; messages: { role: string; text: string }[] };
    expect(view.state).toBe("closed");
    expect(JSON.stringify(view)).not.toContain("Asked twice");
    expect(view.messages.at(-1)?.text).toMatch(/^The city team has closed this conversation\./);
    await agent.close();
  }, 60_000);

  it("the cases list shows each SLA clock in words and colour: breached, due soon, on time", async () => {
    const staffActor = { kind: "staff" as const, userId: "ada", roles: ["agent" as const] };
    const now = Date.now();
    const dues = [now - 3 * 3600_000, now + 30 * 60_000, now + 3 * 86_400_000];
    for (const [i, due] of dues.entries()) {
      const opened = await openCase({
        ctx: { database: session.service.database, actor: staffActor },
        input: {
          serviceCode: "callback-request",
          description: `Call back test ${i}`,
          attributes: { phone: "+447700900123", topic: "council tax" },
          channel: "web",
          lang: "en",
          detectDuplicates: false,
        },
      });
      // Set the clocks directly: the SLA engine's own timing is tested elsewhere.
      await session.service.database.db
        .update(cases)
        .set({ firstRespondedAt: new Date(now), nextResponseDueAt: null, resolutionDueAt: new Date(due) })
        .where(eq(cases.reference, opened.case.reference));
    }
    const agent = await session.browser.newPage({ bypassCSP: true });
    await session.signIn(agent, "/staff/cases");
    await agent.getByRole("heading", { name: "Cases" }).waitFor();
    const badges = await agent.locator("#cases-body .sla").allTextContents();
    expect(badges.some((t) => /^Breached 3 h 0 min ago$/.test(t))).toBe(true);
    expect(badges.some((t) => /^Due soon: in (29|30) min$/.test(t))).toBe(true);
    expect(badges.some((t) => /^On time: due in (2 d 23 h|3 d 0 h)$/.test(t))).toBe(true);
    expect(await agent.locator("#cases-body .sla-breached").count()).toBeGreaterThanOrEqual(1);
    await screenshot(agent, "staff-console-cases");
    expect(await axeViolations(agent)).toEqual([]);
    await agent.getByLabel("Breached only").check();
    await agent.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => agent.url()).toContain("sla=breached");
    await agent.close();
  }, 60_000);

  it("a supervisor reassigns a waiting conversation from the conversation page", async () => {
    await createStaffUser(session.service.database, {
      email: "sue@city.example",
      name: "Sue Lead",
      roles: ["supervisor"],
    });
    const created = (await (
      await fetch(`${session.service.url}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    await fetch(`${session.service.url}/v1/conversations/${created.id}/handoff`, {
      method: "POST",
      headers: { authorization: `Bearer ${created.token}` },
    });
    const sue = await session.browser.newPage({ bypassCSP: true });
    await session.signIn(sue, `/staff/conversations/${created.id}`, "sue@city.example");
    await sue.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    const choice = sue.getByLabel("Assign to");
    // Whoever the queue gave it to (Anna, if an earlier test left her available), Sue takes it on herself.
    const self = await choice.locator("option", { hasText: "Sue Lead" }).getAttribute("value");
    await choice.selectOption(self!);
    await sue.getByRole("button", { name: "Assign", exact: true }).click();
    await expect.poll(() => sue.locator("#console-status").textContent()).toBe("Assigned to Sue Lead.");
    await expect.poll(() => sue.locator("#owner-state").textContent()).toBe("waiting (Sue Lead)");
    await screenshot(sue, "staff-console-supervisor-assign");
    expect(await axeViolations(sue)).toEqual([]);
    await sue.close();
  }, 60_000);
});
