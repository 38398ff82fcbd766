import { Hono } from "hono";
import { choosePageLanguage } from "../../../channels/web/page-strings";
import type { RetentionPolicy } from "../../services/privacy/context";
import { privacyTextsFor } from "../../services/privacy/privacy-texts";
import type { AppEnv } from "../context";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** GET /privacy: the privacy notice every channel links to (the chat, SMS, voice follow-up texts), localised. */
export function privacyPageRoutes(deps: {
  cityName: string;
  languages: readonly string[];
  defaultLanguage: string;
  retention: RetentionPolicy;
}) {
  const app = new Hono<AppEnv>();
  app.get("/privacy", (c) => {
    const lang = choosePageLanguage(
      c.req.query("lang"),
      c.req.header("accept-language"),
      deps.languages,
      deps.defaultLanguage,
    );
    const { page } = privacyTextsFor(lang);
    const r = deps.retention;
    const figures: Record<string, number> = {
      messages: r.messagesDays,
      recordings: r.recordingsDays,
      raw: r.rawTextDays,
      cases: r.casesDays,
      audit: r.auditDays,
    };
    const fill = (text: string) =>
      escapeHtml(
        text
          .replace("{city}", deps.cityName)
          .replace(/\{(\w+)\}/g, (whole, name: string) => String(figures[name] ?? whole)),
      );
    c.header("vary", "Accept-Language");
    c.header("content-language", lang);
    return c.html(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(page.title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>body{margin:0 auto;max-width:44rem;padding:1rem 1.5rem;font-family:system-ui,sans-serif;color:#1b1b1b;line-height:1.5}</style>
</head>
<body>
<main>
<h1>${fill(page.title)}</h1>
<p>${fill(page.intro)}</p>
<h2>${fill(page.whatTitle)}</h2>
<ul>${page.what.map((item) => `<li>${fill(item)}</li>`).join("")}</ul>
<h2>${fill(page.keepTitle)}</h2>
<p>${fill(page.keep)}</p>
<h2>${fill(page.rightsTitle)}</h2>
<p>${fill(page.rights)}</p>
<h2>${fill(page.publicTitle)}</h2>
<p>${fill(page.public)}</p>
</main>
</body>
</html>`);
  });
  return app;
}
