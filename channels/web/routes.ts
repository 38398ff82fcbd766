import { Hono } from "hono";
import type { AppEnv } from "../../src/http/context";
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

/** The embeddable widget (`/widget.js`, one script tag) and the demo page at `/`. */
export function webChatRoutes(deps: WebChatDeps) {
  const app = new Hono<AppEnv>();
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

  app.get("/", (c) => {
    const requested = c.req.query("lang");
    const lang = deps.languages.some((l) => l.code === requested) ? (requested as string) : "en";
    const city = escapeHtml(deps.cityName);
    const strings = deps.stringsFor(lang);
    return c.html(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${city} City Council · ${escapeHtml(strings.title)}</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #1b1b1b; background: #f7f7f7; line-height: 1.5; }
header { background: #14365f; color: #fff; padding: 1rem 1.5rem; }
header p { margin: 0; font-size: 1.25rem; font-weight: 700; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
h1 { margin-top: 0; font-size: 1.75rem; }
a { color: #0b4a8b; }
footer { text-align: center; padding: 1rem; font-size: 0.875rem; }
</style>
</head>
<body>
<header><p>${city} City Council</p></header>
<main>
  <section aria-labelledby="page-title">
    <h1 id="page-title">${escapeHtml(strings.title)}</h1>
    <p>${escapeHtml(strings.intro)}</p>
    <p>Embed this assistant on any page with one line:</p>
    <pre><code>&lt;script src="${escapeHtml(new URL(c.req.url).origin)}/widget.js" data-lang="${lang}" defer&gt;&lt;/script&gt;</code></pre>
  </section>
  <div id="civicdesk-chat"></div>
</main>
<footer>CivicDesk demo · <a href="/v1/search?q=recycling">Search API</a></footer>
<script src="/widget.js" data-civicdesk data-target="#civicdesk-chat" data-lang="${lang}"></script>
</body>
</html>`);
  });
  return app;
}
