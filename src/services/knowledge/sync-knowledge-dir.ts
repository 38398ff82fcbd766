import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { DomainError, isDomainError } from "../../domain/errors";
import type { ArticleInput, UpsertSummary } from "./article-input";
import type { KnowledgeContext } from "./context";
import { checkArticleFileSize, parseArticleFile } from "./parse-article-file";
import { upsertArticles } from "./upsert-articles";

export interface FileProblem {
  path: string;
  message: string;
}

export interface KnowledgeSyncResult {
  /** `files`: Markdown files found under `<dir>/<lang>/`, bad ones included. */
  summary: UpsertSummary & { files: number };
  /** Files that were skipped; what the database already holds for them stays as it was. */
  problems: FileProblem[];
}

/**
 * Loads `<dir>/<lang>/*.md` into the knowledge base. Every file is validated first; a bad file is
 * reported and skipped while the others load in one upsert, which is incremental by content hash.
 * Articles missing from the folder are never deleted.
 */
export async function syncKnowledgeDir({
  ctx,
  dir,
}: {
  ctx: KnowledgeContext;
  dir: string;
}): Promise<KnowledgeSyncResult> {
  const paths = await listArticleFiles(dir);
  const articles: ArticleInput[] = [];
  const problems: FileProblem[] = [];
  for (const path of paths) {
    try {
      articles.push(await readArticleFile(path));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push({ path, message: error.message });
    }
  }
  const summary = await upsertArticles({ ctx, articles, origin: "file" });
  return { summary: { files: paths.length, ...summary }, problems };
}

async function listArticleFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    )
      throw new DomainError("invalid_input", `knowledge folder '${dir}' does not exist`);
    throw error;
  }
  const paths: string[] = [];
  // Language folders are the two-letter ones; anything else (services.yaml, README.md) is not an article.
  for (const entry of entries.filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name))) {
    const folder = join(dir, entry.name);
    for (const file of await readdir(folder, { withFileTypes: true }))
      if (file.isFile() && file.name.endsWith(".md")) paths.push(join(folder, file.name));
  }
  return paths.sort();
}

async function readArticleFile(path: string): Promise<ArticleInput> {
  // Checked before reading, so a runaway file (a pasted PDF, a log) never has to fit in memory.
  checkArticleFileSize(path, (await stat(path)).size);
  return parseArticleFile({ path, text: await readFile(path, "utf8") });
}
