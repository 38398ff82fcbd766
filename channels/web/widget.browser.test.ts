import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../../test/service";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

if (!haveChromium)
  console.warn(`widget browser tests skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)("web chat widget in headless Chromium", () => {
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function openDemo(lang = "en"): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${service.url}/?lang=${lang}`);
    await page.getByRole("textbox").waitFor();
    return page;
  }

  async function ask(page: Page, text: string) {
    const before = await page.locator(".cd-assistant:not([aria-busy])").count();
    await page.getByRole("textbox").fill(text);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".cd-assistant:not([aria-busy])").count(), { timeout: 20_000 })
      .toBeGreaterThan(before);
    return page.locator(".cd-assistant:not([aria-busy])").last();
  }

  it("answers with citation links, keeps the conversation across a reload, and records feedback", async () => {
    const page = await openDemo("en");
    const reply = await ask(page, "When are recycling bins collected?");
    const links = reply.locator("a");
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute("href")).toMatch(/^https?:\/\//);

    await reply.getByRole("button", { name: "Helpful", exact: true }).click();
    await expect
      .poll(() => reply.getByRole("button", { name: "Helpful", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");

    const shown = await page.locator(".cd-msg").count();
    await page.reload();
    await expect.poll(() => page.locator(".cd-msg").count(), { timeout: 15_000 }).toBe(shown);
    await page.close();
  });

  it("shows hostile text as text, never as markup", async () => {
    const page = await openDemo("en");
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await ask(page, payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator(".cd-citizen img, .cd-citizen script").count()).toBe(0);
    expect(await page.locator(".cd-citizen").last().textContent()).toContain("<img src=x");
    await page.close();
  });

  it("works with the keyboard alone and announces new messages in a live region", async () => {
    const page = await openDemo("fr");
    const log = page.getByRole("log");
    expect(await log.getAttribute("aria-live")).toBe("polite");
    // Tab from the page start until the message box has focus.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (
        await page
          .getByRole("textbox")
          .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)
      )
        break;
    }
    await page.keyboard.type("Quand est collecté le verre ?");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".cd-assistant:not([aria-busy])").count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const reply = page.locator(".cd-assistant:not([aria-busy]) .cd-text").last();
    expect(await reply.getAttribute("lang")).toBe("fr");
    await page.close();
  });

  it("has no serious or critical axe violations, also with 200% text", async () => {
    const page = await openDemo("ro");
    await ask(page, "Când se colectează gunoiul?");
    await page.addScriptTag({ content: axeSource });
    const scan = async () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
    const violations = await scan();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "widget-ro.png"), fullPage: true });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    const enlarged = await scan();
    expect(enlarged.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "widget-ro-200.png"), fullPage: true });
    await page.close();
  });
});
