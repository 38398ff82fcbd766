import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * A pgvector column without a fixed dimension: the dimension belongs to the embedder that wrote the
 * row (kept beside it), and each embedder gets its own partial HNSW index cast to its dimension.
 */
const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => "vector",
  toDriver: (value) => `[${value.join(",")}]`,
  fromDriver: (value) => JSON.parse(value) as number[],
});

const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type ArticleStatus = "draft" | "in_review" | "published" | "archived";
/** Where the current text came from; an "app" edit is never overwritten by a file or an import. */
export type ArticleOrigin = "file" | "import" | "app";

/** One language version of an article; translations share `articleId`. */
export const kbArticles = pgTable(
  "kb_articles",
  {
    articleId: text("article_id").notNull(),
    lang: text("lang").notNull(),
    /** Small surrogate key used by the chunks and the in-memory search index. */
    docKey: integer("doc_key").generatedAlwaysAsIdentity().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    url: text("url"),
    service: text("service"),
    department: text("department"),
    owner: text("owner"),
    reviewed: text("reviewed"),
    category: text("category"),
    status: text("status").$type<ArticleStatus>().notNull().default("published"),
    origin: text("origin").$type<ArticleOrigin>().notNull().default("file"),
    sourcePath: text("source_path"),
    contentHash: text("content_hash").notNull(),
    version: integer("version").notNull().default(1),
    /** Term statistics of the published text (see index-terms.ts); null while not searchable. */
    indexTerms: bytes("index_terms"),
    /** Whether the title is part of the index (evaluations can leave titles out). */
    titleIndexed: boolean("title_indexed").notNull().default(true),
    /** Characters of the body that made it into the index; less than the body when it was capped. */
    indexedChars: integer("indexed_chars"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.lang] }),
    uniqueIndex("kb_articles_doc_key").on(t.docKey),
    index("kb_articles_status_lang").on(t.status, t.lang),
  ],
);

/** Every saved state of an article translation, newest last (editors can see and restore them). */
export const kbArticleVersions = pgTable(
  "kb_article_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: text("article_id").notNull(),
    lang: text("lang").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<ArticleStatus>().notNull(),
    origin: text("origin").$type<ArticleOrigin>().notNull(),
    meta: jsonb("meta").$type<Record<string, string | null>>().notNull().default({}),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kb_article_versions_key").on(t.articleId, t.lang, t.version)],
);

/** A passage of a published article, cut at headings; the unit that answers cite. */
export const kbChunks = pgTable(
  "kb_chunks",
  {
    docKey: integer("doc_key").notNull(),
    ord: smallint("ord").notNull(),
    articleId: text("article_id").notNull(),
    lang: text("lang").notNull(),
    headingPath: jsonb("heading_path").$type<string[]>().notNull().default([]),
    anchor: text("anchor"),
    text: text("text").notNull(),
    /** Text search configuration the vector was built with (the language's, or `simple`). */
    tsConfig: text("ts_config").notNull(),
    tsv: tsvector("tsv").notNull(),
    embedding: anyVector("embedding"),
    embedderId: text("embedder_id"),
  },
  (t) => [
    primaryKey({ columns: [t.docKey, t.ord] }),
    index("kb_chunks_tsv").using("gin", t.tsv),
    index("kb_chunks_embedder").on(t.embedderId),
  ],
);

/** One row describing the index as a whole; `version` changes whenever anything searchable changes. */
export const kbIndexState = pgTable("kb_index_state", {
  id: smallint("id").primaryKey().default(1),
  version: integer("version").notNull().default(0),
  /** The corpus-fitted local embedding model in use, if any. */
  localModelId: text("local_model_id"),
  /** Articles changed since that model was fitted; a refit happens once enough of the corpus moved. */
  changesSinceFit: integer("changes_since_fit").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Local embedding models fitted on the knowledge base itself (term vectors), stored with the index. */
export const kbEmbedderModels = pgTable("kb_embedder_models", {
  id: text("id").primaryKey(),
  dimensions: integer("dimensions").notNull(),
  docCount: integer("doc_count").notNull(),
  model: bytes("model").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});
