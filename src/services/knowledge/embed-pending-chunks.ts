import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { forgetIndexVersion } from "../retrieval/search-snapshot";
import type { KnowledgeContext } from "./context";

const BATCH_SIZE = 1000;
/** pgvector's HNSW index takes at most this many dimensions for the `vector` type. */
const HNSW_MAX_DIMENSIONS = 2000;

/**
 * Gives every passage a vector from the current embedder: new passages, and all of them after the
 * embedder changed (another model, or a refit of the local one). Articles are never touched, so
 * search keeps working on full text while vectors are being rebuilt.
 */
export async function embedPendingChunks(ctx: KnowledgeContext): Promise<number> {
  const { embedder, database } = ctx;
  await embedder.syncWithCorpus?.("fit");
  if (embedder.dimensions === 0) return 0;
  const embedderId = embedder.id;
  let embedded = 0;
  // Walk the primary key instead of asking for "pending" rows again each batch: that rescans the table.
  let after = { docKey: -1, ord: -1 };
  for (;;) {
    const rows = await database.query<{
      doc_key: number;
      ord: number;
      lang: string;
      text: string;
      heading_path: string[];
      title: string;
      title_indexed: boolean;
    }>(sql`select c.doc_key, c.ord, c.lang, c.text, c.heading_path, a.title, a.title_indexed
           from kb_chunks c join kb_articles a on a.doc_key = c.doc_key
           where (c.doc_key, c.ord) > (${after.docKey}::int, ${after.ord}::int)
             and c.embedder_id is distinct from ${embedderId}
           order by c.doc_key, c.ord limit ${BATCH_SIZE}`);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    after = { docKey: last.doc_key, ord: last.ord };
    const vectors = new Map<string, number[]>();
    const byLang = new Map<string, typeof rows>();
    for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
    for (const [lang, group] of byLang) {
      const texts = group.map((r) =>
        [r.title_indexed ? r.title : "", ...r.heading_path, r.text]
          .join("\n")
          .slice(0, embedder.maxInputChars),
      );
      const out = await embedder.embedDocuments(texts, lang);
      group.forEach((r, i) => {
        vectors.set(`${r.doc_key}:${r.ord}`, out[i]!);
      });
    }
    const values = rows.map((r) => {
      const v = vectors.get(`${r.doc_key}:${r.ord}`)!;
      // A passage with no known word has no direction; it stays out of the vector index.
      const usable = v.length === embedder.dimensions && v.some((x) => x !== 0);
      return sql`(${r.doc_key}::int, ${r.ord}::int, ${usable ? `[${v.join(",")}]` : null}::text)`;
    });
    await database.query(sql`update kb_chunks c set embedding = v.e::vector, embedder_id = ${embedderId}
      from (values ${sql.join(values, sql`, `)}) as v(doc_key, ord, e)
      where c.doc_key = v.doc_key and c.ord = v.ord`);
    embedded += rows.length;
  }
  await ensureVectorIndex(ctx, embedderId, embedder.dimensions);
  if (embedded > 0) await database.query(sql`update kb_index_state set version = version + 1 where id = 1`);
  forgetIndexVersion(database);
  return embedded;
}

export function vectorIndexName(embedderId: string): string {
  return `kb_chunks_hnsw_${createHash("sha256").update(embedderId).digest("hex").slice(0, 12)}`;
}

// Fixed id of the advisory lock that serialises index changes between processes starting together.
const VECTOR_INDEX_LOCK_ID = 7_311_2027;

/**
 * One partial HNSW index per embedder (cast to its dimension); indexes of embedders no longer in use
 * are dropped. Under a transaction-scoped advisory lock: two processes creating the same index at once
 * make PostgreSQL fail one of them even with "if not exists".
 */
async function ensureVectorIndex(
  ctx: KnowledgeContext,
  embedderId: string,
  dimensions: number,
): Promise<void> {
  const name = vectorIndexName(embedderId);
  const literal = embedderId.replace(/'/g, "''");
  await ctx.database.db.transaction(async (tx) => {
    if (ctx.database.kind === "postgres")
      await tx.execute(sql`select pg_advisory_xact_lock(${VECTOR_INDEX_LOCK_ID})`);
    const listed = (await tx.execute(
      sql`select indexname from pg_indexes where tablename = 'kb_chunks' and indexname like 'kb_chunks_hnsw_%'`,
    )) as unknown as { rows: { indexname: string }[] };
    const existing = listed.rows;
    for (const { indexname } of existing) {
      if (indexname !== name) await tx.execute(sql.raw(`drop index if exists ${indexname}`));
    }
    if (dimensions > HNSW_MAX_DIMENSIONS || existing.some((e) => e.indexname === name)) return;
    await tx.execute(
      sql.raw(
        `create index if not exists ${name} on kb_chunks using hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) where embedder_id = '${literal}'`,
      ),
    );
  });
}
