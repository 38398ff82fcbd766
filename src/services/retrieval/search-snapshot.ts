import { sql } from "drizzle-orm";
import type { Database } from "../../db/database";
import type { Embedder } from "../../ports/embedder";
import { aliasLangOf, decodeDocumentTerms, FIELD_COUNT } from "./index-terms";
import { buildSpellingIndex, type SpellingIndex } from "./spelling-index";

export interface SnapshotDoc {
  docKey: number;
  articleId: string;
  lang: string;
  title: string;
  url: string | null;
  /** Index into SearchSnapshot.categories, or -1 when the article has none. */
  category: number;
  lengths: number[];
}

/** Documents containing one index key, with the key's frequency per field (FIELD_COUNT values per document). */
export interface Posting {
  docs: Int32Array;
  tf: Uint16Array;
  /** Documents with the key in each field. */
  df: number[];
}

/**
 * The published articles' term statistics (stored per article in kb_articles.index_terms), turned into
 * an inverted index in memory. It is rebuilt whenever kb_index_state.version moves, so every process
 * searches what the database holds.
 */
export interface SearchSnapshot {
  version: number;
  docs: SnapshotDoc[];
  docIndex: Map<number, number>;
  /** Article id → its published translations (indexes into `docs`). */
  translations: Map<string, number[]>;
  postings: Map<string, Posting>;
  avgLengths: number[];
  /** Languages of the documents. */
  langs: string[];
  /** The editors' categories of the articles (the city's topics: "Waste and recycling", "Travail"...). */
  categories: string[];
  /**
   * Stems per language, for matching misspelled query words; `@de` holds the stems of the editors'
   * German titles and search terms (alias keys, untagged).
   */
  spelling: Map<string, SpellingIndex>;
  /** Languages that some article has alias keys in (titles or search terms in the front matter). */
  aliasLangs: Set<string>;
  /**
   * Per document the normalised mean of its passage vectors (row d, `embedderId`'s dimension), or null
   * when nothing is embedded: the article's topic as a whole, which single passages can miss.
   */
  articleVectors: { embedderId: string; dimensions: number; values: Float32Array } | null;
}

interface CacheEntry {
  version: number;
  snapshot: Promise<SearchSnapshot>;
}

const cache = new WeakMap<Database, CacheEntry>();

/**
 * How long a read of the index version is trusted. Every search and turn read it before (one round
 * trip each); an edit made by another process now shows within this long, one made here at once.
 */
const VERSION_TTL_MS = 1000;
const versionReads = new WeakMap<Database, { at: number; version: Promise<number> }>();

/** Makes the next search re-read the index version; called by this process's own knowledge writes. */
export function forgetIndexVersion(database: Database): void {
  versionReads.delete(database);
}

/** The index version, read from the database at most once per VERSION_TTL_MS per process. */
export function readIndexVersion(database: Database): Promise<number> {
  const now = Date.now();
  const recent = versionReads.get(database);
  if (recent && now - recent.at < VERSION_TTL_MS) return recent.version;
  const version = database
    .query<{ version: number }>(sql`select version from kb_index_state where id = 1`)
    .then(([state]) => state?.version ?? 0);
  versionReads.set(database, { at: now, version });
  version.catch(() => {
    if (versionReads.get(database)?.version === version) versionReads.delete(database);
  });
  return version;
}

export async function currentSnapshot(database: Database, embedder: Embedder): Promise<SearchSnapshot> {
  const version = await readIndexVersion(database);
  const cached = cache.get(database);
  if (cached && cached.version === version) return cached.snapshot;
  const snapshot = (async () => {
    await embedder.syncWithCorpus?.("load");
    const loaded = await loadSnapshot(database, version);
    loaded.articleVectors = await loadArticleVectors(database, embedder, loaded.docIndex);
    return loaded;
  })();
  cache.set(database, { version, snapshot });
  snapshot.catch(() => {
    if (cache.get(database)?.snapshot === snapshot) cache.delete(database);
  });
  return snapshot;
}

interface Growing {
  n: number;
  docs: Int32Array;
  tf: Uint16Array;
}

async function loadSnapshot(database: Database, version: number): Promise<SearchSnapshot> {
  const rows = await database.query<{
    doc_key: number;
    article_id: string;
    lang: string;
    title: string;
    url: string | null;
    category: string | null;
    index_terms: Uint8Array;
  }>(sql`select doc_key, article_id, lang, title, url, category, index_terms from kb_articles
         where status = 'published' and index_terms is not null order by doc_key`);
  const docs: SnapshotDoc[] = [];
  const growing = new Map<string, Growing>();
  const totals = new Array<number>(FIELD_COUNT).fill(0);
  const vocabulary = new Map<string, Set<string>>();
  const categoryIds = new Map<string, number>();
  const aliasLangs = new Set<string>();
  const categoryOf = (name: string | null) => {
    const key = name?.trim().toLowerCase();
    if (!key) return -1;
    let id = categoryIds.get(key);
    if (id === undefined) {
      id = categoryIds.size;
      categoryIds.set(key, id);
    }
    return id;
  };
  rows.forEach((row, d) => {
    const decoded = decodeDocumentTerms(row.index_terms);
    docs.push({
      docKey: row.doc_key,
      articleId: row.article_id,
      lang: row.lang,
      title: row.title,
      url: row.url,
      category: categoryOf(row.category),
      lengths: decoded.lengths,
    });
    decoded.lengths.forEach((l, f) => {
      totals[f]! += l;
    });
    for (const [term, tf] of decoded.terms) {
      let g = growing.get(term);
      if (!g) {
        g = { n: 0, docs: new Int32Array(2), tf: new Uint16Array(2 * FIELD_COUNT) };
        growing.set(term, g);
      }
      if (g.n === 0) {
        const aliasLang = aliasLangOf(term);
        if (aliasLang !== undefined) {
          aliasLangs.add(aliasLang);
          if (!term.includes("_") && !term.startsWith("="))
            addToVocabulary(vocabulary, `@${aliasLang}`, term.slice(aliasLang.length + 1));
        }
      }
      if (g.n === 0 || docs[g.docs[g.n - 1]!]!.lang !== row.lang)
        if (!term.includes("_") && !term.startsWith("=") && !term.includes(":"))
          addToVocabulary(vocabulary, row.lang, term);
      if (g.n === g.docs.length) {
        const docsBigger = new Int32Array(g.n * 2);
        docsBigger.set(g.docs);
        const tfBigger = new Uint16Array(g.n * 2 * FIELD_COUNT);
        tfBigger.set(g.tf);
        g.docs = docsBigger;
        g.tf = tfBigger;
      }
      g.docs[g.n] = d;
      for (let f = 0; f < FIELD_COUNT; f++) g.tf[g.n * FIELD_COUNT + f] = Math.min(tf[f] ?? 0, 65_535);
      g.n += 1;
    }
  });
  const postings = new Map<string, Posting>();
  for (const [term, g] of growing) {
    const df = new Array<number>(FIELD_COUNT).fill(0);
    for (let i = 0; i < g.n; i++)
      for (let f = 0; f < FIELD_COUNT; f++) if (g.tf[i * FIELD_COUNT + f]! > 0) df[f]! += 1;
    postings.set(term, { docs: g.docs.subarray(0, g.n), tf: g.tf.subarray(0, g.n * FIELD_COUNT), df });
  }
  const translations = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    const list = translations.get(doc.articleId);
    if (list) list.push(i);
    else translations.set(doc.articleId, [i]);
  });
  return {
    version,
    docs,
    docIndex: new Map(docs.map((doc, i) => [doc.docKey, i])),
    translations,
    postings,
    avgLengths: totals.map((t) => (docs.length > 0 ? t / docs.length : 0) || 1),
    langs: [...new Set(docs.map((d) => d.lang))],
    categories: [...categoryIds.keys()],
    spelling: new Map([...vocabulary].map(([lang, terms]) => [lang, buildSpellingIndex(terms)])),
    aliasLangs,
    articleVectors: null,
  };
}

function addToVocabulary(vocabulary: Map<string, Set<string>>, lang: string, term: string) {
  const set = vocabulary.get(lang);
  if (set) set.add(term);
  else vocabulary.set(lang, new Set([term]));
}

async function loadArticleVectors(
  database: Database,
  embedder: Embedder,
  docIndex: Map<number, number>,
): Promise<SearchSnapshot["articleVectors"]> {
  const dims = embedder.dimensions;
  if (dims === 0 || docIndex.size === 0) return null;
  const cast = sql.raw(`vector(${dims})`);
  const rows = await database.query<{ doc_key: number; mean: string }>(
    sql`select doc_key, avg(embedding::${cast})::text as mean from kb_chunks
        where embedder_id = ${embedder.id} and embedding is not null group by doc_key`,
  );
  if (rows.length === 0) return null;
  const values = new Float32Array(docIndex.size * dims);
  for (const row of rows) {
    const d = docIndex.get(row.doc_key);
    if (d === undefined) continue;
    const mean = JSON.parse(row.mean) as number[];
    let norm = 0;
    for (const x of mean) norm += x * x;
    if (norm === 0 || mean.length !== dims) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < dims; i++) values[d * dims + i] = mean[i]! * inv;
  }
  return { embedderId: embedder.id, dimensions: dims, values };
}
