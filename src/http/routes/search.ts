import { Hono } from "hono";
import { z } from "zod";
import { DomainError } from "../../domain/errors";
import type { KnowledgeContext } from "../../services/knowledge/context";
import { searchKnowledge } from "../../services/retrieval/search-knowledge";
import type { AppEnv } from "../context";

export interface SearchRouteDeps {
  knowledge: KnowledgeContext;
  /** Languages the city serves; a search in any other language is refused rather than guessed. */
  languages: readonly string[];
}

const SearchQuery = z.object({
  q: z.string().trim().min(1, "q must not be empty").max(500, "q is longer than 500 characters"),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/, "lang must be a two-letter ISO 639-1 code")
    .optional(),
  k: z.coerce
    .number("k must be a number")
    .int("k must be a whole number")
    .min(1, "k must be at least 1")
    .max(50, "k must be at most 50")
    .default(5),
});

/** `GET /v1/search?q=&lang=&k=`: published articles, best first, each with its best passage's snippet. */
export function searchRoutes(deps: SearchRouteDeps) {
  const app = new Hono<AppEnv>();
  app.get("/v1/search", async (c) => {
    const parsed = SearchQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new DomainError("invalid_input", "The search query is not valid.", {
        errors: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      });
    const { q, lang, k } = parsed.data;
    if (lang && !deps.languages.includes(lang))
      throw new DomainError("invalid_input", `Search is available in ${deps.languages.join(", ")}.`, {
        errors: [{ path: "lang", message: `'${lang}' is not one of the city's languages` }],
      });

    const hits = await searchKnowledge({ ctx: deps.knowledge, query: { q, lang, k } });
    return c.json({
      results: hits.map((hit) => ({
        articleId: hit.articleId,
        title: hit.title,
        // Point at the section the snippet comes from, as the assistant's citations do.
        url: hit.url && hit.passage.anchor ? `${hit.url}#${hit.passage.anchor}` : hit.url,
        snippet: hit.snippet,
        score: hit.score,
      })),
    });
  });
  return app;
}
