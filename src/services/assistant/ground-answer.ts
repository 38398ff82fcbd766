import type { GroundingPassage } from "../../ports/chat-model";
import type { Citation } from "../conversations/message-view";
import type { KnowledgePassage } from "./assistant-deps";

export interface Grounding {
  /** What the model sees: opaque ids only. */
  passages: GroundingPassage[];
  byId: Map<string, KnowledgePassage>;
  /** Links a reply may contain: the cited articles' and any written in the passages themselves. */
  allowedUrls: Set<string>;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/gi;
const MARKER = /\s*\[\s*P\d+(?:\s*[,;]\s*P\d+)*\s*\]/g;
const MARKDOWN_LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Gives each passage an opaque id (P1, P2…) in retrieval order. */
export function groundPassages(found: KnowledgePassage[]): Grounding {
  const byId = new Map<string, KnowledgePassage>();
  const allowedUrls = new Set<string>();
  const passages = found.map((passage, index) => {
    const id = `P${index + 1}`;
    byId.set(id, passage);
    allowedUrls.add(passage.url);
    allowedUrls.add(passage.url.split("#")[0]!);
    for (const url of passage.text.match(URL_PATTERN) ?? []) allowedUrls.add(url);
    return {
      id,
      title: passage.title,
      headingPath: passage.headingPath,
      text: passage.text,
      lang: passage.lang,
    };
  });
  return { passages, byId, allowedUrls };
}

/** Turns cited ids into article links; ids the model made up are dropped, each link appears once. */
export function resolveCitations(citedIds: string[], grounding: Grounding): Citation[] {
  const citations: Citation[] = [];
  for (const id of citedIds) {
    const passage = grounding.byId.get(id);
    if (!passage || citations.some((c) => c.url === passage.url)) continue;
    citations.push({ articleId: passage.articleId, title: passage.title, url: passage.url });
  }
  return citations;
}

/** Removes citation markers and any link that did not come from the knowledge base. */
export function cleanAnswerText(text: string, allowedUrls: Set<string>): string {
  return text
    .replace(MARKER, "")
    .replace(MARKDOWN_LINK, (whole, label: string, url: string) => (allowedUrls.has(url) ? whole : label))
    .replace(URL_PATTERN, (url) => (allowedUrls.has(url) ? url : ""))
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/**
 * Applies cleanAnswerText to a token stream: text is released word by word, never inside an open
 * bracket or a link, so a marker or an unknown URL is removed before the citizen sees it.
 */
export function createTokenSanitizer(allowedUrls: Set<string>, emit: (text: string) => void) {
  let pending = "";
  let started = false;
  const release = (chunk: string) => {
    const clean = chunk
      .replace(MARKER, "")
      .replace(MARKDOWN_LINK, (whole, label: string, url: string) => (allowedUrls.has(url) ? whole : label))
      .replace(URL_PATTERN, (url) => (allowedUrls.has(url) ? url : ""));
    const out = started ? clean : clean.trimStart();
    if (out) {
      started = true;
      emit(out);
    }
  };
  return {
    push(token: string) {
      pending += token;
      const cut = findSafeCut(pending);
      if (cut > 0) {
        release(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    },
    flush() {
      if (pending) release(pending);
      pending = "";
    },
  };
}

/** Last whitespace before which no bracket or parenthesis is left open. */
function findSafeCut(text: string): number {
  let depth = 0;
  let cut = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "[" || ch === "(") depth++;
    else if ((ch === "]" || ch === ")") && depth > 0) depth--;
    else if (depth === 0 && /\s/.test(ch) && i > 0) cut = i;
  }
  return cut;
}
