/**
 * The console's one script, served from /staff/console.js (the pages' CSP allows only same-origin
 * scripts). The queue and the held list stay current through the server-sent event stream
 * /v1/staff/queue/stream, the open conversation through /v1/staff/conversations/{id}/stream (the browser
 * reconnects by itself); only when a stream fails does the page read the staff API every few seconds. It
 * sends the staff member's actions with the session's CSRF token. Everything it shows goes in as text.
 */
export const CONSOLE_JS = `"use strict";
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") ?? "";
  const status = document.getElementById("console-status");
  const say = (text) => { if (status) status.textContent = text; };
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const api = async (method, path, body) => {
    const headers = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET") headers["x-csrf-token"] = csrf;
    const res = await fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401) { location.href = "/staff/sign-in?next=" + encodeURIComponent(location.pathname); }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      // The problem's field errors say what to fix ("status: Invalid option ..."); the detail alone may not.
      const fields = (Array.isArray(data.errors) ? data.errors : []).map((e) => (e.path ? e.path + ": " : "") + e.message);
      throw new Error([data.detail || res.statusText, ...fields].join(" "));
    }
    return data;
  };
  const waited = (seconds) => seconds == null ? "" : seconds < 60 ? seconds + " s" : Math.floor(seconds / 60) + " min";
  const ROLE = { citizen: "Citizen", assistant: "Assistant", staff: "Staff", system: "Notice" };

  // Follows a server-sent event stream (the browser reconnects by itself after a dropped connection) and
  // falls back to polling only once the stream has failed: refused, or three errors in a row without an event.
  const follow = (path, event, onEvent, setLive, fallback) => {
    if (!window.EventSource) { fallback(); return undefined; }
    const stream = new EventSource(path);
    let failures = 0;
    stream.addEventListener("open", () => setLive("Live updates: on"));
    stream.addEventListener(event, (e) => { failures = 0; setLive("Live updates: on"); onEvent(JSON.parse(e.data)); });
    stream.addEventListener("error", () => {
      failures += 1;
      if (stream.readyState === EventSource.CLOSED || failures >= 3) { stream.close(); fallback(); }
      else setLive("Live updates: reconnecting…");
    });
    return stream;
  };

  const since = (iso) => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  const tick = () => {
    for (const cell of document.querySelectorAll("[data-since]")) cell.textContent = waited(since(cell.dataset.since));
  };

  const availability = document.getElementById("availability");
  availability?.addEventListener("click", async () => {
    const next = availability.getAttribute("aria-pressed") !== "true";
    try {
      const result = await api("POST", "/v1/staff/me/availability", { available: next });
      availability.setAttribute("aria-pressed", String(result.available));
      const text = document.getElementById("availability-text");
      if (text) text.textContent = result.available
        ? "You are available: the queue assigns you conversations up to your capacity."
        : "You are not available: the queue assigns you nothing.";
      say(result.available ? "You are available." + (result.assigned ? " " + result.assigned + " waiting conversation(s) assigned." : "") : "You are not available.");
    } catch (e) { say(e.message); }
  });

  const queue = document.getElementById("queue-body");
  if (queue) {
    const live = document.getElementById("queue-live");
    const heldBody = document.getElementById("held-body");
    const rows = (body, list, waiting) => {
      body.replaceChildren();
      if (list.length === 0) {
        const row = el("tr"); row.append(el("td", { colspan: "8" }, waiting ? "Nobody is waiting." : "No conversation is held."));
        body.append(row); return;
      }
      for (const c of list) {
        const row = el("tr", { "data-conversation": c.id });
        const href = "/staff/conversations/" + encodeURIComponent(c.id);
        const link = el("a", { href }, c.lastCitizenText || "(no message)");
        const first = el("td"); first.append(link);
        const wait = el("td", c.handoffRequestedAt ? { "data-since": c.handoffRequestedAt } : {}, waited(c.waitingSeconds));
        row.append(first, el("td", {}, c.lang), el("td", {}, c.channel), el("td", {}, c.department || "—"),
          el("td", {}, c.reason || ""), wait, el("td", {}, c.assignedStaffName || c.assignedStaffId || (waiting ? "Nobody yet" : "")));
        const cell = el("td");
        cell.append(waiting ? el("button", { type: "button", "data-action": "take-over", "data-id": c.id }, "Take over")
          : el("a", { href }, "Open"));
        row.append(cell);
        body.append(row);
      }
    };
    // One stream carries both lists: the waiting queue and the conversations staff hold.
    const render = (list) => {
      const waiting = list.filter((c) => c.state === "waiting");
      rows(queue, waiting, true);
      const count = document.getElementById("queue-count");
      if (count) count.textContent = String(waiting.length);
      if (heldBody) rows(heldBody, list.filter((c) => c.state === "human"), false);
      tick();
    };
    const setLive = (text) => { if (live) live.textContent = text; };
    const both = "?state=waiting,human&limit=200";
    let polling;
    const poll = () => {
      if (polling) return;
      setLive("Live updates: every 5 seconds");
      const read = async () => { try { render((await api("GET", "/v1/staff/conversations" + both)).conversations); } catch (e) { say(e.message); } };
      polling = setInterval(read, 5000);
      read();
    };
    follow("/v1/staff/queue/stream" + both, "queue", (data) => render(data.conversations), setLive, poll);
    queue.addEventListener("click", async (event) => {
      const button = event.target.closest("button[data-action='take-over']");
      if (!button) return;
      try {
        await api("POST", "/v1/staff/conversations/" + encodeURIComponent(button.dataset.id) + "/take-over", {});
        location.href = "/staff/conversations/" + encodeURIComponent(button.dataset.id);
      } catch (e) { say(e.message); }
    });
    document.getElementById("take-next")?.addEventListener("click", async () => {
      try {
        const taken = await api("POST", "/v1/staff/conversations/take-next", {});
        location.href = "/staff/conversations/" + encodeURIComponent(taken.id);
      } catch (e) { say(e.message); }
    });
    setInterval(tick, 5000);
  }

  // SLA badges on the cases list and on a case page count down by themselves.
  const cases = document.getElementById("cases-body") || document.getElementById("case");
  if (cases) {
    const span = (ms) => {
      const minutes = Math.max(1, Math.round(ms / 60000));
      if (minutes < 60) return minutes + " min";
      const hours = Math.floor(minutes / 60);
      return hours < 48 ? hours + " h " + (minutes % 60) + " min" : Math.floor(hours / 24) + " d " + (hours % 24) + " h";
    };
    const countdown = () => {
      for (const badge of cases.querySelectorAll("[data-due]")) {
        const left = Date.parse(badge.dataset.due) - Date.now();
        const level = left < 0 ? "breached" : left <= 7200000 ? "soon" : "ok";
        badge.className = "sla sla-" + level;
        badge.textContent = level === "breached" ? "Breached " + span(-left) + " ago"
          : level === "soon" ? "Due soon: in " + span(left) : "On time: due in " + span(left);
      }
    };
    setInterval(countdown, 30000);
  }

  const caseView = document.getElementById("case");
  if (caseView) {
    const reference = caseView.dataset.reference;
    // Each form posts to the staff cases API; success reloads the page (history, status, clock) with a
    // message, a refusal is shown in the form's own alert and leaves what was typed in place.
    const wire = (formId, path, body, done) => {
      const form = document.getElementById(formId);
      if (!form) return;
      const error = form.querySelector("[role='alert']");
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (error) error.textContent = "";
        const payload = body();
        if (typeof payload === "string") { if (error) error.textContent = payload; return; }
        const button = form.querySelector("button[type='submit']");
        if (button) button.disabled = true;
        try {
          await api("POST", "/v1/staff/cases/" + encodeURIComponent(reference) + "/" + path, payload);
          location.href = location.pathname + "?done=" + done;
        } catch (e) {
          if (error) error.textContent = e.message || "The change was not saved.";
          if (button) button.disabled = false;
        }
      });
    };
    wire("case-status-form", "status", () => {
      const note = document.getElementById("case-status-note").value.trim();
      return note ? { status: document.getElementById("case-status").value, note }
        : { status: document.getElementById("case-status").value };
    }, "status");
    wire("case-note-form", "notes", () => {
      const note = document.getElementById("case-note-text").value.trim();
      return note ? { note, visibility: "internal" } : "Write the note first.";
    }, "note");
    wire("case-assign-form", "assign", () => {
      const form = document.getElementById("case-assign-form");
      const department = document.getElementById("case-assign-department").value;
      const assignee = document.getElementById("case-assign-to").value;
      return department && department !== form.dataset.department
        ? { assigneeId: assignee || null, department } : { assigneeId: assignee || null };
    }, "assign");
  }

  const view = document.getElementById("conversation");
  if (view) {
    const id = view.dataset.id;
    const transcript = document.getElementById("transcript");
    const state = document.getElementById("owner-state");
    let shown = transcript.children.length;
    // Notes and the owner history, in the words the page was rendered with.
    const renderEvents = (events) => {
      const notes = document.getElementById("notes");
      if (notes) {
        const list = events.filter((e) => e.kind === "note");
        notes.replaceChildren(...(list.length ? list : [null]).map((n) =>
          el("li", {}, n ? (n.actorName || n.actorId || "") + ": " + (n.text || "") : "None yet.")));
      }
      const history = document.getElementById("history");
      if (history) {
        const list = events.filter((e) => e.kind === "owner_changed" || e.kind === "assigned" || e.kind === "handoff_closed");
        history.replaceChildren(...(list.length ? list : [null]).map((e) => {
          if (!e) return el("li", {}, "None.");
          const when = e.createdAt.slice(0, 16).replace("T", " ");
          const who = e.actorKind === "staff" ? (e.actorName || e.actorId || "staff") : e.actorKind;
          const why = e.reason || "";
          if (e.kind === "assigned") return el("li", {}, when + ": " + (e.text ? "assigned to " + e.text : "returned to the queue") + " by " + (e.actorId === "queue" ? "the queue" : who) + " (" + why + ")");
          if (e.kind === "handoff_closed") return el("li", {}, when + ": not queued, out of business hours (" + why + ")");
          return el("li", {}, when + ": " + (e.fromState || "") + " → " + (e.toState || "") + " by " + who + " (" + why + ")");
        }));
      }
    };
    const render = (data) => {
      if (state) state.textContent = data.state + (data.assignedStaffId ? " (" + (data.assignedStaffName || data.assignedStaffId) + ")" : "");
      // The viewer holding the conversation has nothing to take over; a closed one, nothing to act on.
      const closed = data.state === "closed";
      const takeOver = view.querySelector("button[data-action='take-over']");
      if (takeOver) takeOver.hidden = closed || (data.state === "human" && data.assignedStaffId === view.dataset.viewer);
      for (const action of ["hand-back", "close"]) {
        const button = view.querySelector("button[data-action='" + action + "']");
        if (button) button.hidden = closed;
      }
      if (data.events) renderEvents(data.events);
      const messages = data.transcript.filter((m) => m.text);
      if (messages.length === shown) return;
      transcript.replaceChildren();
      for (const m of messages) {
        const item = el("li", { class: "msg msg-" + m.role });
        item.append(el("span", { class: "who" }, (ROLE[m.role] || m.role) + " · " + m.createdAt.slice(11, 19) + " UTC"));
        item.append(el("p", m.lang ? { lang: m.lang } : {}, m.text));
        const files = (m.attachments || []).filter((a) => /^https?:\\/\\//i.test(a.url));
        if (files.length > 0) {
          const list = el("ul", { class: "attachments", "aria-label": "Attachments the citizen sent" });
          files.forEach((a, i) => {
            const li = el("li");
            li.append(el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" },
              "Attachment " + (i + 1) + (a.contentType ? " (" + a.contentType + ")" : "")));
            list.append(li);
          });
          item.append(list);
        }
        const cites = (m.citations || []).filter((c) => /^https?:\\/\\//i.test(c.url));
        if (cites.length > 0) {
          const list = el("ul", { class: "cites", "aria-label": "Sources of this reply" });
          for (const c of cites) { const li = el("li"); li.append(el("a", { href: c.url }, c.title)); list.append(li); }
          item.append(list);
        }
        transcript.append(item);
      }
      shown = messages.length;
      const summary = document.getElementById("summary");
      if (summary) {
        summary.replaceChildren();
        const generated = data.summary.kind === "generated";
        summary.dataset.kind = data.summary.kind;
        for (const line of data.summary.lines) {
          const item = el("li");
          if (generated) item.append(line);
          else item.append(el("strong", {}, (ROLE[line.role] || line.role) + ":"), " " + line.text);
          summary.append(item);
        }
        const label = document.getElementById("summary-label");
        if (label) label.textContent = generated
          ? "Generated by " + data.summary.model + ", check the transcript: a model wrote this and may be wrong."
          : "Extractive: quoted from the transcript, not written by a model.";
      }
      loadSuggestions();
    };
    const refresh = async () => render(await api("GET", "/v1/staff/conversations/" + encodeURIComponent(id)));
    const conversationLive = document.getElementById("conversation-live");
    const setLive = (text) => { if (conversationLive) conversationLive.textContent = text; };
    let streaming = true;
    const poll = () => {
      streaming = false;
      setLive("Live updates: every 3 seconds");
      setInterval(() => { refresh().catch((e) => say(e.message)); }, 3000);
    };
    const suggestions = document.getElementById("suggestions");
    const loadSuggestions = async () => {
      if (!suggestions) return;
      try {
        const data = await api("GET", "/v1/staff/conversations/" + encodeURIComponent(id) + "/suggestions");
        suggestions.replaceChildren();
        if (data.suggestions.length === 0) { suggestions.append(el("li", {}, "No article matches the citizen's latest messages.")); return; }
        for (const s of data.suggestions) {
          const item = el("li");
          const title = el("strong", {}, s.title);
          item.append(title);
          if (s.url) { item.append(" "); item.append(el("a", { href: s.url }, "Open article")); }
          item.append(el("p", {}, s.text));
          const insert = el("button", { type: "button", class: "secondary" }, "Insert “" + s.title + "”");
          insert.addEventListener("click", () => {
            const box = document.getElementById("reply-text");
            box.value = box.value.trim() ? box.value.trimEnd() + "\\n\\n" + s.text : s.text;
            box.focus();
            say("Suggestion inserted: edit it, then send.");
          });
          item.append(insert);
          suggestions.append(item);
        }
      } catch (e) { suggestions.replaceChildren(el("li", {}, "Suggestions unavailable: " + e.message)); }
    };
    loadSuggestions();
    const act = async (path, body, done) => {
      try { await api("POST", "/v1/staff/conversations/" + encodeURIComponent(id) + "/" + path, body);
        // The stream brings the change within a second; a page that polls reads it at once.
        say(done); if (!streaming) await refresh(); } catch (e) { say(e.message); }
    };
    for (const button of document.querySelectorAll("button[data-action]")) {
      button.addEventListener("click", () => {
        const action = button.dataset.action;
        act(action, {}, { "take-over": "You hold this conversation.", "hand-back": "Handed back to the assistant.", close: "Conversation closed." }[action]);
      });
    }
    const reply = document.getElementById("reply-form");
    reply?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const box = document.getElementById("reply-text");
      if (!box.value.trim()) return;
      await act("messages", { text: box.value }, "Reply sent.");
      box.value = "";
    });
    const assign = document.getElementById("assign-form");
    assign?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const choice = document.getElementById("assign-to");
      const name = choice.options[choice.selectedIndex]?.textContent || choice.value;
      await act("assign", { staffId: choice.value }, "Assigned to " + name.replace(/ \\(.*$/, "") + ".");
    });
    const note = document.getElementById("note-form");
    note?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const box = document.getElementById("note-text");
      if (!box.value.trim()) return;
      await act("notes", { text: box.value }, "Note saved.");
      box.value = "";
    });
    const stream = follow("/v1/staff/conversations/" + encodeURIComponent(id) + "/stream", "conversation", render, setLive, poll);
    stream?.addEventListener("gone", () => { stream.close(); setLive("This conversation no longer exists (erased)."); });
  }
})();
`;
