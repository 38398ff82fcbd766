import type { HistoryTurn, Surface } from "../src/ports/chat-model";

export interface PromptMessages {
  system: string;
  user: string;
}

/** English name of a language for instructions ("ro" → "Romanian"); the code itself when unknown. */
export function nameLanguage(lang: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** "2026-03-05 (Thursday)", in UTC so that a prompt is the same wherever the server runs. */
export function describeDate(now: Date): string {
  const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" }).format(now);
  return `${now.toISOString().slice(0, 10)} (${weekday})`;
}

const STYLE: Record<Surface, string> = {
  web: "Keep the answer short: at most five sentences, or a short list when there are steps. Plain text; simple lists with '-' are fine.",
  teams:
    "Keep the answer short: at most five sentences, or a short list when there are steps. Simple Markdown is fine.",
  sms: "The answer is sent as a text message: at most four short sentences, plain text only, no lists, no Markdown, no emoji.",
  voice:
    "The answer is read aloud on a phone call: at most four short sentences, no lists, no Markdown, no symbols or abbreviations that cannot be spoken.",
};

export function describeSurfaceStyle(surface: Surface): string {
  return STYLE[surface];
}

/** Earlier turns as a quoted transcript; the model is told it is data, not instructions. */
export function formatHistory(history: HistoryTurn[]): string {
  if (history.length === 0) return "(no earlier messages)";
  return history
    .map((turn) => `${turn.role === "citizen" ? "Citizen" : "Assistant"}: ${oneLine(turn.text)}`)
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
