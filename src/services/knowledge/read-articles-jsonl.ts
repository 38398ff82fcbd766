import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { DomainError } from "../../domain/errors";
import { ArticleInput } from "./article-input";

/** One line of the shared articles format (../shared/data/README.md). */
const SharedArticle = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  lang: z.string(),
  url: z.string().nullish(),
  category: z.string().nullish(),
});

/**
 * Reads the shared JSONL articles format (gzipped when the name ends in .gz) as ArticleInput, one
 * article at a time; the first bad line stops the read with an error naming the file and line.
 */
export async function* readArticlesJsonl(path: string): AsyncIterable<ArticleInput> {
  let stream: Readable = createReadStream(path);
  if (path.endsWith(".gz")) stream = stream.pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === "") continue;
      const where = `${path}:${lineNumber}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new DomainError("invalid_input", `${where}: not valid JSON`);
      }
      const shared = SharedArticle.safeParse(json);
      if (!shared.success) throw new DomainError("invalid_input", `${where}: ${describe(shared.error)}`);
      const { id, title, body, lang, url, category } = shared.data;
      const article = ArticleInput.safeParse({
        articleId: id,
        lang,
        title,
        body,
        ...(url ? { url } : {}),
        ...(category ? { category } : {}),
        sourcePath: where,
      });
      if (!article.success) throw new DomainError("invalid_input", `${where}: ${describe(article.error)}`);
      yield article.data;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("invalid_input", `${path}:${lineNumber + 1}: ${(error as Error).message}`);
  } finally {
    lines.close();
    stream.destroy();
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ");
}
