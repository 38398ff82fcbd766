import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { CaseStatus, canMoveTo } from "../../services/cases/case-status";
import type { CaseEventView, CaseView } from "../../services/cases/case-view";
import type { CaseContext } from "../../services/cases/context";
import { type CaseDetail, getCase } from "../../services/cases/get-case";
import { type CaseAssignees, listCaseAssignees } from "../../services/cases/list-case-assignees";
import { type CaseNoticeView, listCaseNotices } from "../../services/cases/list-case-notices";
import { listCases } from "../../services/cases/list-cases";
import { type AssignableStaff, listAssignableStaff } from "../../services/handoff/assign-conversation";
import type { HandoffContext } from "../../services/handoff/context";
import {
  getStaffConversation,
  type StaffConversationView,
} from "../../services/handoff/get-staff-conversation";
import { listHandoffQueue, type QueueEntry } from "../../services/handoff/list-handoff-queue";
import type { SummaryDeps } from "../../services/handoff/summarize-conversation";
import { getStaffProfile } from "../../services/staff/get-staff-profile";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";
import { CONSOLE_JS } from "../staff-console/console-script";

export interface StaffConsoleDeps {
  database: Database;
  staffTokens: StaffTokenEntry[];
  cityName: string;
  /** Writes conversation summaries with the chat model; the extractive summary only without it. */
  summaries?: SummaryDeps | undefined;
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
    ...(deps.summaries ? { summaries: deps.summaries } : {}),
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
<tbody id="held-body">${queueRows(held.conversations, false)}</tbody>
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

  // The case page only reads; its forms post to the /v1/staff/cases API (CSRF token, roles, audit there).
  app.get("/staff/cases/:reference", ...pages, async (c) => {
    const caseCtx: CaseContext = { database: deps.database, actor: c.var.staff, requestId: c.var.requestId };
    const input = { reference: c.req.param("reference") };
    const detail = await getCase({ ctx: caseCtx, input });
    const notices = await listCaseNotices({ ctx: caseCtx, input });
    const assignees = await listCaseAssignees({ ctx: caseCtx });
    const done = CASE_DONE[c.req.query("done") ?? ""];
    const admin = c.var.staff.roles.includes("admin");
    return c.html(
      page(
        deps.cityName,
        `Case ${detail.case.reference}`,
        caseBody(detail, notices, assignees, { admin, now: new Date() }),
        c.var.staffSessionCsrf,
        done,
      ),
    );
  });

  app.get("/staff/conversations/:id", ...pages, async (c) => {
    const view = await getStaffConversation({ ctx: ctx(c), input: { conversationId: c.req.param("id") } });
    // Supervisors and admins get the reassignment form; agents never see it (the API refuses them too).
    const supervising = c.var.staff.roles.some((r) => r === "supervisor" || r === "admin");
    const staff = supervising ? await listAssignableStaff({ ctx: ctx(c) }) : undefined;
    return c.html(
      page(
        deps.cityName,
        "Conversation",
        conversationBody(view, c.var.staff.userId, staff),
        c.var.staffSessionCsrf,
      ),
    );
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

/** The citizen's attachments as links to the provider (opened in a new tab, no referrer sent). */
function attachmentList(attachments: StaffConversationView["transcript"][number]["attachments"]): string {
  const links = attachments.filter((a) => /^https?:\/\//i.test(a.url));
  if (links.length === 0) return "";
  const items = links
    .map(
      (a, i) =>
        `<li><a href="${escapeHtml(a.url)}" target="_blank" rel="noopener noreferrer">Attachment ${i + 1}${a.contentType ? ` (${escapeHtml(a.contentType)})` : ""}</a></li>`,
    )
    .join("");
  return `<ul class="attachments" aria-label="Attachments the citizen sent">${items}</ul>`;
}

function conversationBody(view: StaffConversationView, viewerId: string, staff?: AssignableStaff[]): string {
  // Nothing to take over from oneself: the button shows again (by the page's script) once they let go.
  const viewerHolds = view.state === "human" && view.assignedStaffId === viewerId;
  // A closed conversation has nothing left to take over, hand back or close.
  const closed = view.state === "closed";
  const transcript = view.transcript
    .filter((m) => m.text)
    .map(
      (m) =>
        `<li class="msg msg-${escapeHtml(m.role)}"><span class="who">${escapeHtml(ROLE_NAMES[m.role] ?? m.role)} · ${escapeHtml(m.createdAt.slice(11, 19))} UTC</span><p${m.lang ? ` lang="${escapeHtml(m.lang)}"` : ""}>${escapeHtml(m.text)}</p>${attachmentList(m.attachments)}${citationList(m.citations)}</li>`,
    )
    .join("\n");
  const summary =
    view.summary.kind === "generated"
      ? view.summary.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")
      : view.summary.lines
          .map(
            (l) =>
              `<li><strong>${escapeHtml(ROLE_NAMES[l.role] ?? l.role)}:</strong> ${escapeHtml(l.text)}</li>`,
          )
          .join("");
  const summaryTag =
    view.summary.kind === "generated"
      ? `<p class="tag" id="summary-label">Generated by ${escapeHtml(view.summary.model)}, check the transcript: a model wrote this and may be wrong.</p>`
      : `<p class="tag" id="summary-label">Extractive: quoted from the transcript, not written by a model.</p>`;
  const cases =
    view.openCases.length === 0
      ? "<p>No open cases.</p>"
      : `<ul>${view.openCases.map((c) => `<li><a href="/staff/cases/${encodeURIComponent(c.reference)}">${escapeHtml(c.reference)}</a> · ${escapeHtml(c.serviceCode)} · ${escapeHtml(c.status)}</li>`).join("")}</ul>`;
  const notes = view.events.filter((e) => e.kind === "note");
  const history = view.events
    .filter((e) => e.kind === "owner_changed" || e.kind === "assigned" || e.kind === "handoff_closed")
    .map((e) => {
      const when = escapeHtml(e.createdAt.slice(0, 16).replace("T", " "));
      const who = escapeHtml(e.actorKind === "staff" ? (e.actorName ?? e.actorId ?? "staff") : e.actorKind);
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
<p><span id="conversation-live" class="live">Live updates: connecting…</span></p>
<div id="conversation" data-id="${escapeHtml(view.id)}" data-viewer="${escapeHtml(viewerId)}" class="layout">
<div>
<dl class="facts">
<dt>Owner</dt><dd id="owner-state">${escapeHtml(view.state)}${view.assignedStaffId ? ` (${escapeHtml(view.assignedStaffName ?? view.assignedStaffId)})` : ""}</dd>
<dt>Reason</dt><dd>${escapeHtml(view.reason ?? "—")}</dd>
<dt>Channel</dt><dd>${escapeHtml(view.channel)}</dd>
<dt>Language</dt><dd>${escapeHtml(view.lang)}</dd>
</dl>
<div class="actions">
<button type="button" data-action="take-over"${viewerHolds || closed ? " hidden" : ""}>Take over</button>
<button type="button" data-action="hand-back" class="secondary"${closed ? " hidden" : ""}>Hand back to assistant</button>
<button type="button" data-action="close" class="secondary"${closed ? " hidden" : ""}>Close</button>
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
${summaryTag}
<ul id="summary" data-kind="${view.summary.kind}" aria-describedby="summary-label">${summary}</ul>
<h2>Open cases</h2>
${cases}
<h2>Private notes</h2>
<ul id="notes">${notes.map((n) => `<li>${escapeHtml(n.actorName ?? n.actorId ?? "")}: ${escapeHtml(n.text ?? "")}</li>`).join("") || "<li>None yet.</li>"}</ul>
<form id="note-form">
<label for="note-text">Add a private note (not shown to the citizen)</label>
<textarea id="note-text" rows="2" maxlength="4000"></textarea>
<button type="submit" class="secondary">Add note</button>
</form>
<h2>Owner history</h2>
<ul id="history">${history || "<li>None.</li>"}</ul>
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
            return `<tr><td class="nowrap"><a href="/staff/cases/${encodeURIComponent(k.reference)}">${escapeHtml(k.reference)}</a></td><td>${escapeHtml(k.service.name)}</td><td>${escapeHtml(k.status.replaceAll("_", " "))}</td><td>${escapeHtml(k.priority)}</td><td>${escapeHtml(k.department)}</td><td>${escapeHtml(k.assigneeId ?? "Nobody")}</td><td><span class="sla sla-${clock.level}"${clock.due ? ` data-due="${escapeHtml(clock.due)}"` : ""}>${escapeHtml(clock.text)}</span></td><td class="nowrap">${clock.due ? escapeHtml(clock.due.slice(0, 16).replace("T", " ")) : "—"}</td></tr>`;
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

/** What the case page says after one of its forms succeeded (the script reloads it with ?done=). */
const CASE_DONE: Record<string, string> = {
  status: "Status changed. The citizen was sent the new status and your note.",
  note: "Private note added.",
  assign: "Assignment saved.",
};

const STATUS_NAMES: Record<CaseStatus, string> = {
  new: "New",
  open: "Open",
  in_progress: "In progress",
  waiting_for_citizen: "Waiting for the citizen",
  resolved: "Resolved",
  closed: "Closed",
};

const statusName = (status: string | null) =>
  status ? (STATUS_NAMES[status as CaseStatus] ?? status.replaceAll("_", " ")) : "";

const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

const NOTICE_NAMES: Record<string, string> = {
  "case.opened": "case opened",
  "case.linked": "report joined this case",
  "case.status_change": "status change",
  "case.note": "reply",
};

interface HistoryItem {
  at: string;
  kind: string;
  title: string;
  text?: string | null;
  lang?: string | null;
}

/** Case events and the notices sent to citizens, in time order, each as a title line and its text. */
function caseHistory(
  events: CaseEventView[],
  notices: CaseNoticeView[],
  nameOf: (id: string | null) => string,
): HistoryItem[] {
  const by = (e: CaseEventView) =>
    e.actorType === "staff" ? nameOf(e.actorId) : e.actorType === "citizen" ? "the citizen" : "the system";
  const items: HistoryItem[] = events.map((e) => {
    const data = e.data as Record<string, unknown>;
    const field = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : null);
    switch (e.type) {
      case "case.opened":
        return { at: e.at, kind: "status", title: `Opened by ${by(e)}` };
      case "case.status_change":
        return {
          at: e.at,
          kind: "status",
          title: `Status ${statusName(e.fromStatus)} → ${statusName(e.toStatus)} by ${by(e)}${e.note ? ", with a note to the citizen" : ""}`,
          text: e.note,
        };
      case "case.note":
        return e.visibility === "public"
          ? { at: e.at, kind: "status", title: `Reply to the citizen by ${by(e)}`, text: e.note }
          : { at: e.at, kind: "internal", title: `Private note by ${by(e)}`, text: e.note };
      case "case.assigned": {
        const to = field("toAssignee");
        const dept = field("toDepartment");
        const moved = dept && dept !== field("fromDepartment") ? `, department ${dept}` : "";
        return {
          at: e.at,
          kind: "assigned",
          title: `${to ? `Assigned to ${nameOf(to)}` : "Returned to the department's queue"}${moved}, by ${by(e)}`,
        };
      }
      case "case.priority_change":
        return {
          at: e.at,
          kind: "assigned",
          title: `Priority ${field("from") ?? ""} → ${field("to") ?? ""} by ${by(e)}`,
          text: e.note,
        };
      case "case.notice_failed":
        return {
          at: e.at,
          kind: "failed",
          title: "A notice to the citizen could not be delivered",
          text: e.note,
        };
      case "case.duplicate_report":
        return {
          at: e.at,
          kind: "assigned",
          title: "Another citizen reported the same problem",
          text: e.note,
        };
      default:
        return {
          at: e.at,
          kind: "other",
          title: `${e.type.replace(/^case\./, "").replaceAll("_", " ")} by ${by(e)}`,
          text: e.note,
        };
    }
  });
  for (const n of notices) {
    items.push({
      at: n.at,
      kind: "notice",
      title: `Sent to the ${n.to === "reporter" ? "citizen" : "other reporter"} by ${n.channel}${n.event && NOTICE_NAMES[n.event] ? ` (${NOTICE_NAMES[n.event]})` : ""}`,
      text: n.text,
      lang: n.lang,
    });
  }
  // Stable: a change and the notice it sent share a time; the change stays first.
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function caseBody(
  detail: CaseDetail,
  notices: CaseNoticeView[],
  assignees: CaseAssignees,
  viewer: { admin: boolean; now: Date },
): string {
  const k = detail.case;
  const names = new Map(assignees.staff.map((s) => [s.id, s.name ?? s.id]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : "Nobody");
  const clock = slaCountdown(k.sla, k.status, viewer.now);
  const location =
    [k.location.address, k.location.lat !== null ? `${k.location.lat}, ${k.location.long}` : null]
      .filter(Boolean)
      .join(" · ") || "—";
  const attributes = Object.entries(k.attributes)
    .map(
      ([key, value]) =>
        `<dt>${escapeHtml(key.replaceAll("_", " "))}</dt><dd>${escapeHtml(Array.isArray(value) ? value.join(", ") : value)}</dd>`,
    )
    .join("");
  const media = k.mediaUrls.filter((u) => /^https?:\/\//i.test(u));
  const history = caseHistory(detail.history, notices, nameOf)
    .map(
      (h) =>
        `<li class="ev-${h.kind}"><span class="who"><time datetime="${escapeHtml(h.at)}">${escapeHtml(utc(h.at))}</time> · ${escapeHtml(h.title)}</span>${h.text ? `<p${h.lang ? ` lang="${escapeHtml(h.lang)}"` : ""}>${escapeHtml(h.text)}</p>` : ""}</li>`,
    )
    .join("\n");

  const current = CaseStatus.safeParse(k.status);
  const next = current.success
    ? CaseStatus.options.filter((s) => canMoveTo(current.data, s))
    : ([] as CaseStatus[]);
  const statusForm =
    k.status === "closed" && !viewer.admin
      ? `<section class="case-form" aria-labelledby="status-title"><h2 id="status-title">Change status</h2><p>The case is closed. Only an admin can reopen it.</p></section>`
      : `<form id="case-status-form" class="case-form" aria-labelledby="status-title" novalidate>
<h2 id="status-title">Change status</h2>
<label for="case-status">New status</label>
<select id="case-status">${next.map((s) => `<option value="${s}">${escapeHtml(STATUS_NAMES[s])}</option>`).join("")}</select>
<label for="case-status-note">Note to the citizen (sent with the new status; optional)</label>
<textarea id="case-status-note" rows="3" maxlength="4000"></textarea>
<button type="submit">Change status</button>
<p id="case-status-error" class="form-error" role="alert"></p>
</form>`;
  const staffOptions = [
    `<option value=""${k.assigneeId ? "" : " selected"}>Nobody: the department's queue</option>`,
    ...assignees.staff.map(
      (s) =>
        `<option value="${escapeHtml(s.id)}"${s.id === k.assigneeId ? " selected" : ""}>${escapeHtml(s.name ?? s.id)}${s.departments.length ? ` (${escapeHtml(s.departments.join(", "))})` : ""}</option>`,
    ),
  ].join("");
  const deptList = assignees.departments.some((d) => d.code === k.department)
    ? assignees.departments
    : [{ code: k.department, name: k.department }, ...assignees.departments];
  const deptOptions = deptList
    .map(
      (d) =>
        `<option value="${escapeHtml(d.code)}"${d.code === k.department ? " selected" : ""}>${escapeHtml(d.name)}${d.name !== d.code ? ` (${escapeHtml(d.code)})` : ""}</option>`,
    )
    .join("");

  return `<p><a href="/staff/cases">← All cases</a></p>
<h1>Case ${escapeHtml(k.reference)}</h1>
<div id="case" data-reference="${escapeHtml(k.reference)}" class="layout">
<div>
<dl class="facts">
<dt>Service</dt><dd>${escapeHtml(k.service.name)} (${escapeHtml(k.service.code)})</dd>
<dt>Status</dt><dd id="case-status-now">${escapeHtml(statusName(k.status))}</dd>
<dt>SLA</dt><dd><span class="sla sla-${clock.level}"${clock.due ? ` data-due="${escapeHtml(clock.due)}"` : ""}>${escapeHtml(clock.text)}</span>${clock.due ? ` <span class="nowrap">due ${escapeHtml(utc(clock.due))}</span>` : ""}</dd>
<dt>Priority</dt><dd>${escapeHtml(k.priority)}</dd>
<dt>Department</dt><dd>${escapeHtml(k.department)}</dd>
<dt>Assignee</dt><dd id="case-assignee">${escapeHtml(nameOf(k.assigneeId))}</dd>
<dt>Location</dt><dd>${escapeHtml(location)}</dd>
<dt>Channel</dt><dd>${escapeHtml(k.channel)}${k.conversationId ? ` · <a href="/staff/conversations/${encodeURIComponent(k.conversationId)}">conversation</a>` : ""}</dd>
<dt>Language</dt><dd>${escapeHtml(k.lang)}</dd>
<dt>Opened</dt><dd>${escapeHtml(utc(k.createdAt))}</dd>
<dt>Other reporters</dt><dd>${detail.followers}</dd>
</dl>
<h2>Description</h2>
<p class="description" lang="${escapeHtml(k.lang)}">${escapeHtml(k.description)}</p>
${attributes ? `<h2>Details</h2><dl class="facts">${attributes}</dl>` : ""}
${media.length ? `<h2>Photos and files</h2><ul>${media.map((u, i) => `<li><a href="${escapeHtml(u)}">File ${i + 1}</a></li>`).join("")}</ul>` : ""}
<h2>SLA clocks</h2>
<dl class="facts">
<dt>First response</dt><dd>${k.sla.firstRespondedAt ? `answered ${escapeHtml(utc(k.sla.firstRespondedAt))}` : `due ${escapeHtml(utc(k.sla.firstResponseDueAt))}`}</dd>
<dt>Next response</dt><dd>${k.sla.nextResponseDueAt ? `due ${escapeHtml(utc(k.sla.nextResponseDueAt))}` : "—"}</dd>
<dt>Resolution</dt><dd>${k.sla.resolutionDueAt ? `due ${escapeHtml(utc(k.sla.resolutionDueAt))}` : "—"}</dd>
${k.sla.pausedSince ? `<dt>Paused</dt><dd>since ${escapeHtml(utc(k.sla.pausedSince))}</dd>` : ""}
</dl>
<h2>History</h2>
<ol id="case-history" class="history">${history || "<li>Nothing yet.</li>"}</ol>
</div>
<aside>
${statusForm}
<form id="case-note-form" class="case-form" aria-labelledby="note-title" novalidate>
<h2 id="note-title">Private note</h2>
<label for="case-note-text">Note for staff (never sent to the citizen)</label>
<textarea id="case-note-text" rows="3" maxlength="4000"></textarea>
<button type="submit" class="secondary">Add note</button>
<p id="case-note-error" class="form-error" role="alert"></p>
</form>
<form id="case-assign-form" class="case-form" aria-labelledby="assign-title" data-department="${escapeHtml(k.department)}" novalidate>
<h2 id="assign-title">Assignment</h2>
<label for="case-assign-department">Department</label>
<select id="case-assign-department">${deptOptions}</select>
<label for="case-assign-to">Assignee</label>
<select id="case-assign-to">${staffOptions}</select>
<button type="submit" class="secondary">Save assignment</button>
<p id="case-assign-error" class="form-error" role="alert"></p>
</form>
</aside>
</div>`;
}

function page(
  cityName: string,
  title: string,
  body: string,
  csrf: string | undefined,
  status?: string,
): string {
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
select,input{font:inherit}
.case-form{border:1px solid #8a8a8a;border-radius:6px;padding:.75rem;margin:0 0 1rem}
.case-form select{display:block;padding:.25rem;margin:.25rem 0 .5rem;max-width:100%}
.case-form h2{margin:0 0 .5rem;font-size:1.125rem}
.form-error{color:#8c1d18;font-weight:600;margin:.5rem 0 0;overflow-wrap:anywhere}
.form-error:empty{display:none}
.description{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.history{list-style:none;padding:0}
.history li{border-left:4px solid #8a8a8a;padding:.25rem .75rem;margin:0 0 .75rem}
.history p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.history .ev-status{border-color:#14365f}.history .ev-internal{border-color:#8a6d00;background:#fff8e5}
.history .ev-notice{border-color:#2e6b34;background:#f1f8f1}.history .ev-failed{border-color:#b3261e;background:#fdeceb}
</style>
<script src="/staff/console.js" defer></script>
</head>
<body>
<header><span>${escapeHtml(cityName)} · Staff console</span><nav aria-label="Console"><a href="/staff">Conversations</a> <a href="/staff/cases">Cases</a></nav></header>
<main>
<p id="console-status" role="status">${escapeHtml(status ?? "")}</p>
${body}
</main>
</body>
</html>`;
}
