/**
 * The console's one script, served from /staff/console.js (the pages' CSP allows only same-origin
 * scripts). It keeps the queue and the open conversation current by polling the staff API, and sends
 * the staff member's actions with the session's CSRF token. Everything it shows goes in as text.
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
    if (!res.ok) throw new Error(data.detail || res.statusText);
    return data;
  };
  const waited = (seconds) => seconds == null ? "" : seconds < 60 ? seconds + " s" : Math.floor(seconds / 60) + " min";
  const ROLE = { citizen: "Citizen", assistant: "Assistant", staff: "Staff", system: "Notice" };

  const queue = document.getElementById("queue-body");
  if (queue) {
    const render = (list) => {
      queue.replaceChildren();
      const count = document.getElementById("queue-count");
      if (count) count.textContent = String(list.length);
      if (list.length === 0) {
        const row = el("tr"); row.append(el("td", { colspan: "7" }, "Nobody is waiting."));
        queue.append(row); return;
      }
      for (const c of list) {
        const row = el("tr", { "data-conversation": c.id });
        const link = el("a", { href: "/staff/conversations/" + encodeURIComponent(c.id) }, c.lastCitizenText || "(no message)");
        const first = el("td"); first.append(link);
        row.append(first, el("td", {}, c.lang), el("td", {}, c.channel), el("td", {}, c.department || "—"),
          el("td", {}, c.reason || ""), el("td", {}, waited(c.waitingSeconds)));
        const take = el("button", { type: "button", "data-action": "take-over", "data-id": c.id }, "Take over");
        const cell = el("td"); cell.append(take); row.append(cell);
        queue.append(row);
      }
    };
    const poll = async () => { try { render((await api("GET", "/v1/staff/conversations")).conversations); } catch (e) { say(e.message); } };
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
    setInterval(poll, 3000);
  }

  const view = document.getElementById("conversation");
  if (view) {
    const id = view.dataset.id;
    const transcript = document.getElementById("transcript");
    const state = document.getElementById("owner-state");
    let shown = transcript.children.length;
    const refresh = async () => {
      const data = await api("GET", "/v1/staff/conversations/" + encodeURIComponent(id));
      if (state) state.textContent = data.state + (data.assignedStaffId ? " (" + data.assignedStaffId + ")" : "");
      const messages = data.transcript.filter((m) => m.text);
      if (messages.length === shown) return;
      transcript.replaceChildren();
      for (const m of messages) {
        const item = el("li", { class: "msg msg-" + m.role });
        item.append(el("span", { class: "who" }, (ROLE[m.role] || m.role) + " · " + m.createdAt.slice(11, 19) + " UTC"));
        item.append(el("p", m.lang ? { lang: m.lang } : {}, m.text));
        transcript.append(item);
      }
      shown = messages.length;
    };
    const act = async (path, body, done) => {
      try { await api("POST", "/v1/staff/conversations/" + encodeURIComponent(id) + "/" + path, body);
        say(done); await refresh(); } catch (e) { say(e.message); }
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
    const note = document.getElementById("note-form");
    note?.addEventListener("submit", async (event) => {
      event.preventDefault();
      const box = document.getElementById("note-text");
      if (!box.value.trim()) return;
      await act("notes", { text: box.value }, "Note saved.");
      box.value = "";
    });
    setInterval(() => { refresh().catch((e) => say(e.message)); }, 3000);
  }
})();
`;
