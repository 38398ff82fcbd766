import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { HandoffContext } from "../../services/handoff/context";
import {
  getStaffConversation,
  type StaffConversationView,
} from "../../services/handoff/get-staff-conversation";
import { listHandoffQueue, type QueueEntry } from "../../services/handoff/list-handoff-queue";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";
import { CONSOLE_JS } from "../staff-console/console-script";

export interface StaffConsoleDeps {
  database: Database;
  staffTokens: StaffTokenEntry[];
  cityName: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

const ROLE_NAMES: Record<string, string> = {
  citizen: "Citizen",
  assistant: "Assistant",
  staff: "Staff",
  system: "Notice",
};

/** Pages send a signed-out browser to the sign-in page and back; API callers still get a 401. */
function signInFirst(auth: MiddlewareHandler<StaffEnv>): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    try {
      await auth(c, async () => {});
    } catch (error) {
      if (error instanceof DomainError && error.code === "unauthorized") {
        return c.redirect(`/staff/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      throw error;
    }
    await next();
  };
}

/** The staff console: the live handoff queue and a conversation being worked, as server-rendered pages. */
export function staffConsoleRoutes(deps: StaffConsoleDeps) {
  const app = new Hono<StaffEnv>();
  const ctx = (c: Context<StaffEnv>): HandoffContext => ({
    database: deps.database,
    actor: c.var.staff,
    requestId: c.var.requestId,
  });
  const pages = [
    signInFirst(staffAuth(deps.staffTokens)),
    allowRoles("agent", "supervisor", "admin"),
  ] as const;

  app.get("/staff/console.js", (c) => {
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("cache-control", "no-cache");
    return c.body(CONSOLE_JS);
  });

  app.get("/staff", ...pages, async (c) => {
    const waiting = await listHandoffQueue({ ctx: ctx(c), input: {} });
    const held = await listHandoffQueue({ ctx: ctx(c), input: { state: "human" } });
    const body = `<h1>Conversations</h1>
<section aria-labelledby="queue-title">
<h2 id="queue-title">Waiting for a person (<span id="queue-count">${waiting.conversations.length}</span>)</h2>
<p><button type="button" id="take-next">Take the next conversation for me</button></p>
<table>
<caption class="visually-hidden">Conversations waiting, longest first; the list updates by itself</caption>
<thead><tr><th scope="col">Latest message</th><th scope="col">Language</th><th scope="col">Channel</th><th scope="col">Department</th><th scope="col">Reason</th><th scope="col">Waiting</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody id="queue-body">${queueRows(waiting.conversations, true)}</tbody>
</table>
</section>
<section aria-labelledby="held-title">
<h2 id="held-title">Held by staff</h2>
<table>
<caption class="visually-hidden">Conversations a staff member holds</caption>
<thead><tr><th scope="col">Latest message</th><th scope="col">Language</th><th scope="col">Channel</th><th scope="col">Department</th><th scope="col">Reason</th><th scope="col">Held by</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>${queueRows(held.conversations, false)}</tbody>
</table>
</section>`;
    return c.html(page(deps.cityName, "Conversations", body, c.var.staffSessionCsrf));
  });

  app.get("/staff/conversations/:id", ...pages, async (c) => {
    const view = await getStaffConversation({ ctx: ctx(c), input: { conversationId: c.req.param("id") } });
    return c.html(page(deps.cityName, "Conversation", conversationBody(view), c.var.staffSessionCsrf));
  });
  return app;
}

function waited(seconds: number | null): string {
  if (seconds === null) return "";
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

function queueRows(list: QueueEntry[], waiting: boolean): string {
  if (list.length === 0) {
    return `<tr><td colspan="7">${waiting ? "Nobody is waiting." : "No conversation is held."}</td></tr>`;
  }
  return list
    .map((c) => {
      const href = `/staff/conversations/${encodeURIComponent(c.id)}`;
      const action = waiting
        ? `<button type="button" data-action="take-over" data-id="${escapeHtml(c.id)}">Take over</button>`
        : `<a href="${href}">Open</a>`;
      return `<tr data-conversation="${escapeHtml(c.id)}"><td><a href="${href}">${escapeHtml(c.lastCitizenText ?? "(no message)")}</a></td><td>${escapeHtml(c.lang)}</td><td>${escapeHtml(c.channel)}</td><td>${escapeHtml(c.department ?? "—")}</td><td>${escapeHtml(c.reason ?? "")}</td><td>${escapeHtml(waiting ? waited(c.waitingSeconds) : (c.assignedStaffId ?? ""))}</td><td>${action}</td></tr>`;
    })
    .join("\n");
}

function conversationBody(view: StaffConversationView): string {
  const transcript = view.transcript
    .filter((m) => m.text)
    .map(
      (m) =>
        `<li class="msg msg-${escapeHtml(m.role)}"><span class="who">${escapeHtml(ROLE_NAMES[m.role] ?? m.role)} · ${escapeHtml(m.createdAt.slice(11, 19))} UTC</span><p${m.lang ? ` lang="${escapeHtml(m.lang)}"` : ""}>${escapeHtml(m.text)}</p></li>`,
    )
    .join("\n");
  const summary = view.summary.lines
    .map(
      (l) => `<li><strong>${escapeHtml(ROLE_NAMES[l.role] ?? l.role)}:</strong> ${escapeHtml(l.text)}</li>`,
    )
    .join("");
  const cases =
    view.openCases.length === 0
      ? "<p>No open cases.</p>"
      : `<ul>${view.openCases.map((c) => `<li>${escapeHtml(c.reference)} · ${escapeHtml(c.serviceCode)} · ${escapeHtml(c.status)}</li>`).join("")}</ul>`;
  const notes = view.events.filter((e) => e.kind === "note");
  const history = view.events
    .filter((e) => e.kind === "owner_changed")
    .map(
      (e) =>
        `<li>${escapeHtml(e.createdAt.slice(0, 16).replace("T", " "))}: ${escapeHtml(e.fromState ?? "")} → ${escapeHtml(e.toState ?? "")} by ${escapeHtml(e.actorKind === "staff" ? (e.actorId ?? "staff") : e.actorKind)} (${escapeHtml(e.reason ?? "")})</li>`,
    )
    .join("");
  return `<p><a href="/staff">← All conversations</a></p>
<h1>Conversation</h1>
<div id="conversation" data-id="${escapeHtml(view.id)}" class="layout">
<div>
<dl class="facts">
<dt>Owner</dt><dd id="owner-state">${escapeHtml(view.state)}${view.assignedStaffId ? ` (${escapeHtml(view.assignedStaffId)})` : ""}</dd>
<dt>Reason</dt><dd>${escapeHtml(view.reason ?? "—")}</dd>
<dt>Channel</dt><dd>${escapeHtml(view.channel)}</dd>
<dt>Language</dt><dd>${escapeHtml(view.lang)}</dd>
</dl>
<div class="actions">
<button type="button" data-action="take-over">Take over</button>
<button type="button" data-action="hand-back" class="secondary">Hand back to assistant</button>
<button type="button" data-action="close" class="secondary">Close</button>
</div>
<h2>Transcript</h2>
<ol id="transcript" class="transcript" aria-live="polite">${transcript}</ol>
<form id="reply-form">
<label for="reply-text">Reply to the citizen</label>
<textarea id="reply-text" rows="3" maxlength="1600"></textarea>
<button type="submit">Send reply</button>
</form>
</div>
<aside>
<h2>Summary</h2>
<p class="tag">Extractive: quoted from the transcript, not written by a model.</p>
<ul>${summary}</ul>
<h2>Open cases</h2>
${cases}
<h2>Private notes</h2>
<ul>${notes.map((n) => `<li>${escapeHtml(n.actorId ?? "")}: ${escapeHtml(n.text ?? "")}</li>`).join("") || "<li>None yet.</li>"}</ul>
<form id="note-form">
<label for="note-text">Add a private note (not shown to the citizen)</label>
<textarea id="note-text" rows="2" maxlength="4000"></textarea>
<button type="submit" class="secondary">Add note</button>
</form>
<h2>Owner history</h2>
<ul>${history || "<li>None.</li>"}</ul>
</aside>
</div>`;
}

function page(cityName: string, title: string, body: string, csrf: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${escapeHtml(csrf ?? "")}">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · Staff console · ${escapeHtml(cityName)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.5}
header{background:#14365f;color:#fff;padding:.75rem 1rem;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff}
main{padding:1rem;max-width:72rem;margin:0 auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #8a8a8a;vertical-align:top}
a{color:#0b4a8b}
button{font:inherit;padding:.5rem .9rem;min-height:2.75rem;background:#14365f;color:#fff;border:1px solid #14365f;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#14365f}
a:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #c25700;outline-offset:2px}
textarea{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #5c5c5c;border-radius:4px;margin:.25rem 0 .5rem}
label{font-weight:600}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem}
@media (max-width:50rem){.layout{grid-template-columns:1fr}}
.transcript{list-style:none;padding:0}
.msg{padding:.5rem .75rem;border-radius:6px;margin:0 0 .5rem}
.msg p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.msg-citizen{background:#dbe8f7}.msg-assistant{background:#f1f1f1}.msg-staff{background:#e3f1e3}.msg-system{background:#fff4d6}
.who{font-size:.875rem;font-weight:600;color:#333}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}.facts dt{font-weight:600}.facts dd{margin:0}
.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}
.tag{font-size:.875rem;background:#eef3f9;border-left:4px solid #14365f;padding:.25rem .5rem;margin:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#console-status{min-height:1.5em;font-weight:600}
</style>
<script src="/staff/console.js" defer></script>
</head>
<body>
<header><span>${escapeHtml(cityName)} · Staff console</span><a href="/staff">Conversations</a></header>
<main>
<p id="console-status" role="status"></p>
${body}
</main>
</body>
</html>`;
}
