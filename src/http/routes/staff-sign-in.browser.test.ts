import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../../test/service";
import { createStaffUser, TEST_STAFF_PASSWORD } from "../../../test/staff-session";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe.skipIf(!existsSync(CHROMIUM))("staff sign-in page in headless Chromium", () => {
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    await createStaffUser(service.database, { email: "mara@city.example", roles: ["agent"] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  it("signs in through the form itself, shows an error accessibly, and passes an axe WCAG 2.1 AA scan", async () => {
    // bypassCSP only so the axe script can be injected for the scan.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${service.url}/staff/sign-in`);
    await page.getByLabel("Email").fill("mara@city.example");
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("not right");

    await page.addScriptTag({ content: axeSource });
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run({
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id);
    });
    expect(serious).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "staff-sign-in-error.png"), fullPage: true });

    await page.getByLabel("Password").fill(TEST_STAFF_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/staff");
    const me = await page.request.get(`${service.url}/v1/staff/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).roles).toEqual(["agent"]);
  }, 60_000);
});
