import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { kbArticles, kbArticleVersions, kbChunks, kbIndexState } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { ANALYZER_VERSION, foldText } from "../retrieval/analyzer";
import { analyzeDocument, encodeDocumentTerms, leadOf } from "../retrieval/index-terms";
import { forgetIndexVersion } from "../retrieval/search-snapshot";
import { ArticleInput, type UpsertSummary } from "./article-input";
import { chunkArticle } from "./chunk-article";
import type { KnowledgeContext } from "./context";
import { embedPendingChunks } from "./embed-pending-chunks";

/** Bodies beyond this are stored whole but indexed only up to here (a 5 MB page is an export error, not an article). */
export const MAX_INDEXED_BODY_CHARS = 300_000;
const BATCH_SIZE = 200;

const TS_CONFIG_BY_LANG: Readonly<Record<string, string>> = {
  ar: "arabic",
  ca: "catalan",
  da: "danish",
  de: "german",
  el: "greek",
  en: "english",
  es: "spanish",
  eu: "basque",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hi: "hindi",
  hu: "hungarian",
  hy: "armenian",
  id: "indonesian",
  it: "italian",
  lt: "lithuanian",
  ne: "nepali",
  nl: "dutch",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sr: "serbian",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
  yi: "yiddish",
};

interface ExistingRow {
  article_id: string;
  lang: string;
  content_hash: string;
  origin: string;
  title_indexed: boolean;
}

/**
 * Stores articles and brings the search index up to date, incrementally: an article whose content hash
 * is unchanged is left alone, a changed one gets a new version and is re-indexed alone, and an article
 * last edited in the app is not overwritten by a file or an import. Only published articles are
 * indexed; changing the embedder (or refitting the local one) re-embeds passages without touching articles.
 */
export async function upsertArticles({
  ctx,
  articles,
  origin,
  indexTitles = true,
}: {
  ctx: KnowledgeContext;
  articles: readonly ArticleInput[];
  origin: "file" | "import";
  indexTitles?: boolean;
}): Promise<UpsertSummary> {
  const inputs = validate(articles);
  const { db } = ctx.database;
  await db.insert(kbIndexState).values({ id: 1 }).onConflictDoNothing();
  const tsConfigs = await availableTsConfigs(db);
  const summary: UpsertSummary = { added: 0, updated: 0, unchanged: 0, keptAppEdits: 0 };
  let changedContent = 0;

  for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
    const batch = inputs.slice(start, start + BATCH_SIZE);
    const existing = await loadExisting(db, batch);
    const changed: { input: ArticleInput; hash: string; isNew: boolean; contentChanged: boolean }[] = [];
    for (const input of batch) {
      const hash = contentHash(input);
      const row = existing.get(keyOf(input));
      if (!row) changed.push({ input, hash, isNew: true, contentChanged: true });
      else if (row.content_hash === hash && row.title_indexed === indexTitles) summary.unchanged += 1;
      else if (row.origin === "app" && row.content_hash !== hash) summary.keptAppEdits += 1;
      else changed.push({ input, hash, isNew: false, contentChanged: row.content_hash !== hash });
    }
    if (changed.length === 0) continue;
    await db.transaction(async (tx) => {
      const rows = changed.map(({ input, hash }) => toArticleRow(input, hash, origin, indexTitles, ctx));
      const saved = await tx
        .insert(kbArticles)
        .values(rows)
        .onConflictDoUpdate({
          target: [kbArticles.articleId, kbArticles.lang],
          set: {
            ...excludedColumns([
              "title",
              "body",
              "url",
              "service",
              "department",
              "owner",
              "reviewed",
              "category",
              "status",
              "origin",
              "source_path",
              "content_hash",
              "index_terms",
              "title_indexed",
              "indexed_chars",
            ]),
            version: sql`case when ${kbArticles.contentHash} = excluded.content_hash then ${kbArticles.version} else ${kbArticles.version} + 1 end`,
            updatedAt: sql`now()`,
          },
        })
        .returning({
          articleId: kbArticles.articleId,
          lang: kbArticles.lang,
          docKey: kbArticles.docKey,
          version: kbArticles.version,
        });
      const savedByKey = new Map(saved.map((s) => [`${s.articleId}\u0000${s.lang}`, s]));
      const versions = changed
        .filter((c) => c.contentChanged)
        .map(({ input, hash }) => {
          const s = savedByKey.get(keyOf(input))!;
          return {
            articleId: input.articleId,
            lang: input.lang,
            version: s.version,
            title: input.title,
            body: input.body,
            status: input.status,
            origin,
            meta: metaOf(input),
            contentHash: hash,
          };
        });
      if (versions.length > 0) await tx.insert(kbArticleVersions).values(versions).onConflictDoNothing();
      const docKeys = saved.map((s) => s.docKey);
      await tx.execute(sql`delete from kb_chunks where doc_key in (${sql.join(docKeys, sql`, `)})`);
      const chunkRows = changed.flatMap(({ input }) =>
        input.status === "published"
          ? chunkRowsOf(input, savedByKey.get(keyOf(input))!.docKey, indexTitles, tsConfigs)
          : [],
      );
      for (let i = 0; i < chunkRows.length; i += 400)
        await tx.insert(kbChunks).values(chunkRows.slice(i, i + 400));
    });
    for (const c of changed) {
      if (c.isNew) summary.added += 1;
      else summary.updated += 1;
    }
    changedContent += changed.length;
  }

  if (changedContent > 0) {
    await db
      .update(kbIndexState)
      .set({
        version: sql`${kbIndexState.version} + 1`,
        changesSinceFit: sql`${kbIndexState.changesSinceFit} + ${changedContent}`,
        updatedAt: new Date(),
      })
      .where(sql`${kbIndexState.id} = 1`);
  }
  forgetIndexVersion(ctx.database);
  await embedPendingChunks(ctx);
  return summary;
}

function validate(articles: readonly ArticleInput[]): ArticleInput[] {
  const seen = new Set<string>();
  return articles.map((article, i) => {
    const parsed = ArticleInput.safeParse(article);
    const where =
      article?.sourcePath ?? `article ${i + 1}${article?.articleId ? ` (${article.articleId})` : ""}`;
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      }));
      throw new DomainError(
        "invalid_input",
        `${where}: ${errors.map((e) => `${e.path || "article"}: ${e.message}`).join("; ")}`,
        { errors },
      );
    }
    const key = keyOf(parsed.data);
    if (seen.has(key))
      throw new DomainError(
        "invalid_input",
        `${where}: article ${parsed.data.articleId} (${parsed.data.lang}) appears twice`,
      );
    seen.add(key);
    return parsed.data;
  });
}

const keyOf = (a: { articleId: string; lang: string }) => `${a.articleId}\u0000${a.lang}`;

function contentHash(input: ArticleInput): string {
  const { title, body, url, service, department, owner, reviewed, category, status, titles, terms } = input;
  return createHash("sha256")
    .update(
      JSON.stringify([
        ANALYZER_VERSION,
        title,
        body,
        url,
        service,
        department,
        owner,
        reviewed,
        category,
        status,
        titles ?? null,
        terms ?? null,
      ]),
    )
    .digest("hex");
}

/** Per language, the editors' title and search terms in that language, as one text to index. */
export function aliasTextsOf(input: Pick<ArticleInput, "titles" | "terms">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [lang, title] of Object.entries(input.titles ?? {})) out[lang] = title;
  for (const [lang, terms] of Object.entries(input.terms ?? {}))
    out[lang] = [out[lang], ...terms].filter(Boolean).join("\n");
  return out;
}

function metaOf(input: ArticleInput): Record<string, string | null> {
  const { url, service, department, owner, reviewed, category, sourcePath } = input;
  const titles = input.titles ? JSON.stringify(input.titles) : undefined;
  const terms = input.terms ? JSON.stringify(input.terms) : undefined;
  return Object.fromEntries(
    Object.entries({ url, service, department, owner, reviewed, category, sourcePath, titles, terms }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Record<string, string | null>;
}

async function loadExisting(db: Db, batch: ArticleInput[]): Promise<Map<string, ExistingRow>> {
  const tuples = batch.map((a) => sql`(${a.articleId}, ${a.lang})`);
  const result = (await db.execute(
    sql`select article_id, lang, content_hash, origin, title_indexed from kb_articles
        where (article_id, lang) in (${sql.join(tuples, sql`, `)})`,
  )) as unknown as { rows: ExistingRow[] };
  return new Map(result.rows.map((r) => [keyOf({ articleId: r.article_id, lang: r.lang }), r]));
}

function indexedBody(input: ArticleInput): string {
  return input.body.length > MAX_INDEXED_BODY_CHARS
    ? input.body.slice(0, MAX_INDEXED_BODY_CHARS)
    : input.body;
}

function toArticleRow(
  input: ArticleInput,
  hash: string,
  origin: "file" | "import",
  indexTitles: boolean,
  ctx: KnowledgeContext,
) {
  const body = indexedBody(input);
  if (body.length < input.body.length) {
    ctx.logger?.warn("article body capped for indexing", {
      articleId: input.articleId,
      lang: input.lang,
      chars: input.body.length,
      indexedChars: body.length,
    });
  }
  const published = input.status === "published";
  const terms = published
    ? encodeDocumentTerms(
        analyzeDocument(
          { title: indexTitles ? input.title : "", body, lead: leadOf(body), aliases: aliasTextsOf(input) },
          input.lang,
        ),
      )
    : null;
  return {
    articleId: input.articleId,
    lang: input.lang,
    title: input.title,
    body: input.body,
    url: input.url ?? null,
    service: input.service ?? null,
    department: input.department ?? null,
    owner: input.owner ?? null,
    reviewed: input.reviewed ?? null,
    category: input.category ?? null,
    status: input.status,
    origin,
    sourcePath: input.sourcePath ?? null,
    contentHash: hash,
    indexTerms: terms,
    titleIndexed: indexTitles,
    indexedChars: published ? body.length : null,
  };
}

function chunkRowsOf(
  input: ArticleInput,
  docKey: number,
  indexTitles: boolean,
  tsConfigs: ReadonlySet<string>,
) {
  const wanted = TS_CONFIG_BY_LANG[input.lang];
  const tsConfig = wanted && tsConfigs.has(wanted) ? wanted : "simple";
  const chunks = chunkArticle(indexedBody(input));
  if (chunks.length === 0) chunks.push({ headingPath: [], anchor: null, text: input.title });
  return chunks.slice(0, 32_000).map((chunk, ord) => {
    const searchable = [indexTitles ? input.title : "", ...chunk.headingPath, chunk.text].join("\n");
    return {
      docKey,
      ord,
      articleId: input.articleId,
      lang: input.lang,
      headingPath: chunk.headingPath,
      anchor: chunk.anchor,
      text: chunk.text,
      tsConfig,
      // Folded first: PostgreSQL has no accent folding without the unaccent extension.
      tsv: sql`to_tsvector(${tsConfig}::regconfig, ${foldText(searchable)})`,
    };
  });
}

const tsConfigCache = new WeakMap<Db, Promise<Set<string>>>();

function availableTsConfigs(db: Db): Promise<Set<string>> {
  let found = tsConfigCache.get(db);
  if (!found) {
    found = db
      .execute(sql`select cfgname from pg_ts_config`)
      .then((r) => new Set((r as unknown as { rows: { cfgname: string }[] }).rows.map((row) => row.cfgname)));
    tsConfigCache.set(db, found);
  }
  return found;
}

function excludedColumns(columns: string[]): Record<string, SQL> {
  const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(columns.map((c) => [camel(c), sql.raw(`excluded.${c}`)]));
}
