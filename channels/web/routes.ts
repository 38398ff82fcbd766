import { Hono } from "hono";
import type { AppEnv } from "../../src/http/context";
import { choosePageLanguage, PAGE_STRINGS } from "./page-strings";
import type { WidgetStrings } from "./widget/strings";
import { WIDGET_JS } from "./widget.generated";

export interface WebChatDeps {
  cityName: string;
  languages: { code: string; name: string }[];
  stringsFor: (lang: string) => WidgetStrings;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

// A speech bubble on the council blue, readable at 16 px.
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#14365f"/><path d="M7 8h18a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H14l-6 5v-5H7a2 2 0 0 1-2-2V10a2 2 0 0 1 2-2z" fill="#fff"/><circle cx="11" cy="15" r="1.8" fill="#14365f"/><circle cx="16" cy="15" r="1.8" fill="#14365f"/><circle cx="21" cy="15" r="1.8" fill="#14365f"/></svg>`;

/** The embeddable widget (`/widget.js`, one script tag) the demo page at `/` and its favicon. */
export function webChatRoutes(deps: WebChatDeps) {
  const app = new Hono<AppEnv>();
  const codes = deps.languages.map((l) => l.code);
  const bootstrap = {
    strings: Object.fromEntries(deps.languages.map(({ code }) => [code, deps.stringsFor(code)])),
    languages: deps.languages,
  };
  // JSON inside a script: escape "<" so no string can close the script element.
  const script = `window.__civicdeskBootstrap=${JSON.stringify(bootstrap).replaceAll("<", "\\u003c")};\n${WIDGET_JS}`;

  app.get("/widget.js", (c) =>
    c.body(script, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300",
      "cross-origin-resource-policy": "cross-origin",
      "access-control-allow-origin": "*",
    }),
  );

  app.get("/favicon.svg", (c) =>
    c.body(FAVICON_SVG, 200, {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=86400",
    }),
  );
  app.get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301));

  // The citizen's page: no developer material here (the embed snippet lives in the README).
  app.get("/", (c) => {
    const lang = choosePageLanguage(c.req.query("lang"), c.req.header("accept-language"), codes, "en");
    const strings = deps.stringsFor(lang);
    const page = PAGE_STRINGS[lang] ?? PAGE_STRINGS.en!;
    const council = escapeHtml(page.council.replace("{city}", deps.cityName));
    c.header("vary", "Accept-Language");
    c.header("content-language", lang);
    return c.html(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(strings.title)} · ${council}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #1b1b1b; background: #f7f7f7; line-height: 1.5; }
header { background: #14365f; color: #fff; padding: 1rem 1.5rem; }
header p { margin: 0; font-size: 1.25rem; font-weight: 700; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
h1 { margin-top: 0; font-size: 1.75rem; }
footer { text-align: center; padding: 1rem; font-size: 0.875rem; }
@media (max-width: 30rem) { main { padding: 1rem 0.5rem; } header { padding: 0.75rem 1rem; } }
</style>
</head>
<body>
<header><p>${council}</p></header>
<main>
  <section aria-labelledby="page-title">
    <h1 id="page-title">${escapeHtml(strings.title)}</h1>
    <p>${escapeHtml(strings.intro)}</p>
  </section>
  <div id="civicdesk-chat"></div>
</main>
<footer>${escapeHtml(page.safety)}</footer>
<script src="/widget.js" data-civicdesk data-target="#civicdesk-chat" data-lang="${lang}"></script>
</body>
</html>`);
  });
  return app;
}
