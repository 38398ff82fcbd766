import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startTestService, type TestService } from "./service";
import { createStaffUser, TEST_STAFF_PASSWORD } from "./staff-session";

/** The Chromium the browser tests drive (CHROMIUM_PATH, else the distribution's). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Browser tests are skipped where that Chromium is not installed. */
export const haveChromium = existsSync(CHROMIUM);

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A headless Chromium that runs in a container (no sandbox, no GPU, no first-run or background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}

/**
 * The serious and critical WCAG 2.1 A and AA violations axe finds on the page. The page must be opened
 * with bypassCSP, or the page's policy refuses the injected axe script.
 */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string }[]> {
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

/** Saves a full-page screenshot as `dir/name.png`. */
export async function saveScreenshot(page: Page, dir: string, name: string) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export interface BrowserSession {
  service: TestService;
  browser: Browser;
  /** The staff user created before the tests, with the password TEST_STAFF_PASSWORD. */
  staff: Awaited<ReturnType<typeof createStaffUser>>;
  /**
   * Opens `path` of the service without a session, checks that it lands on the sign-in form, and submits
   * the form with the email (the session's staff user's unless given) and password.
   */
  signIn(page: Page, path: string, email?: string, password?: string): Promise<void>;
}

/**
 * For the describe block it is called in: starts the test service with one staff user and a headless
 * Chromium before the tests, and closes both after them. The session's fields are set once the tests run.
 */
export function useBrowserSession(staff: Parameters<typeof createStaffUser>[1]): BrowserSession {
  const session = {
    async signIn(page, path, email = staff.email, password = TEST_STAFF_PASSWORD) {
      await page.goto(`${session.service.url}${path}`);
      await expect.poll(() => page.url()).toContain("/staff/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    },
  } as BrowserSession;
  beforeAll(async () => {
    session.service = await startTestService();
    session.staff = await createStaffUser(session.service.database, staff);
    session.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.service?.close();
  });
  return session;
}
