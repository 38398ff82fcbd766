import type { KnowledgePassage, SearchKnowledge } from "../assistant/assistant-deps";
import type { KnowledgeContext } from "../knowledge/context";
import { searchKnowledge } from "./search-knowledge";

/** The assistant asks for passages; search answers per article with its best passage. */
export function createPassageSearch(knowledge: KnowledgeContext): SearchKnowledge {
  return async ({ text, lang, k }) => {
    const hits = await searchKnowledge({ ctx: knowledge, query: { q: text, lang, k } });
    return hits.map(
      (hit): KnowledgePassage => ({
        articleId: hit.articleId,
        title: hit.title,
        url: hit.url ? `${hit.url}${hit.passage.anchor ? `#${hit.passage.anchor}` : ""}` : "",
        headingPath: hit.passage.headingPath,
        text: hit.passage.text,
        score: hit.score,
        lang: hit.lang,
      }),
    );
  };
}
