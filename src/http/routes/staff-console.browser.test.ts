import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../../test/service";
import { TEST_STAFF_PASSWORD } from "../../../test/staff-session";
import { addStaffUser } from "../../services/staff/add-staff-user";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe.skipIf(!haveChromium)("staff console in headless Chromium", () => {
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    await addStaffUser({
      ctx: { database: service.database },
      input: {
        email: "anna@city.example",
        name: "Anna Popescu",
        roles: ["agent"],
        password: TEST_STAFF_PASSWORD,
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function screenshot(page: Page, name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function axeViolations(page: Page) {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run({
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  }

  async function ask(citizen: Page, text: string) {
    await citizen.getByRole("textbox").fill(text);
    await citizen.keyboard.press("Enter");
    // The send button is disabled while the turn runs.
    await expect
      .poll(() => citizen.getByRole("button", { name: "Send" }).isEnabled(), { timeout: 20_000 })
      .toBe(true);
  }

  it("an agent takes over a waiting web chat, replies, the bot keeps quiet, then answers after the hand-back", async () => {
    const citizen = await browser.newPage();
    await citizen.goto(`${service.url}/?lang=en`);
    await citizen.getByRole("textbox").waitFor();
    await ask(citizen, "When are recycling bins collected?");
    await citizen.getByRole("button", { name: "Talk to a person" }).click();
    await citizen.locator(".cd-handoff").waitFor();

    // bypassCSP only so the axe script can be injected for the scan.
    const agent = await browser.newPage({ bypassCSP: true });
    await agent.goto(`${service.url}/staff`);
    await expect.poll(() => agent.url()).toContain("/staff/sign-in");
    await agent.getByLabel("Email").fill("anna@city.example");
    await agent.getByLabel("Password").fill(TEST_STAFF_PASSWORD);
    await agent.getByRole("button", { name: "Sign in" }).click();
    await agent.getByRole("heading", { name: "Conversations" }).waitFor();
    const row = agent.locator("#queue-body tr", { hasText: "When are recycling bins collected?" });
    await row.waitFor();
    expect(await row.textContent()).toContain("citizen_request");
    await screenshot(agent, "staff-console-queue");
    expect(await axeViolations(agent)).toEqual([]);

    await row.getByRole("button", { name: "Take over" }).click();
    await agent.getByRole("heading", { name: "Conversation", exact: true }).waitFor();
    await expect.poll(() => agent.locator("#owner-state").textContent()).toContain("human");
    expect(await agent.locator("aside").textContent()).toContain("Extractive: quoted from the transcript");
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
    await citizen.waitForTimeout(500);
    expect(await citizen.locator(notCitizenOrStaff).count()).toBe(botBefore);
    await screenshot(citizen, "staff-console-widget-held");
    await screenshot(agent, "staff-console-conversation");
    expect(await axeViolations(agent)).toEqual([]);

    await agent.getByRole("button", { name: "Hand back to assistant" }).click();
    await expect.poll(() => agent.locator("#owner-state").textContent()).toBe("bot");
    await ask(citizen, "When are recycling bins collected?");
    await expect.poll(() => citizen.locator(".cd-assistant").count()).toBe(assistantBefore + 1);
    expect(await citizen.locator(".cd-assistant").last().locator("a").count()).toBeGreaterThan(0);
    await screenshot(citizen, "staff-console-widget-after-hand-back");
    await agent.close();
    await citizen.close();
  }, 120_000);
});
