import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { axeViolations, haveChromium, saveScreenshot, useBrowserSession } from "../../../test/browser";
import { TEST_STAFF_PASSWORD } from "../../../test/staff-session";

const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!haveChromium)("staff sign-in page in headless Chromium", () => {
  const session = useBrowserSession({ email: "mara@city.example", roles: ["agent"] });

  it("signs in through the form itself, shows an error accessibly, and passes an axe WCAG 2.1 AA scan", async () => {
    // bypassCSP only so the axe script can be injected for the scan.
    const page = await session.browser.newPage({ bypassCSP: true });
    await page.goto(`${session.service.url}/staff/sign-in`);
    await page.getByLabel("Email").fill("mara@city.example");
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("not right");

    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, ARTIFACTS, "staff-sign-in-error");

    await page.getByLabel("Password").fill(TEST_STAFF_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/staff");
    const me = await page.request.get(`${session.service.url}/v1/staff/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).roles).toEqual(["agent"]);
  }, 60_000);
});
