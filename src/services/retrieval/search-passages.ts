import type { KnowledgePassage, SearchKnowledge } from "../assistant/assistant-deps";
import type { KnowledgeContext } from "../knowledge/context";
import { loadArticleSections } from "./load-article-sections";
import { searchKnowledge } from "./search-knowledge";

/** Articles whose every section is handed to the answer step, so it can pick the section that answers. */
const ARTICLES_WITH_SECTIONS = 3;

/** The assistant asks for passages; search answers per article with its best passage and, for the first few, all its sections. */
export function createPassageSearch(knowledge: KnowledgeContext): SearchKnowledge {
  return async ({ text, lang, k }) => {
    const hits = await searchKnowledge({ ctx: knowledge, query: { q: text, lang, k } });
    const sections = await loadArticleSections(knowledge, hits.slice(0, ARTICLES_WITH_SECTIONS));
    return hits.map((hit): KnowledgePassage => {
      const link = (anchor: string | null) => (hit.url ? `${hit.url}${anchor ? `#${anchor}` : ""}` : "");
      const loaded = sections.get(`${hit.articleId}:${hit.lang}`);
      const whole = loaded?.sections;
      return {
        articleId: hit.articleId,
        title: hit.title,
        url: link(hit.passage.anchor),
        headingPath: hit.passage.headingPath,
        text: hit.passage.text,
        score: hit.score,
        lang: hit.lang,
        ...(loaded && Object.keys(loaded.aliases).length > 0 ? { aliases: loaded.aliases } : {}),
        ...(whole
          ? {
              sections: whole.map((s) => ({
                headingPath: s.headingPath,
                url: link(s.anchor),
                text: s.text,
                best: s.anchor === hit.passage.anchor,
              })),
            }
          : {}),
      };
    });
  };
}
