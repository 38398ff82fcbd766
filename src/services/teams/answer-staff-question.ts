import { searchKnowledge } from "../retrieval/search-knowledge";
import type { TeamsContext } from "./context";

const HITS = 3;

/**
 * A staff member's private knowledge question in their 1:1 chat: the knowledge search's best passages,
 * each with its article link, so the answer can be checked and passed on.
 */
export async function answerStaffQuestion({
  ctx,
  question,
  lang,
}: {
  ctx: Pick<TeamsContext, "knowledge">;
  question: string;
  lang?: string | undefined;
}): Promise<string> {
  if (!ctx.knowledge) return "The knowledge base is not available on this server.";
  const hits = await searchKnowledge({ ctx: ctx.knowledge, query: { q: question, lang, k: HITS } });
  if (hits.length === 0) return `Nothing in the knowledge base matches "${question}".`;
  const lines = hits.map((hit, i) => {
    const heading = hit.passage.headingPath.at(-1);
    const title = heading && heading !== hit.title ? `${hit.title} — ${heading}` : hit.title;
    const source = hit.url ? `\n   Source: ${hit.url}` : "";
    return `[${i + 1}] ${title}\n   ${clip(hit.snippet || hit.passage.text, 300)}${source}`;
  });
  return `From the knowledge base:\n\n${lines.join("\n\n")}`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
