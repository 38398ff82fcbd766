import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
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

/** A city's own site on another origin, embedding the widget with the one-script-tag snippet. */
async function startCitySite(widgetUrl: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverton news</title></head>
<body><main><h1>Riverton news</h1><p>Bin collections change over the holidays.</p></main>
<script src="${widgetUrl()}/widget.js" data-lang="en" defer></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!haveChromium)("web chat widget in headless Chromium", () => {
  let service: TestService;
  let browser: Browser;
  let allowedSite: { url: string; server: Server };
  let otherSite: { url: string; server: Server };

  beforeAll(async () => {
    allowedSite = await startCitySite(() => service.url);
    otherSite = await startCitySite(() => service.url);
    service = await startTestService({ env: { WIDGET_ORIGINS: allowedSite.url } });
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
    for (const site of [allowedSite, otherSite]) site?.server.close();
  });

  async function openDemo(
    lang = "en",
    options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
  ): Promise<Page> {
    const page = await browser.newPage(options);
    await page.goto(`${service.url}/?lang=${lang}`);
    await page.getByRole("textbox").waitFor();
    return page;
  }

  async function screenshot(page: Page, name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
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
    await screenshot(page, "widget-en");

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

  it("marks emergency and crisis replies as alerts, offers votes only on cited answers, and says when a person replies", async () => {
    const page = await openDemo("en", { viewport: { width: 390, height: 844 } });
    const answered = await ask(page, "When are recycling bins collected?");
    expect(await answered.locator("a").count()).toBeGreaterThan(0);
    expect(await answered.getByRole("button", { name: "Helpful", exact: true }).count()).toBe(1);
    expect(await answered.getByRole("alert").count()).toBe(0);
    await screenshot(page, "widget-en-mobile-answer");

    const emergency = await ask(
      page,
      "my toddler ate a load of my tablets and she's really drowsy and won't stay awake",
    );
    expect(await emergency.getAttribute("class")).toContain("cd-alert");
    const alert = emergency.getByRole("alert");
    expect(await alert.textContent()).toContain("112");
    expect(await emergency.getByRole("button").count()).toBe(0);
    // A red border marks it for sighted users, not colour of the text alone.
    const border = await emergency.evaluate((node) => getComputedStyle(node).borderLeftColor);
    expect(border).toBe("rgb(179, 38, 30)");
    await screenshot(page, "widget-en-mobile-emergency");

    const crisis = await ask(
      page,
      "i honestly dont see the point in anything anymore, ive been thinking about ending it",
    );
    expect(await crisis.getByRole("alert").textContent()).toContain("116 123");
    expect(await crisis.getByRole("button").count()).toBe(0);

    const greeting = await ask(page, "hello");
    expect(await greeting.getByRole("button").count()).toBe(0);
    expect(await greeting.getByRole("alert").count()).toBe(0);
    await screenshot(page, "widget-en-mobile-alerts");

    await page.getByRole("button", { name: "Talk to a person" }).click();
    const handoff = page.locator(".cd-handoff").last();
    await handoff.waitFor();
    expect(await handoff.textContent()).toMatch(
      /office hours \(Monday to Thursday 8:30–17:00, Friday 8:30–16:30\)/,
    );
    expect(await handoff.getByRole("button").count()).toBe(0);
    await handoff.scrollIntoViewIfNeeded();
    await screenshot(page, "widget-en-mobile-handoff");
    await page.close();
  });

  it("renders offered services as buttons that answer with the option's number", async () => {
    const page = await openDemo("en");
    const sent: string[] = [];
    // The server's menu is stood in for here: only the widget's rendering and its answer are under test.
    await page.route("**/v1/conversations/*/messages", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as { text: string };
      sent.push(body.text);
      const options =
        sent.length === 1
          ? [
              { service: "pothole", name: "Pothole" },
              { service: "street-light", name: "Street light not working" },
            ]
          : undefined;
      await route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({
          message: {
            id: `reply-${sent.length}`,
            role: "assistant",
            text: options ? "Which of these is it? 1. Pothole 2. Street light not working" : "Where is it?",
            lang: "en",
            status: "clarification",
            citations: [],
            handoff: false,
            ...(options ? { options } : {}),
          },
        }),
      });
    });
    const menu = await ask(page, "something is broken on my road");
    expect(await menu.getByRole("button", { name: "Helpful" }).count()).toBe(0);
    await screenshot(page, "widget-en-options");
    await menu.getByRole("button", { name: "2. Street light not working" }).click();
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]).toBe("2");
    expect(await page.locator(".cd-citizen").last().textContent()).toContain("2");
    // Once answered, the old menu is gone, so it cannot answer a later question by mistake.
    const firstMenu = page.locator('[data-message-id="reply-1"]');
    await expect.poll(() => firstMenu.getByRole("button").count()).toBe(0);
    expect(await firstMenu.textContent()).toContain("Which of these is it?");
    await page.close();
  });

  it("shows the page in the citizen's language, with a favicon and no developer snippet", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    await page.goto(`${service.url}/`);
    await page.getByRole("textbox").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.title()).toBe("Demander à la ville · Ville de Riverton");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Demander à la ville");
    const body = ((await page.locator("body").textContent()) ?? "").toLowerCase();
    expect(body).not.toContain("widget.js");
    expect(body).not.toContain("embed");
    expect(await page.getByRole("button", { name: "Envoyer" }).count()).toBe(1);
    const icon = await page.getAttribute('link[rel="icon"]', "href");
    const favicon = await page.request.get(new URL(icon ?? "", service.url).href);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toBe("image/svg+xml");
    const answer = await ask(page, "Quand est collecté le verre ?");
    expect(await answer.locator(".cd-text").getAttribute("lang")).toBe("fr");
    await screenshot(page, "widget-fr");

    const hungarian = await browser.newPage({ locale: "hu-HU" });
    await hungarian.goto(`${service.url}/?lang=de`);
    expect(await hungarian.getAttribute("html", "lang")).toBe("de");
    await hungarian.goto(`${service.url}/`);
    expect(await hungarian.getAttribute("html", "lang")).toBe("hu");
    await hungarian.close();
    await page.close();
  });

  async function chatFrom(site: { url: string }): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole("button", { name: "Open chat" }).click();
    await page.getByRole("textbox").fill("When are recycling bins collected?");
    await page.keyboard.press("Enter");
    return page;
  }

  it("works embedded on a site listed in WIDGET_ORIGINS, and not on another site", async () => {
    const page = await chatFrom(allowedSite);
    await expect
      .poll(() => page.locator(".cd-assistant:not([aria-busy])").count(), { timeout: 20_000 })
      .toBe(1);
    const reply = page.locator(".cd-assistant").last();
    expect(await reply.locator("a").count()).toBeGreaterThan(0);
    expect(new URL(page.url()).origin).not.toBe(service.url);
    await screenshot(page, "widget-embedded");
    await page.close();

    const refused = await chatFrom(otherSite);
    // The browser blocks every call from an origin not on the list; after its retries the widget says so.
    await expect
      .poll(() => refused.locator(".cd-status").textContent(), { timeout: 20_000 })
      .toContain("We could not reach the service");
    expect(await refused.locator(".cd-assistant").count()).toBe(0);
    expect(await refused.getByRole("textbox").inputValue()).toBe("When are recycling bins collected?");
    await refused.close();
  });

  it("has no serious or critical axe violations, also with 200% text", async () => {
    // The page's Content-Security-Policy would refuse the injected axe script; the scan needs it.
    const page = await openDemo("ro", { bypassCSP: true });
    await ask(page, "Când se colectează gunoiul?");
    await ask(page, "Copilul meu a înghițit pastile și nu mai respiră");
    await page.getByRole("button", { name: "Vorbiți cu o persoană" }).click();
    await page.locator(".cd-handoff").waitFor();
    expect(await page.getByRole("alert").count()).toBe(1);
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

    await screenshot(page, "widget-ro");
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    const enlarged = await scan();
    expect(enlarged.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await screenshot(page, "widget-ro-200");
    await page.close();
  });
});
