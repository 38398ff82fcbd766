import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, haveChromium, saveScreenshot, useBrowserSession } from "../../../test/browser";
import { auditLog, conversations } from "../../db/schema";
import { openCase } from "../../services/cases/open-case";

const SCREENSHOTS = join(process.cwd(), ".tmp");

describe.skipIf(!haveChromium)("staff console case page in headless Chromium", () => {
  const session = useBrowserSession({ email: "anna@city.example", name: "Anna Popescu", roles: ["agent"] });

  const screenshot = (page: Page, name: string) => saveScreenshot(page, SCREENSHOTS, name);

  it("an agent opens a case from the list, changes its status with a note, adds a private note and assigns it; the citizen gets only the status note", async () => {
    // A citizen's web conversation, and a case opened for them in it.
    const chat = (await (
      await fetch(`${session.service.url}/v1/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    const [conversation] = await session.service.database.db
      .select({ contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.id, chat.id));
    const opened = await openCase({
      ctx: {
        database: session.service.database,
        actor: { kind: "staff", userId: session.staff.id, roles: ["agent"] },
      },
      input: {
        serviceCode: "callback-request",
        description: "Please call me about <b>council tax</b> <script>alert(1)</script>",
        attributes: { phone: "+447700900123", topic: "council tax" },
        contactId: conversation!.contactId,
        conversationId: chat.id,
        channel: "web",
        lang: "en",
        detectDuplicates: false,
      },
    });
    const reference = opened.case.reference;

    const agent = await session.browser.newPage({ bypassCSP: true });
    const scripts: string[] = [];
    agent.on("pageerror", (error) => scripts.push(error.message));
    await session.signIn(agent, "/staff/cases");
    await agent.getByRole("heading", { name: "Cases" }).waitFor();
    await agent.getByRole("link", { name: reference }).click();
    await agent.getByRole("heading", { name: `Case ${reference}` }).waitFor();
    expect(agent.url()).toBe(`${session.service.url}/staff/cases/${reference}`);

    // Citizen text is shown as text, never as markup.
    expect(await agent.locator(".description").textContent()).toBe(
      "Please call me about <b>council tax</b> <script>alert(1)</script>",
    );
    expect(await agent.locator(".description b").count()).toBe(0);
    // The same clock words and colour as the list.
    const badge = agent.locator("#case .sla");
    expect(await badge.getAttribute("class")).toMatch(/^sla sla-(ok|soon|breached)$/);
    expect(await badge.textContent()).toMatch(/^(On time: due in|Due soon: in|Breached) /);
    expect(await agent.locator("#case-history").textContent()).toContain("Opened by Anna Popescu");
    await screenshot(agent, "staff-case-detail");
    expect(await axeViolations(agent)).toEqual([]);

    // An empty private note is refused in the form's alert, before anything is sent.
    await agent.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => agent.locator("#case-note-error").textContent()).toBe("Write the note first.");
    // A refusal from the API shows in the alert too (a status the lifecycle does not know).
    await agent.evaluate(() => {
      const select = document.getElementById("case-status") as HTMLSelectElement;
      select.add(new Option("Bogus", "bogus"));
      select.value = "bogus";
    });
    await agent.getByRole("button", { name: "Change status" }).click();
    await expect.poll(() => agent.locator("#case-status-error").textContent()).not.toBe("");
    expect(await agent.locator("#case-status-error").getAttribute("role")).toBe("alert");
    await screenshot(agent, "staff-case-errors");

    await agent.getByLabel("New status", { exact: true }).selectOption("in_progress");
    await agent
      .getByLabel("Note to the citizen (sent with the new status; optional)")
      .fill("A colleague will phone you tomorrow morning.");
    await agent.getByRole("button", { name: "Change status" }).click();
    await expect
      .poll(() => agent.locator("#console-status").textContent())
      .toBe("Status changed. The citizen was sent the new status and your note.");
    expect(await agent.locator("#case-status-now").textContent()).toBe("In progress");

    await agent.getByLabel("Note for staff (never sent to the citizen)").fill("Caller prefers Romanian.");
    await agent.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Private note added.");

    await agent.getByLabel("Assignee").selectOption({ label: "Anna Popescu" });
    await agent.getByRole("button", { name: "Save assignment" }).click();
    await expect.poll(() => agent.locator("#console-status").textContent()).toBe("Assignment saved.");
    expect(await agent.locator("#case-assignee").textContent()).toBe("Anna Popescu");

    // The history in time order: opened, the status change with its note, the notice the citizen got,
    // the private note, the assignment.
    const items = await agent.locator("#case-history > li").allTextContents();
    const position = (pattern: RegExp) => items.findIndex((t) => pattern.test(t));
    const statusAt = position(/Status New → In progress by Anna Popescu.*A colleague will phone you/s);
    const noticeAt = position(/Sent to the citizen by web \(status change\).*A colleague will phone you/s);
    const noteAt = position(/Private note by Anna Popescu.*Caller prefers Romanian/s);
    const assignAt = position(/Assigned to Anna Popescu, by Anna Popescu/);
    expect([statusAt, noticeAt, noteAt, assignAt].every((i) => i > 0)).toBe(true);
    expect(statusAt).toBeLessThan(noticeAt);
    expect(noticeAt).toBeLessThan(noteAt);
    expect(noteAt).toBeLessThan(assignAt);
    expect(scripts).toEqual([]);
    await screenshot(agent, "staff-case-after-changes");
    expect(await axeViolations(agent)).toEqual([]);

    // The citizen's conversation has the status note and nothing of the private note.
    const view = (await (
      await fetch(`${session.service.url}/v1/conversations/${chat.id}`, {
        headers: { authorization: `Bearer ${chat.token}` },
      })
    ).json()) as { messages: { role: string; text: string }[] };
    const texts = view.messages.map((m) => m.text).join("\n");
    expect(texts).toContain("A colleague will phone you tomorrow morning.");
    expect(texts).not.toContain("Caller prefers Romanian");

    // Each page view and change was audited under Anna's id.
    const audited = await session.service.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, session.staff.id), eq(auditLog.subjectId, reference)));
    const actions = audited.map((a) => a.action);
    for (const action of [
      "case.read",
      "case.notices_read",
      "case.status_change",
      "case.note",
      "case.assign",
    ]) {
      expect(actions).toContain(action);
    }
    await agent.close();

    // Under the page's real Content-Security-Policy the script still runs and no violation is reported.
    const strict = await session.browser.newPage();
    const violations: string[] = [];
    strict.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await session.signIn(strict, `/staff/cases/${reference}`);
    await strict.getByRole("heading", { name: `Case ${reference}` }).waitFor();
    await strict.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => strict.locator("#case-note-error").textContent()).toBe("Write the note first.");
    expect(violations).toEqual([]);
    await strict.close();
  }, 120_000);
});
