import { ChatApi, type ChatMessage, HttpError, type Session } from "./api";
import { ENGLISH_FALLBACK, type WidgetStrings } from "./strings";
import { WIDGET_CSS } from "./styles";

interface WidgetBootstrap {
  strings: Record<string, WidgetStrings>;
  languages: { code: string; name: string }[];
}

declare global {
  interface Window {
    __civicdeskBootstrap?: WidgetBootstrap;
  }
}

const STORAGE_KEY = "civicdesk.conversation";
const POLL_MS = 10_000;
const SEND_ATTEMPTS = 3;
const ALERT_STATUSES = new Set(["blocked_emergency", "blocked_crisis"]);
// Read while this script runs: later (after DOMContentLoaded) document.currentScript is null.
const OWN_SCRIPT = document.currentScript as HTMLScriptElement | null;

/** Only web links leave the widget as anchors; anything else (javascript:, data:) is dropped. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  // textContent, never innerHTML: citizen, staff and model text is shown as text only.
  if (text !== undefined) node.textContent = text;
  return node;
}

function storedSession(): (Session & { lang: string }) | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session & { lang: string }) : null;
  } catch {
    return null;
  }
}

class Widget {
  private session: Session | null = null;
  private lang: string;
  private readonly shown = new Set<string>();
  private readonly api: ChatApi;
  private readonly root: ShadowRoot;
  private readonly logRegion: HTMLDivElement;
  private readonly log: HTMLOListElement;
  private readonly status: HTMLParagraphElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly personButton: HTMLButtonElement;
  private readonly languageSelect: HTMLSelectElement;
  private readonly labelled: { node: HTMLElement; key: keyof WidgetStrings; attr?: string }[] = [];
  private pollTimer: number | undefined;
  private readonly privacyLink: HTMLAnchorElement;
  private readonly base: string;

  constructor(
    host: HTMLElement,
    base: string,
    lang: string,
    private readonly bootstrap: WidgetBootstrap,
    floating: boolean,
  ) {
    this.api = new ChatApi(base);
    this.base = base;
    const saved = storedSession();
    this.lang = saved?.lang ?? lang;
    this.root = host.attachShadow({ mode: "open" });
    const style = el("style");
    style.textContent = WIDGET_CSS;
    this.root.append(style);

    const wrapper = el("div", { class: floating ? "cd-floating" : "cd-inline" });
    const panel = el("section", { class: "cd-panel", "aria-labelledby": "cd-title" });
    const header = el("div", { class: "cd-header" });
    const title = el("h2", { id: "cd-title" });
    this.label(title, "title");
    const langLabel = el("label");
    const langText = el("span");
    this.label(langText, "languageLabel");
    this.languageSelect = el("select");
    for (const option of bootstrap.languages) {
      const opt = el("option", { value: option.code, lang: option.code }, option.name);
      if (option.code === this.lang) opt.selected = true;
      this.languageSelect.append(opt);
    }
    this.languageSelect.addEventListener("change", () => this.setLanguage(this.languageSelect.value));
    langLabel.append(langText, this.languageSelect);
    header.append(title, langLabel);

    const intro = el("p", { class: "cd-intro" });
    this.label(intro, "intro");
    // The privacy notice at first contact, linking to the service's own page in the chosen language.
    const privacy = el("p", { class: "cd-privacy" });
    const privacyText = el("span");
    this.label(privacyText, "privacyNotice");
    this.privacyLink = el("a", { target: "_blank", rel: "noopener" });
    this.label(this.privacyLink, "privacyLink");
    privacy.append(privacyText, " ", this.privacyLink);
    // The live region wraps the list: a role on the <ol> itself would strip its items' list semantics.
    this.logRegion = el("div", {
      class: "cd-log",
      role: "log",
      "aria-live": "polite",
      "aria-labelledby": "cd-title",
      tabindex: "0",
    });
    this.log = el("ol", { class: "cd-list" });
    this.logRegion.append(this.log);
    this.status = el("p", { class: "cd-status", role: "status" });

    const form = el("form", { class: "cd-form" });
    const inputLabel = el("label", { for: "cd-input", class: "cd-visually-hidden" });
    this.label(inputLabel, "inputLabel");
    this.input = el("textarea", { id: "cd-input", rows: "2", maxlength: "2000" });
    this.label(this.input, "placeholder", "placeholder");
    this.sendButton = el("button", { type: "submit" });
    this.label(this.sendButton, "send");
    form.append(inputLabel, this.input, this.sendButton);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.send();
      }
    });

    const actions = el("div", { class: "cd-actions" });
    this.personButton = el("button", { type: "button", class: "cd-secondary" });
    this.label(this.personButton, "talkToPerson");
    this.personButton.addEventListener("click", () => void this.talkToPerson());
    actions.append(this.personButton);

    panel.append(header, intro, privacy, this.logRegion, this.status, form, actions);
    if (floating) {
      const launcher = el("button", { type: "button", class: "cd-launcher", "aria-expanded": "false" });
      this.label(launcher, "openChat");
      panel.hidden = true;
      launcher.addEventListener("click", () => {
        panel.hidden = !panel.hidden;
        launcher.setAttribute("aria-expanded", String(!panel.hidden));
        launcher.textContent = this.strings()[panel.hidden ? "openChat" : "closeChat"];
        if (!panel.hidden) this.input.focus();
      });
      wrapper.append(launcher);
    }
    wrapper.append(panel);
    this.root.append(wrapper);
    this.applyStrings();
    if (saved) {
      this.session = { id: saved.id, token: saved.token };
      void this.refresh().then(() => this.startPolling());
    }
  }

  private strings(): WidgetStrings {
    return this.bootstrap.strings[this.lang] ?? this.bootstrap.strings.en ?? ENGLISH_FALLBACK;
  }

  private label(node: HTMLElement, key: keyof WidgetStrings, attr?: string) {
    this.labelled.push(attr ? { node, key, attr } : { node, key });
  }

  private applyStrings() {
    const strings = this.strings();
    for (const { node, key, attr } of this.labelled) {
      if (attr) node.setAttribute(attr, strings[key]);
      else node.textContent = strings[key];
    }
    this.privacyLink.href = `${this.base}/privacy?lang=${encodeURIComponent(this.lang)}`;
    this.root.host.setAttribute("lang", this.lang);
  }

  private setLanguage(lang: string) {
    this.lang = lang;
    this.applyStrings();
    this.persist();
  }

  private persist() {
    if (!this.session) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...this.session, lang: this.lang }));
    } catch {
      // Private browsing may refuse storage; the chat still works for this page view.
    }
  }

  private async ensureSession(): Promise<Session> {
    if (this.session) return this.session;
    this.session = await this.api.createConversation(this.lang);
    this.persist();
    this.startPolling();
    return this.session;
  }

  private startPolling() {
    if (this.pollTimer !== undefined) return;
    this.pollTimer = window.setInterval(() => void this.refresh(), POLL_MS);
  }

  /** Shows messages that arrived outside a turn: staff replies, case updates, the history after a reload. */
  private async refresh() {
    if (!this.session) return;
    try {
      const view = await this.api.getConversation(this.session);
      for (const message of view.messages) {
        // The citizen's own message is already on screen under its local id.
        const local = message.clientMessageId ? `local-${message.clientMessageId}` : undefined;
        if (local && this.shown.has(local)) this.shown.add(message.id);
        if (!this.shown.has(message.id)) this.renderMessage(message);
      }
    } catch (error) {
      if (
        error instanceof HttpError &&
        (error.status === 401 || error.status === 403 || error.status === 404)
      ) {
        // The stored conversation is gone (deleted, expired): start afresh on the next message.
        this.session = null;
        window.localStorage.removeItem(STORAGE_KEY);
      }
    }
  }

  private roleName(role: string): string {
    const strings = this.strings();
    if (role === "citizen") return strings.you;
    if (role === "staff") return strings.staff;
    if (role === "system") return strings.notice;
    return strings.assistant;
  }

  private renderMessage(message: ChatMessage, into?: HTMLLIElement) {
    this.shown.add(message.id);
    const item = into ?? el("li");
    item.replaceChildren();
    item.className = `cd-msg cd-${["citizen", "assistant", "staff", "system"].includes(message.role) ? message.role : "assistant"}`;
    item.dataset.messageId = message.id;
    item.removeAttribute("aria-busy");
    const who = this.roleName(message.role);
    item.append(
      el(
        "span",
        { class: "cd-who" },
        message.role === "staff" && message.author ? `${message.author} · ${who}` : who,
      ),
    );
    const body = el(
      "span",
      message.lang ? { class: "cd-text", lang: message.lang } : { class: "cd-text" },
      message.text,
    );
    if (message.role === "assistant" && ALERT_STATUSES.has(message.status ?? "")) {
      // Life-safety replies interrupt a screen reader at once; everything else waits politely in the log.
      item.classList.add("cd-alert");
      const alert = el("div", { role: "alert" });
      alert.append(body);
      item.append(alert);
    } else {
      if (message.role === "assistant" && message.status === "handoff") item.classList.add("cd-handoff");
      item.append(body);
    }
    const links = (message.citations ?? [])
      .map((c) => ({ title: c.title, href: safeHref(c.url) }))
      .filter((c): c is { title: string; href: string } => c.href !== null);
    if (links.length > 0) {
      const heading = el("span", { class: "cd-visually-hidden" }, this.strings().sources);
      const list = el("ul", { class: "cd-sources" });
      for (const link of links) {
        const li = el("li");
        li.append(el("a", { href: link.href, target: "_blank", rel: "noopener noreferrer" }, link.title));
        list.append(li);
      }
      item.append(heading, list);
    }
    const options = message.role === "assistant" && Array.isArray(message.options) ? message.options : [];
    if (options.length > 0) item.append(this.optionButtons(options));
    // Votes only where there is an answer to judge: fixed replies and questions back carry no sources.
    if (message.role === "assistant" && message.status === "answered" && links.length > 0)
      item.append(this.feedbackControls(message));
    if (!into) this.log.append(item);
    // A choice is only open until the conversation moves on; older menus would answer the wrong question.
    for (const row of this.log.querySelectorAll(".cd-options")) {
      if (row.parentElement !== this.log.lastElementChild) row.remove();
    }
    this.logRegion.scrollTop = this.logRegion.scrollHeight;
  }

  /** A choice the assistant offers ("1. Pothole 2. Street light"): each button sends its number. */
  private optionButtons(options: { service: string; name: string }[]): HTMLElement {
    const row = el("div", { class: "cd-options" });
    options.forEach((option, index) => {
      const button = el("button", { type: "button", class: "cd-secondary" }, `${index + 1}. ${option.name}`);
      button.addEventListener("click", () => void this.send(String(index + 1)));
      row.append(button);
    });
    return row;
  }

  private feedbackControls(message: ChatMessage): HTMLElement {
    const row = el("div", { class: "cd-feedback" });
    // Words, not emoji: they need no emoji font and read the same to everyone.
    const button = (label: string) =>
      el("button", { type: "button", class: "cd-secondary cd-vote", "aria-pressed": "false" }, label);
    const up = button(this.strings().helpful);
    const down = button(this.strings().notHelpful);
    const current = message.feedback;
    if (current === "up" || current === 1) up.setAttribute("aria-pressed", "true");
    if (current === "down" || current === -1) down.setAttribute("aria-pressed", "true");
    const choose = async (value: "up" | "down") => {
      if (!this.session) return;
      try {
        await this.api.sendFeedback(this.session, message.id, value);
        up.setAttribute("aria-pressed", String(value === "up"));
        down.setAttribute("aria-pressed", String(value === "down"));
        this.status.textContent = this.strings().feedbackThanks;
      } catch {
        this.status.textContent = this.strings().errorGeneric;
      }
    };
    up.addEventListener("click", () => void choose("up"));
    down.addEventListener("click", () => void choose("down"));
    row.append(up, down);
    return row;
  }

  private async send(chosen?: string) {
    const typed = this.input.value;
    const text = (chosen ?? typed).trim();
    if (!text || this.sendButton.disabled) return;
    this.sendButton.disabled = true;
    this.status.textContent = "";
    const clientMessageId = crypto.randomUUID();
    this.renderMessage({ id: `local-${clientMessageId}`, role: "citizen", text, lang: this.lang });
    if (chosen === undefined) this.input.value = "";
    const pending = el("li", { class: "cd-msg cd-assistant", "aria-busy": "true" });
    pending.append(el("span", { class: "cd-who" }, this.strings().assistant));
    const streamed = el("span", { class: "cd-text cd-typing" });
    pending.append(streamed);
    this.log.append(pending);
    try {
      // The same clientMessageId on every attempt: the server stores the message once and replays its reply.
      for (let attempt = 1; ; attempt++) {
        try {
          const session = await this.ensureSession();
          streamed.textContent = "";
          const reply = await this.api.sendMessage(session, text, clientMessageId, (token) => {
            streamed.textContent += token;
          });
          // While a person holds the conversation the assistant says nothing: no bubble is left behind.
          if (reply.status === "held") {
            this.shown.add(reply.id);
            pending.remove();
          } else this.renderMessage(reply, pending);
          await this.refresh();
          break;
        } catch (error) {
          const retryable = !(error instanceof HttpError) || error.status === 0 || error.status >= 500;
          if (!retryable || attempt >= SEND_ATTEMPTS) throw error;
          this.status.textContent = this.strings().reconnecting;
          await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
        }
      }
      this.status.textContent = "";
    } catch (error) {
      pending.remove();
      if (chosen === undefined) this.input.value = typed;
      this.status.textContent =
        error instanceof HttpError && error.status > 0 && error.status < 500
          ? error.message
          : this.strings().connectionLost;
    } finally {
      this.sendButton.disabled = false;
    }
  }

  private async talkToPerson() {
    try {
      const session = await this.ensureSession();
      await this.api.requestHandoff(session);
      await this.refresh();
    } catch {
      this.status.textContent = this.strings().errorGeneric;
    }
  }
}

function start() {
  const script =
    OWN_SCRIPT ??
    document.querySelector<HTMLScriptElement>("script[data-civicdesk], script[src$='/widget.js']");
  const bootstrap = window.__civicdeskBootstrap ?? {
    strings: { en: ENGLISH_FALLBACK },
    languages: [{ code: "en", name: "English" }],
  };
  const base = script?.src ? new URL(script.src).origin : window.location.origin;
  const targetSelector = script?.dataset.target;
  const target = targetSelector ? document.querySelector<HTMLElement>(targetSelector) : null;
  const host = target ?? document.body.appendChild(document.createElement("div"));
  const lang = script?.dataset.lang ?? document.documentElement.lang.slice(0, 2) ?? "en";
  new Widget(host, base, bootstrap.strings[lang] ? lang : "en", bootstrap, target === null);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
