import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { conversations, messages } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import type { KnowledgeContext } from "../knowledge/context";
import { searchKnowledge } from "../retrieval/search-knowledge";
import { type HandoffContext, parseConversationId, requireHandoffStaff } from "./context";

export const SuggestRepliesInput = z.object({
  conversationId: z.string(),
  limit: z.coerce.number().int().min(1).max(5).default(3),
});

export interface SuggestedReply {
  articleId: string;
  title: string;
  /** The article's section the text comes from; null when the article has no public page. */
  url: string | null;
  /** A draft for staff to edit: the passage's opening, then the link. Never sent without staff. */
  text: string;
  /** What was searched: the citizen's words it answers. */
  query: string;
}

const CITIZEN_MESSAGES = 3;
const DRAFT_CHARS = 320;

/**
 * Drafts replies from the knowledge base for the person working a conversation: the citizen's latest
 * messages are searched (newest first, until one finds something), and each of the best articles
 * gives its passage's opening and its link. Staff insert, edit and send them; the read is audited.
 */
export async function suggestReplies({
  ctx,
  knowledge,
  input,
}: {
  ctx: HandoffContext;
  knowledge: KnowledgeContext | undefined;
  input: unknown;
}): Promise<{ suggestions: SuggestedReply[] }> {
  const actor = requireHandoffStaff(ctx);
  const parsed = SuggestRepliesInput.parse(input);
  const id = parseConversationId(parsed.conversationId);
  const db = ctx.database.db;
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  if (!conversation) throw new DomainError("not_found", "No such conversation.");
  const asked = await db
    .select({ text: messages.text, lang: messages.lang })
    .from(messages)
    .where(and(eq(messages.conversationId, id), eq(messages.role, "citizen")))
    .orderBy(desc(messages.sequence))
    .limit(CITIZEN_MESSAGES);
  await recordAudit(db, actor, ctx.requestId, {
    action: "conversation.suggestions",
    subjectType: "conversation",
    subjectId: id,
  });
  if (!knowledge) return { suggestions: [] };
  for (const message of asked) {
    const hits = await searchKnowledge({
      ctx: knowledge,
      query: { q: message.text, lang: message.lang ?? conversation.lang, k: parsed.limit },
    });
    if (hits.length === 0) continue;
    return {
      suggestions: hits.map((hit) => {
        const url = hit.url && hit.passage.anchor ? `${hit.url}#${hit.passage.anchor}` : hit.url;
        const opening = draftOpening(hit.passage.text || hit.snippet);
        return {
          articleId: hit.articleId,
          title: hit.title,
          url,
          text: url ? `${opening}\n${url}` : opening,
          query: message.text,
        };
      }),
    };
  }
  return { suggestions: [] };
}

/**
 * The start of a passage as a draft: whole sentences, and list items each on a line of its own, up to
 * about DRAFT_CHARS, without headings or Markdown marks.
 */
export function draftOpening(passage: string): string {
  const clean = (line: string) =>
    line
      .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
      .replace(/[*_`>]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const pieces: string[] = [];
  let paragraph = "";
  const flush = () => {
    const text = clean(paragraph);
    if (text) pieces.push(...(text.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [text]).map((p) => p.trim()));
    paragraph = "";
  };
  for (const line of passage.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const text = clean(item[1] ?? "");
      if (text) pieces.push(`- ${text}`);
    } else if (line.trim() === "") {
      flush();
    } else {
      paragraph += ` ${line}`;
    }
  }
  flush();
  let out = "";
  for (const piece of pieces) {
    const separator = !out ? "" : piece.startsWith("- ") || out.endsWith("\n") ? "\n" : " ";
    if (out && out.length + separator.length + piece.length > DRAFT_CHARS) break;
    out += separator + piece;
  }
  return out || clean(passage).slice(0, DRAFT_CHARS);
}
