import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { CaseView } from "../../services/cases/case-view";
import { listCases } from "../../services/cases/list-cases";
import { type AssignableStaff, listAssignableStaff } from "../../services/handoff/assign-conversation";
import type { HandoffContext } from "../../services/handoff/context";
import {
  getStaffConversation,
  type StaffConversationView,
} from "../../services/handoff/get-staff-conversation";
import { listHandoffQueue, type QueueEntry } from "../../services/handoff/list-handoff-queue";
import { getStaffProfile } from "../../services/staff/get-staff-profile";
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
    const profile = await getStaffProfile({ ctx: { database: deps.database, actor: c.var.staff } });
    const body = `<h1>Conversations</h1>
<p class="availability"><button type="button" id="availability" class="secondary" aria-pressed="${profile.available}" aria-describedby="availability-text">Available for new conversations</button>
<span id="availability-text">${profile.available ? `You are available: the queue assigns you up to ${profile.capacity} at a time.` : "You are not available: the queue assigns you nothing."}</span></p>
<section aria-labelledby="queue-title">
<h2 id="queue-title">Waiting for a person (<span id="queue-count">${waiting.conversations.length}</span>)</h2>
<p><button type="button" id="take-next">Take the next conversation for me</button> <span id="queue-live" class="live">Live updates: connecting…</span></p>
<table>
<caption class="visually-hidden">Conversations waiting, longest first; the list updates by itself</caption>
<thead><tr><th scope="col">Latest message</th><th scope="col">Language</th><th scope="col">Channel</th><th scope="col">Department</th><th scope="col">Reason</th><th scope="col">Waiting</th><th scope="col">Assigned to</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody id="queue-body">${queueRows(waiting.conversations, true)}</tbody>
</table>
</section>
<section aria-labelledby="held-title">
<h2 id="held-title">Held by staff</h2>
<table>
<caption class="visually-hidden">Conversations a staff member holds</caption>
<thead><tr><th scope="col">Latest message</th><th scope="col">Language</th><th scope="col">Channel</th><th scope="col">Department</th><th scope="col">Reason</th><th scope="col">Since</th><th scope="col">Held by</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>${queueRows(held.conversations, false)}</tbody>
</table>
</section>`;
    return c.html(page(deps.cityName, "Conversations", body, c.var.staffSessionCsrf));
  });

  app.get("/staff/cases", ...pages, async (c) => {
    const query = c.req.query();
    const filters = {
      ...(query.status ? { status: query.status } : { status: "new,open,in_progress,waiting_for_citizen" }),
      ...(query.department ? { department: query.department } : {}),
      ...(query.assignee === "me" ? { assignee: "me" } : {}),
      ...(query.sla === "breached" ? { sla: "breached" } : {}),
    };
    const list = await listCases({
      ctx: { database: deps.database, actor: c.var.staff, requestId: c.var.requestId },
      input: filters,
    });
    return c.html(
      page(deps.cityName, "Cases", casesBody(list.cases, query, new Date()), c.var.staffSessionCsrf),
    );
  });

  app.get("/staff/conversations/:id", ...pages, async (c) => {
    const view = await getStaffConversation({ ctx: ctx(c), input: { conversationId: c.req.param("id") } });
    // Supervisors and admins get the reassignment form; agents never see it (the API refuses them too).
    const supervising = c.var.staff.roles.some((r) => r === "supervisor" || r === "admin");
    const staff = supervising ? await listAssignableStaff({ ctx: ctx(c) }) : undefined;
    return c.html(page(deps.cityName, "Conversation", conversationBody(view, staff), c.var.staffSessionCsrf));
  });
  return app;
}

function waited(seconds: number | null): string {
  if (seconds === null) return "";
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

function queueRows(list: QueueEntry[], waiting: boolean): string {
  if (list.length === 0) {
    return `<tr><td colspan="8">${waiting ? "Nobody is waiting." : "No conversation is held."}</td></tr>`;
  }
  return list
    .map((c) => {
      const href = `/staff/conversations/${encodeURIComponent(c.id)}`;
      const action = waiting
        ? `<button type="button" data-action="take-over" data-id="${escapeHtml(c.id)}">Take over</button>`
        : `<a href="${href}">Open</a>`;
      return `<tr data-conversation="${escapeHtml(c.id)}"><td><a href="${href}">${escapeHtml(c.lastCitizenText ?? "(no message)")}</a></td><td>${escapeHtml(c.lang)}</td><td>${escapeHtml(c.channel)}</td><td>${escapeHtml(c.department ?? "—")}</td><td>${escapeHtml(c.reason ?? "")}</td><td${c.handoffRequestedAt ? ` data-since="${escapeHtml(c.handoffRequestedAt)}"` : ""}>${escapeHtml(waited(c.waitingSeconds))}</td><td>${escapeHtml(c.assignedStaffName ?? c.assignedStaffId ?? (waiting ? "Nobody yet" : ""))}</td><td>${action}</td></tr>`;
    })
    .join("\n");
}

function assignForm(view: StaffConversationView, staff: AssignableStaff[] | undefined): string {
  if (!staff || (view.state !== "waiting" && view.state !== "human")) return "";
  const options = staff
    .map(
      (p) =>
        `<option value="${escapeHtml(p.id)}"${p.id === view.assignedStaffId ? " selected" : ""}>${escapeHtml(p.name ?? p.id)} (${p.available ? "available" : "not available"}, ${p.load} of ${p.capacity}${p.languages.length ? `, ${escapeHtml(p.languages.join(" "))}` : ""})</option>`,
    )
    .join("");
  return `<form id="assign-form" class="assign">
<label for="assign-to">Assign to</label>
<select id="assign-to">${options}</select>
<button type="submit" class="secondary">Assign</button>
</form>`;
}

function conversationBody(view: StaffConversationView, staff?: AssignableStaff[]): string {
  const transcript = view.transcript
    .filter((m) => m.text)
    .map(
      (m) =>
        `<li class="msg msg-${escapeHtml(m.role)}"><span class="who">${escapeHtml(ROLE_NAMES[m.role] ?? m.role)} · ${escapeHtml(m.createdAt.slice(11, 19))} UTC</span><p${m.lang ? ` lang="${escapeHtml(m.lang)}"` : ""}>${escapeHtml(m.text)}</p>${citationList(m.citations)}</li>`,
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
    .filter((e) => e.kind === "owner_changed" || e.kind === "assigned" || e.kind === "handoff_closed")
    .map((e) => {
      const when = escapeHtml(e.createdAt.slice(0, 16).replace("T", " "));
      const who = escapeHtml(e.actorKind === "staff" ? (e.actorId ?? "staff") : e.actorKind);
      const why = escapeHtml(e.reason ?? "");
      if (e.kind === "assigned") {
        return `<li>${when}: ${e.text ? `assigned to ${escapeHtml(e.text)}` : "returned to the queue"} by ${e.actorId === "queue" ? "the queue" : who} (${why})</li>`;
      }
      if (e.kind === "handoff_closed") {
        return `<li>${when}: not queued, out of business hours (${why})</li>`;
      }
      return `<li>${when}: ${escapeHtml(e.fromState ?? "")} → ${escapeHtml(e.toState ?? "")} by ${who} (${why})</li>`;
    })
    .join("");
  return `<p><a href="/staff">← All conversations</a></p>
<h1>Conversation</h1>
<div id="conversation" data-id="${escapeHtml(view.id)}" class="layout">
<div>
<dl class="facts">
<dt>Owner</dt><dd id="owner-state">${escapeHtml(view.state)}${view.assignedStaffId ? ` (${escapeHtml(view.assignedStaffName ?? view.assignedStaffId)})` : ""}</dd>
<dt>Reason</dt><dd>${escapeHtml(view.reason ?? "—")}</dd>
<dt>Channel</dt><dd>${escapeHtml(view.channel)}</dd>
<dt>Language</dt><dd>${escapeHtml(view.lang)}</dd>
</dl>
<div class="actions">
<button type="button" data-action="take-over">Take over</button>
<button type="button" data-action="hand-back" class="secondary">Hand back to assistant</button>
<button type="button" data-action="close" class="secondary">Close</button>
</div>
${assignForm(view, staff)}
<h2>Transcript</h2>
<ol id="transcript" class="transcript" aria-live="polite">${transcript}</ol>
<form id="reply-form">
<label for="reply-text">Reply to the citizen</label>
<textarea id="reply-text" rows="5" maxlength="1600"></textarea>
<button type="submit">Send reply</button>
</form>
</div>
<aside>
<h2>Suggested replies</h2>
<p class="tag">From the knowledge base for the citizen's latest question. Insert one, edit it, then send.</p>
<ul id="suggestions" class="suggestions"><li>Looking for articles…</li></ul>
<h2>Summary</h2>
<p class="tag">Extractive: quoted from the transcript, not written by a model.</p>
<ul id="summary">${summary}</ul>
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

function citationList(citations: { title: string; url: string }[]): string {
  const safe = citations.filter((c) => /^https?:\/\//i.test(c.url));
  if (safe.length === 0) return "";
  return `<ul class="cites" aria-label="Sources of this reply">${safe
    .map((c) => `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a></li>`)
    .join("")}</ul>`;
}

/** Within this of its due time a clock shows as due soon. */
const DUE_SOON_MS = 2 * 3600_000;

/** The clock that runs out first on an open case, and how it stands now, in words (colour only repeats it). */
export function slaCountdown(
  sla: CaseView["sla"],
  status: string,
  now: Date,
): { level: "breached" | "soon" | "ok" | "none"; text: string; due: string | null } {
  if (status === "resolved" || status === "closed") return { level: "none", text: "Done", due: null };
  if (sla.pausedSince) return { level: "none", text: "Paused: waiting for the citizen", due: null };
  const dues = [
    sla.firstRespondedAt ? null : sla.firstResponseDueAt,
    sla.nextResponseDueAt,
    sla.resolutionDueAt,
  ]
    .filter((d): d is string => Boolean(d))
    .sort();
  const due = dues[0] ?? null;
  if (!due) return { level: "none", text: "No SLA", due: null };
  const left = Date.parse(due) - now.getTime();
  if (left < 0) return { level: "breached", text: `Breached ${span(-left)} ago`, due };
  if (left <= DUE_SOON_MS) return { level: "soon", text: `Due soon: in ${span(left)}`, due };
  return { level: "ok", text: `On time: due in ${span(left)}`, due };
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function casesBody(list: CaseView[], query: Record<string, string>, now: Date): string {
  const option = (value: string, label: string, current: string | undefined) =>
    `<option value="${value}"${current === value ? " selected" : ""}>${label}</option>`;
  const rows =
    list.length === 0
      ? `<tr><td colspan="8">No case matches.</td></tr>`
      : list
          .map((k) => {
            const clock = slaCountdown(k.sla, k.status, now);
            return `<tr><td class="nowrap">${escapeHtml(k.reference)}</td><td>${escapeHtml(k.service.name)}</td><td>${escapeHtml(k.status.replaceAll("_", " "))}</td><td>${escapeHtml(k.priority)}</td><td>${escapeHtml(k.department)}</td><td>${escapeHtml(k.assigneeId ?? "Nobody")}</td><td><span class="sla sla-${clock.level}"${clock.due ? ` data-due="${escapeHtml(clock.due)}"` : ""}>${escapeHtml(clock.text)}</span></td><td class="nowrap">${clock.due ? escapeHtml(clock.due.slice(0, 16).replace("T", " ")) : "—"}</td></tr>`;
          })
          .join("\n");
  return `<h1>Cases</h1>
<form method="get" action="/staff/cases" class="filters">
<label for="f-status">Status</label>
<select id="f-status" name="status">
${option("new,open,in_progress,waiting_for_citizen", "All open", query.status ?? "new,open,in_progress,waiting_for_citizen")}
${option("new", "New", query.status)}${option("open", "Open", query.status)}${option("in_progress", "In progress", query.status)}
${option("waiting_for_citizen", "Waiting for the citizen", query.status)}${option("resolved,closed", "Resolved or closed", query.status)}
</select>
<label for="f-department">Department</label>
<input id="f-department" name="department" value="${escapeHtml(query.department ?? "")}" size="14">
<label><input type="checkbox" name="assignee" value="me"${query.assignee === "me" ? " checked" : ""}> Mine only</label>
<label><input type="checkbox" name="sla" value="breached"${query.sla === "breached" ? " checked" : ""}> Breached only</label>
<button type="submit" class="secondary">Filter</button>
</form>
<table>
<caption class="visually-hidden">Cases with the SLA clock that runs out first; times in UTC</caption>
<thead><tr><th scope="col">Reference</th><th scope="col">Service</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Department</th><th scope="col">Assignee</th><th scope="col">SLA</th><th scope="col">Due (UTC)</th></tr></thead>
<tbody id="cases-body">${rows}</tbody>
</table>`;
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
header nav a{margin-left:1rem}
.nowrap{white-space:nowrap}
.assign{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 1rem}
.assign select{font:inherit;padding:.25rem;max-width:100%}
button[aria-pressed="true"]{background:#1e5e2a;border-color:#1e5e2a;color:#fff}
button[aria-pressed="true"]::before{content:"\\2713  "}
.live{font-size:.875rem;color:#333}
.cites{margin:.25rem 0 0;padding-left:1.25rem;font-size:.875rem}
.suggestions{list-style:none;padding:0}
.suggestions li{border:1px solid #8a8a8a;border-radius:6px;padding:.5rem;margin:0 0 .5rem}
.suggestions p{margin:.25rem 0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9375rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}
.filters select,.filters input[type=text],.filters input:not([type]){font:inherit;padding:.25rem}
.sla{display:inline-block;padding:.125rem .5rem;border-radius:4px;font-weight:600;border:1px solid}
.sla-breached{background:#fdeceb;color:#8c1d18;border-color:#b3261e}
.sla-breached::before{content:"\\26A0  "}
.sla-soon{background:#fff4d6;color:#5c4300;border-color:#8a6d00}
.sla-soon::before{content:"\\25D4  "}
.sla-ok{background:#e3f1e3;color:#1e4620;border-color:#2e6b34}
.sla-none{background:#f1f1f1;color:#333;border-color:#8a8a8a}
</style>
<script src="/staff/console.js" defer></script>
</head>
<body>
<header><span>${escapeHtml(cityName)} · Staff console</span><nav aria-label="Console"><a href="/staff">Conversations</a> <a href="/staff/cases">Cases</a></nav></header>
<main>
<p id="console-status" role="status"></p>
${body}
</main>
</body>
</html>`;
}
