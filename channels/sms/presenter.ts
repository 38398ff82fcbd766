import { SegmentedMessage } from "sms-segments-calculator";
import twilio from "twilio";
import { smsText } from "../../src/i18n/sms";
import type { RenderSmsReply } from "../../src/services/sms/context";

/** The answer to every webhook: the reply is sent later through the Messages API. */
export function emptyTwiml(): string {
  return new twilio.twiml.MessagingResponse().toString();
}

/** Segments and encoding of a text as carriers will split it. */
export function countSegments(text: string): { segments: number; encoding: string } {
  const message = new SegmentedMessage(text);
  return { segments: message.segmentsCount, encoding: message.encodingName };
}

// Typographic marks with a GSM-7 twin: keeping them would switch a whole English text to UCS-2.
const GSM_TWINS: [RegExp, string][] = [
  [/[“”„«»]/g, '"'],
  [/[‘’‚]/g, "'"],
  [/[–—]/g, "-"],
  [/…/g, "..."],
  [/\u00a0/g, " "],
];

/** Markdown a phone shows as literal characters, turned into plain text. */
function plainText(text: string): string {
  let out = text
    .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/__([^_]+)__/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/^\s*[*•]\s+/gm, "- ")
    .replace(/\n{3,}/g, "\n\n");
  for (const [pattern, twin] of GSM_TWINS) out = out.replace(pattern, twin);
  return out.trim();
}

/** The cited page without its section anchor: one short link instead of a list. */
function shortLink(url: string): string {
  return url.replace(/#.*$/, "");
}

/**
 * The assistant's reply as one SMS conversation turn: plain text, offered services as numbered lines,
 * and the first citation as one short link, within `segmentBudget` segments. A long answer keeps its
 * leading sentences (which carry the fact asked) and the link to the rest.
 */
export function createSmsRenderer(options: { segmentBudget: number }): RenderSmsReply {
  return (reply, lang) => {
    let body = plainText(reply.text);
    const options_ = reply.options ?? [];
    if (options_.length > 0 && !/^1\.\s/m.test(body)) {
      body = `${body}\n${options_.map((o, i) => `${i + 1}. ${o.name}`).join("\n")}`;
    }
    const first = reply.citations[0];
    const link = first ? smsText(lang, "more", { url: shortLink(first.url) }) : "";
    // An intake step ends with what the citizen must answer: that part survives the cut.
    const asks = reply.status === "clarification" || Boolean(reply.intake) || options_.length > 0;
    return fitToBudget(body, link, options.segmentBudget, asks);
  };
}

/**
 * Cuts `body` so that it and `link` fit in `budget` segments. An answer keeps its leading sentences
 * (they carry the fact asked); a reply that ends in a question (an intake step) keeps the question and
 * as much of its start as fits, so the citizen still knows what to answer.
 */
export function fitToBudget(body: string, link: string, budget: number, keepEnd = false): string {
  const join = (text: string) => (link ? `${text}\n${link}` : text);
  const fits = (text: string) => countSegments(join(text)).segments <= budget;
  if (fits(body)) return join(body);
  const pieces = body.match(/[^.!?\n]+(?:[.!?]+|\n|$)/g) ?? [body];
  if (keepEnd) {
    // The closing question lives in the last line; the start of the text (what it is about) comes next.
    const lastLine = body.slice(body.lastIndexOf("\n") + 1);
    const lastPieces = lastLine.match(/[^.!?\n]+(?:[.!?]+|\n|$)/g) ?? [lastLine];
    let tail = "";
    for (const piece of [...lastPieces].reverse()) {
      if (!fits(`...${piece}${tail}`.trim())) break;
      tail = `${piece}${tail}`;
    }
    if (tail.trim()) {
      let head = "";
      for (const piece of pieces) {
        const next = `${head}${piece}`;
        if (next.length + tail.length >= body.length || !fits(`${next.trim()}\n...\n${tail.trim()}`)) break;
        head = next;
      }
      return join(head.trim() ? `${head.trim()}\n...\n${tail.trim()}` : `...${tail.trim()}`);
    }
  }
  let kept = "";
  for (const piece of pieces) {
    const next = `${kept}${piece}`;
    if (!fits(`${next.trim()}...`)) break;
    kept = next;
  }
  if (!kept.trim()) {
    for (const word of body.split(/\s+/)) {
      const next = kept ? `${kept} ${word}` : word;
      if (!fits(`${next}...`)) break;
      kept = next;
    }
  }
  const trimmed = kept.trim();
  return join(/[.!?]$/.test(trimmed) ? trimmed : `${trimmed}...`);
}
