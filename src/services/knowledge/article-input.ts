import { z } from "zod";

export const ARTICLE_STATUSES = ["draft", "in_review", "published", "archived"] as const;

/** One language version of a knowledge-base article, as files and imports hand it to ingestion. */
export const ArticleInput = z.object({
  articleId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "ids use letters, digits, '.', '_', ':' and '-'"),
  lang: z.string().regex(/^[a-z]{2}$/, "must be a two-letter ISO 639-1 code"),
  title: z.string().trim().min(1).max(500),
  /** Markdown. */
  body: z.string().trim().min(1, "the article body is empty"),
  url: z.string().max(2000).optional(),
  service: z.string().optional(),
  department: z.string().optional(),
  owner: z.string().optional(),
  reviewed: z.string().optional(),
  category: z.string().optional(),
  status: z.enum(ARTICLE_STATUSES).default("published"),
  /**
   * The title in other languages, and words a citizen might search for, per language. Searched in
   * that language, so a question in a language with no translation still finds the article.
   */
  titles: z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().min(1).max(500)).optional(),
  terms: z
    .record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().trim().min(1).max(200)).max(100))
    .optional(),
  /** Where it came from (file path or import file), for messages and provenance. */
  sourcePath: z.string().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

/** What one ingestion run changed. */
export interface UpsertSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Left alone because an editor changed the article in the app after the file's version. */
  keptAppEdits: number;
}
