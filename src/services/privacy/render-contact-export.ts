import type { ContactExport } from "./export-contact-data";

const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

const row = (label: string, value: unknown) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/**
 * The export as a page a citizen can read or print. Every value is escaped: messages and case texts
 * are the citizen's own words and may hold anything, markup included.
 */
export function renderContactExport(data: ContactExport): string {
  const c = data.contact;
  const conversations = data.conversations
    .map(
      (conv) => `<section>
<h3>Conversation ${escapeHtml(conv.id)} (${escapeHtml(conv.channel)}, ${escapeHtml(conv.createdAt)})</h3>
<ol>${conv.messages
        .map(
          (m) =>
            `<li><strong>${escapeHtml(m.role)}</strong> <time>${escapeHtml(m.createdAt)}</time><p>${escapeHtml(m.text)}</p></li>`,
        )
        .join("\n")}</ol>
</section>`,
    )
    .join("\n");
  const cases = data.cases
    .map(
      (k) => `<section>
<h3>Case ${escapeHtml(k.reference)} (${escapeHtml(k.relation)})</h3>
<table>${row("Service", k.serviceCode)}${row("Status", k.status)}${row("Description", k.description)}${row(
        "Address",
        k.address,
      )}${row("Position", k.lat === null ? "" : `${k.lat}, ${k.long}`)}${row(
        "Details",
        Object.entries(k.attributes)
          .map(([key, v]) => `${key}: ${Array.isArray(v) ? v.join(", ") : v}`)
          .join("; "),
      )}${row("Photos", k.mediaUrls.join(" "))}${row("Opened", k.createdAt)}${row("Closed", k.closedAt)}</table>
<ol>${k.history
        .map(
          (e) =>
            `<li><time>${escapeHtml(e.at)}</time> ${escapeHtml(e.status ?? e.type)} ${escapeHtml(e.note)}</li>`,
        )
        .join("\n")}</ol>
</section>`,
    )
    .join("\n");
  const access = data.accessLog
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.at)}</td><td>${escapeHtml(a.actorType)} ${escapeHtml(a.actorId)}</td><td>${escapeHtml(a.action)}</td><td>${escapeHtml(a.subject)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Personal data held about contact ${escapeHtml(c.id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
th{text-align:left;padding-right:1rem;vertical-align:top}p{white-space:pre-wrap;margin:.25rem 0}</style>
</head>
<body>
<h1>Personal data held about you</h1>
<p>Exported ${escapeHtml(data.exportedAt)}.</p>
<h2>Contact</h2>
<table>${row("Channel", c.channel)}${row("Address", c.address)}${row("Name", c.name)}${row(
    "Language",
    c.preferredLanguage,
  )}${row(
    "Consent",
    Object.entries(c.consent)
      .map(([k, v]) => `${k}: ${typeof v === "boolean" ? (v ? "yes" : "no") : String(v)}`)
      .join(", "),
  )}${row("First contact", c.createdAt)}</table>
<h2>Conversations (${data.conversations.length})</h2>
${conversations || "<p>None.</p>"}
<h2>Cases (${data.cases.length})</h2>
${cases || "<p>None.</p>"}
<h2>Who accessed this data</h2>
<table><thead><tr><th>When</th><th>Who</th><th>What</th><th>About</th></tr></thead><tbody>
${access}
</tbody></table>
</body>
</html>`;
}
