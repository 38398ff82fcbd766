import { type SQL, sql } from "drizzle-orm";
import { plainLines } from "../assistant/answer-sentences";
import type { KnowledgeContext } from "../knowledge/context";
import { analyzeText, stemTokens, tokenizeText } from "./analyzer";
import { splitCompound } from "./compound-split";
import { diversifyRanking } from "./diversify-ranking";
import { aliasKey, FIELD_COUNT } from "./index-terms";
import type { Posting, SearchSnapshot } from "./search-snapshot";
import { currentSnapshot } from "./search-snapshot";
import { findNearTerms } from "./spelling-index";
import { STOP_WORDS } from "./stop-words";

export interface SearchQuery {
  q: string;
  /** The asker's language: its translations are preferred, other languages are the fallback. */
  lang?: string | undefined;
  k?: number | undefined;
}

export interface SearchHit {
  articleId: string;
  lang: string;
  title: string;
  url: string | null;
  snippet: string;
  /** 0..1: the full-text score relative to the best hit, blended with the vector similarity. */
  score: number;
  passage: { headingPath: string[]; anchor: string | null; text: string };
}

/**
 * BM25 over the fields title, body and lead (per-field saturation, so a title match cannot be drowned
 * by a long body), with stems, stem pairs and exact words as keys; parameters chosen on the French
 * service-public development queries, not per query.
 */
const BM25 = {
  k1: 3,
  /** Per field: title, body, lead, alias (the editors' titles and terms in other languages). */
  b: [0.7, 0.5, 0.5, 0.5],
  fieldWeight: [1, 1, 0.5, 1],
  /** BM25+ floor: any match in a field counts for something, however long the field. */
  delta: 0.5,
  pairWeight: 0.4,
  exactWeight: 0.3,
  /** Bare numbers (years, amounts) say little about the topic. */
  numberWeight: 0.3,
  fuzzyWeight: 0.5,
  /**
   * Exponent of a query key's concentration (see keySpecificity) in its weight. On the French
   * service-public development queries, recall@5 rose on the half of the topics it was chosen on
   * (0.740 -> 0.748), and a little on the other half (0.823 -> 0.825) and on the FAQ questions (0.850 -> 0.854).
   */
  specificityExponent: 0.5,
};
/**
 * Weight of the cosine similarity against the best full-text score (1). Kept low: on the French
 * development set the local passage vectors cost recall@5 at 0.2 and 0.5; they matter for synonyms
 * and for questions in a language the article is not written in.
 */
const VECTOR_WEIGHT = 0.1;
const VECTOR_CANDIDATES = 40;
/** Weight of the similarity between the query and the article's mean passage vector. */
const ARTICLE_VECTOR_WEIGHT = 0.3;
/**
 * Pseudo-relevance feedback in the vector space: the query vector moves towards the mean vector of the
 * best full-text hits before the articles are compared with it, so articles on the same topic that
 * share few words with the query come closer. Chosen on one half of the development queries
 * (by topic) and confirmed on the other.
 */
const FEEDBACK_DOCS = 3;
const FEEDBACK_WEIGHT = 0.5;
/**
 * Cluster smoothing by the editors' categories: each candidate gains this weight times the share of the
 * CATEGORY_TOP best candidates' scores that falls in its own category. A query whose best hits are mostly
 * about work lifts the other work articles above a stray match from housing or schools. It depends on
 * the query (no category is favoured as such) and does nothing where articles have no category. Chosen
 * on one half of the French development queries by topic (recall@5 0.791 -> 0.797) and confirmed on the
 * other half (0.792 -> 0.800) and on the FAQ questions (0.855 -> 0.861).
 */
const CATEGORY_WEIGHT = 0.2;
const CATEGORY_TOP = 20;
/**
 * Diversity among the first results (maximal marginal relevance): the DIVERSITY_POOL best articles are
 * taken greedily, each by its score less DIVERSITY_PENALTY times its cosine similarity to the nearest
 * article already taken, so three near-identical pages (the same rule for three sectors) do not fill the
 * first places when the question could mean something else. On the French development queries, chosen
 * on one half by topic (recall@5 0.799 -> 0.803); no change on the other half (0.804), and up on the
 * FAQ questions (0.861 -> 0.864).
 */
const DIVERSITY_POOL = 10;
const DIVERSITY_PENALTY = 0.1;
/**
 * Nothing relevant: none of the COVERAGE_CANDIDATES best full-text hits covers this share of the
 * query's weight... Looking past the first hit matters when a long page repeats one rare query word
 * and outscores a page that has them all: judged on the first hit alone, 28 of the French development
 * queries got no answer at all; looking at ten, recall@5 rose 0.7993 -> 0.8015 while the city's
 * unrelated questions still find nothing.
 */
const MIN_COVERAGE = 0.4;
const COVERAGE_CANDIDATES = 10;
/** ...and no passage is this close in the vector space. */
const MIN_SIMILARITY = 0.5;
/**
 * Articles with no translation in the asker's language rank a little lower. On the Riverton questions
 * (fr, ro, de asking about English-only pages), 0.9 against 0.8 raised recall@1 on both halves of the
 * articles (0.667 -> 0.708, 0.723 -> 0.752); a knowledge base in one language is not affected.
 */
const OTHER_LANGUAGE_FACTOR = 0.9;

export async function searchKnowledge({
  ctx,
  query,
}: {
  ctx: KnowledgeContext;
  query: SearchQuery;
}): Promise<SearchHit[]> {
  const q = query.q.trim();
  const k = Math.min(Math.max(Math.trunc(query.k ?? 5), 1), 50);
  if (q === "") return [];
  const snapshot = await currentSnapshot(ctx.database, ctx.embedder);
  const n = snapshot.docs.length;
  if (n === 0) return [];

  const { scores, bestDoc, bestCoverage } = scoreFullText(snapshot, q, query.lang);
  const maxScore = bestDoc >= 0 ? scores[bestDoc]! : 0;
  const queryLang = query.lang ?? (bestDoc >= 0 ? snapshot.docs[bestDoc]!.lang : snapshot.docs[0]!.lang);
  const { docSimilarity, passageHits, queryVector } = await searchVectors(ctx, snapshot, q, queryLang);
  let maxSimilarity = 0;
  for (const s of docSimilarity.values()) maxSimilarity = Math.max(maxSimilarity, s);
  if (bestCoverage < MIN_COVERAGE && maxSimilarity < MIN_SIMILARITY) return [];

  const { fused, candidates } = fuseScores(snapshot, scores, maxScore, docSimilarity);
  // Article vectors are usable only when the current embedder made them.
  const articleVectors =
    snapshot.articleVectors?.embedderId === ctx.embedder.id ? snapshot.articleVectors : null;
  if (queryVector && articleVectors)
    addArticleSimilarity(
      fused,
      candidates,
      expandQueryVector(queryVector, articleVectors, fused, candidates),
      articleVectors,
    );
  addCategorySupport(snapshot, fused, candidates);
  const ranked = topArticles(snapshot, fused, candidates, Math.max(k, DIVERSITY_POOL), query.lang);
  const top = (
    articleVectors
      ? diversifyRanking(ranked, articleVectors, { pool: DIVERSITY_POOL, penalty: DIVERSITY_PENALTY })
      : ranked
  ).slice(0, k);
  const passages = await bestPassages(
    ctx,
    snapshot,
    top.map((t) => t.doc),
    q,
    passageHits,
  );
  const wantedByLang = new Map<string, Set<string>>();
  const wantedIn = (lang: string) => {
    let wanted = wantedByLang.get(lang);
    if (!wanted) {
      wanted = new Set(analyzeText(q, lang));
      wantedByLang.set(lang, wanted);
    }
    return wanted;
  };
  return top.map(({ doc, score }) => {
    const d = snapshot.docs[doc]!;
    const passage = passages.get(d.docKey) ?? { headingPath: [], anchor: null, text: d.title };
    return {
      articleId: d.articleId,
      lang: d.lang,
      title: d.title,
      url: d.url,
      snippet: snippetOf(passage.text, wantedIn(d.lang), d.lang),
      score: Math.round((score / MAX_FUSED) * 10_000) / 10_000,
      passage,
    };
  });
}

/** Full-text scores relative to the best one plus the passage similarity; `candidates` lists the documents scored. */
function fuseScores(
  snapshot: SearchSnapshot,
  scores: Float64Array,
  maxScore: number,
  docSimilarity: Map<number, number>,
): { fused: Float64Array; candidates: Int32Array } {
  const n = snapshot.docs.length;
  const fused = new Float64Array(n);
  const included = new Uint8Array(n);
  let count = 0;
  for (let d = 0; d < n; d++) {
    if (scores[d]! > 0) {
      fused[d] = scores[d]! / maxScore;
      included[d] = 1;
      count += 1;
    }
  }
  const extra: number[] = [];
  for (const [d, s] of docSimilarity) {
    if (scores[d]! === 0 && s < MIN_SIMILARITY) continue;
    fused[d]! += VECTOR_WEIGHT * Math.max(0, s);
    if (included[d] === 0) {
      included[d] = 1;
      extra.push(d);
    }
  }
  // Full-text hits in document order, then documents found by their passage vectors only.
  const candidates = new Int32Array(count + extra.length);
  let at = 0;
  for (let d = 0; d < n; d++) if (scores[d]! > 0) candidates[at++] = d;
  for (const d of extra) candidates[at++] = d;
  return { fused, candidates };
}

/** The highest fused score a document can reach, so the scores shown are 0..1. */
const MAX_FUSED = 1 + VECTOR_WEIGHT + ARTICLE_VECTOR_WEIGHT + CATEGORY_WEIGHT;

function addCategorySupport(snapshot: SearchSnapshot, fused: Float64Array, candidates: Int32Array) {
  if (snapshot.categories.length < 2) return;
  const best: number[] = [];
  for (const d of candidates) insertTopK(best, d, CATEGORY_TOP, (doc) => fused[doc]!);
  const support = new Float64Array(snapshot.categories.length);
  let total = 0;
  for (const d of best) {
    total += fused[d]!;
    const c = snapshot.docs[d]!.category;
    if (c >= 0) support[c]! += fused[d]!;
  }
  if (total <= 0) return;
  for (const d of candidates) {
    const c = snapshot.docs[d]!.category;
    if (c >= 0) fused[d]! += (CATEGORY_WEIGHT * support[c]!) / total;
  }
}

type ArticleVectors = NonNullable<SearchSnapshot["articleVectors"]>;

/** The query vector moved towards the mean vector of the FEEDBACK_DOCS best candidates, renormalised. */
function expandQueryVector(
  queryVector: number[],
  { dimensions, values }: ArticleVectors,
  fused: Float64Array,
  candidates: Int32Array,
): Float64Array {
  const best: number[] = [];
  for (const d of candidates) insertTopK(best, d, FEEDBACK_DOCS, (doc) => fused[doc]!);
  const v = Float64Array.from(queryVector);
  for (const d of best) {
    const share = FEEDBACK_WEIGHT / best.length;
    for (let i = 0, base = d * dimensions; i < dimensions; i++) v[i]! += share * values[base + i]!;
  }
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += v[i]! * v[i]!;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < dimensions; i++) v[i]! *= inv;
  return v;
}

function addArticleSimilarity(
  fused: Float64Array,
  candidates: Int32Array,
  queryVector: Float64Array,
  { dimensions, values }: ArticleVectors,
) {
  for (const d of candidates) {
    let dot = 0;
    for (let i = 0, base = d * dimensions; i < dimensions; i++) dot += queryVector[i]! * values[base + i]!;
    fused[d]! += ARTICLE_VECTOR_WEIGHT * Math.max(0, dot);
  }
}

/** Per snapshot, each document's article as a small integer, so ranking articles needs no string map. */
const ordinalsOf = new WeakMap<SearchSnapshot, { ordinals: Int32Array; articleIds: string[] }>();

function articleOrdinals(snapshot: SearchSnapshot) {
  let entry = ordinalsOf.get(snapshot);
  if (!entry) {
    const byId = new Map<string, number>();
    const ordinals = new Int32Array(snapshot.docs.length);
    snapshot.docs.forEach((doc, d) => {
      let a = byId.get(doc.articleId);
      if (a === undefined) {
        a = byId.size;
        byId.set(doc.articleId, a);
      }
      ordinals[d] = a;
    });
    entry = { ordinals, articleIds: [...byId.keys()] };
    ordinalsOf.set(snapshot, entry);
  }
  return entry;
}

/**
 * The k best articles, each by its best-scoring translation, shown in the asker's language when it
 * exists; without one the article ranks a little lower. A bounded insertion keeps this linear in the candidates.
 */
function topArticles(
  snapshot: SearchSnapshot,
  fused: Float64Array,
  candidates: Int32Array,
  k: number,
  lang: string | undefined,
): { doc: number; score: number }[] {
  const { ordinals, articleIds } = articleOrdinals(snapshot);
  const bestOfArticle = new Int32Array(articleIds.length).fill(-1);
  const touched: number[] = [];
  for (const d of candidates) {
    const a = ordinals[d]!;
    const current = bestOfArticle[a]!;
    if (current < 0) touched.push(a);
    if (current < 0 || fused[d]! > fused[current]!) bestOfArticle[a] = d;
  }
  const top: { doc: number; score: number }[] = [];
  for (const a of touched) {
    const best = bestOfArticle[a]!;
    let score = fused[best]!;
    // The language factor only lowers a score: an article already below the k-th cannot enter.
    if (top.length === k && score <= top[k - 1]!.score) continue;
    const articleId = articleIds[a]!;
    let doc = best;
    if (lang) {
      const preferred = (snapshot.translations.get(articleId) ?? [best]).find(
        (t) => snapshot.docs[t]!.lang === lang,
      );
      if (preferred === undefined) score *= OTHER_LANGUAGE_FACTOR;
      else doc = preferred;
    }
    insertTopK(top, { doc, score }, k, (entry) => entry.score);
  }
  return top;
}

/**
 * Keeps `top` as the k highest-scoring items seen so far, best first: an item that would not make it
 * costs one comparison, one that does moves up by insertion. Ties keep the earlier item first.
 */
function insertTopK<T>(top: T[], item: T, k: number, scoreOf: (item: T) => number): void {
  const score = scoreOf(item);
  if (top.length === k && score <= scoreOf(top[k - 1]!)) return;
  let i = Math.min(top.length, k - 1);
  top[i] = item;
  for (; i > 0 && score > scoreOf(top[i - 1]!); i--) [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
}

interface QueryKeys {
  weights: Map<string, number>;
  /** Stems (after spelling repair) with their weights, for the coverage measure. */
  stems: Map<string, number>;
}

/**
 * The query's keys analysed in `lang`; with `alias`, tagged as alias keys of that language, so they
 * match the titles and search terms editors gave in it (and misspellings are repaired against those).
 */
function queryKeysFor(snapshot: SearchSnapshot, q: string, lang: string, alias = false): QueryKeys {
  const weights = new Map<string, number>();
  const stems = new Map<string, number>();
  const tag = (key: string) => (alias ? aliasKey(key, lang) : key);
  const add = (key: string, w: number) => weights.set(tag(key), (weights.get(tag(key)) ?? 0) + w);
  const addStem = (stem: string, w: number) => stems.set(tag(stem), (stems.get(tag(stem)) ?? 0) + w);
  const stop = STOP_WORDS[lang];
  const words = tokenizeText(q).filter((word) => !stop?.has(word) && word.length <= 40);
  const analyzed = stemTokens(words, lang);
  for (const [i, stem] of analyzed.entries()) {
    const w = /^\d+$/.test(stem) ? BM25.numberWeight : 1;
    if (snapshot.postings.has(tag(stem)) || stem.length < 4 || /\d/.test(stem)) {
      add(stem, w);
      addStem(stem, w);
      continue;
    }
    // "Gartenabfalltonne": a compound none of the pages spells out, searched by its known parts.
    const parts = splitCompound(words[i]!, lang, (part) => snapshot.postings.has(tag(part)));
    if (parts) {
      for (const part of parts) {
        add(part, w);
        addStem(part, w);
      }
      continue;
    }
    const spelling = snapshot.spelling.get(alias ? `@${lang}` : lang);
    const near = spelling ? findNearTerms(spelling, stem) : [];
    if (near.length === 0) addStem(stem, w);
    for (const term of near) {
      add(term, BM25.fuzzyWeight);
      addStem(term, BM25.fuzzyWeight);
    }
  }
  for (let i = 1; i < analyzed.length; i++) add(`${analyzed[i - 1]}_${analyzed[i]}`, BM25.pairWeight);
  for (const word of tokenizeText(q)) if (!stop?.has(word)) add(`=${word}`, BM25.exactWeight);
  return { weights, stems };
}

/** Per snapshot: the BM25 length normalisation of every document and field, and each document's language. */
interface DocumentTables {
  /** k1 · (1 − b + b · length / average length), FIELD_COUNT values per document. */
  norms: Float64Array;
  langIds: Uint16Array;
}

const tablesBySnapshot = new WeakMap<SearchSnapshot, DocumentTables>();

function documentTables(snapshot: SearchSnapshot): DocumentTables {
  let tables = tablesBySnapshot.get(snapshot);
  if (tables) return tables;
  const n = snapshot.docs.length;
  const norms = new Float64Array(n * FIELD_COUNT);
  const langIds = new Uint16Array(n);
  snapshot.docs.forEach((doc, d) => {
    langIds[d] = snapshot.langs.indexOf(doc.lang);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const b = BM25.b[f]!;
      norms[d * FIELD_COUNT + f] = BM25.k1 * (1 - b + (b * doc.lengths[f]!) / snapshot.avgLengths[f]!);
    }
  });
  tables = { norms, langIds };
  tablesBySnapshot.set(snapshot, tables);
  return tables;
}

/**
 * BM25 of every document, each against the query analysed in the document's own language and, when
 * the asker's language is known, against the titles and terms editors gave in that language (so an
 * article with no translation is still found); and the largest share of the query's stem weight that
 * one of the best documents covers.
 */
function scoreFullText(
  snapshot: SearchSnapshot,
  q: string,
  queryLang: string | undefined,
): { scores: Float64Array; bestDoc: number; bestCoverage: number } {
  const n = snapshot.docs.length;
  const scores = new Float64Array(n);
  const { norms, langIds } = documentTables(snapshot);
  const singleLanguage = snapshot.langs.length === 1;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const stemsByLang: Map<string, number>[] = [];
  const passes = snapshot.langs.map((lang, langId) => ({ langId, ...queryKeysFor(snapshot, q, lang) }));
  for (const pass of passes) stemsByLang.push(pass.stems);
  // The alias pass scores documents of every language (langId -1).
  const aliasStems =
    queryLang !== undefined && snapshot.aliasLangs.has(queryLang)
      ? queryKeysFor(snapshot, q, queryLang, true)
      : undefined;
  if (aliasStems) passes.push({ langId: -1, ...aliasStems });
  for (const { langId, weights } of passes) {
    for (const [key, w] of weights) {
      const posting = snapshot.postings.get(key);
      if (!posting) continue;
      const { docs, tf: tfs } = posting;
      const specificity = keySpecificity(snapshot, key) ** BM25.specificityExponent;
      for (let f = 0; f < FIELD_COUNT; f++) {
        if (posting.df[f] === 0) continue;
        const factor = w * specificity * BM25.fieldWeight[f]! * idf(posting.df[f]!);
        for (let i = 0; i < docs.length; i++) {
          const tf = tfs[i * FIELD_COUNT + f]!;
          if (tf === 0) continue;
          const d = docs[i]!;
          if (!singleLanguage && langId >= 0 && langIds[d] !== langId) continue;
          scores[d]! += factor * ((tf * (BM25.k1 + 1)) / (tf + norms[d * FIELD_COUNT + f]!) + BM25.delta);
        }
      }
    }
  }
  // Best first; ties keep the earlier document, so best[0] is the first document with the top score.
  const best: number[] = [];
  for (let d = 0; d < n; d++)
    if (scores[d]! > 0) insertTopK(best, d, COVERAGE_CANDIDATES, (doc) => scores[doc]!);
  const bestDoc = best[0] ?? -1;
  if (bestDoc < 0) return { scores, bestDoc, bestCoverage: 0 };
  let bestCoverage = 0;
  for (const doc of best) {
    for (const stems of [stemsByLang[langIds[doc]!]!, aliasStems?.stems]) {
      if (!stems) continue;
      const alias = stems === aliasStems?.stems;
      let total = 0;
      let covered = 0;
      for (const [stem, w] of stems) {
        const posting = snapshot.postings.get(stem);
        // Editors give a few words per language, not a vocabulary: a word none of them used says
        // nothing against the question, unlike a word no article in the city's language contains.
        if (alias && !posting) continue;
        const weight = w * idf(posting ? posting.docs.length : 0);
        total += weight;
        if (posting && containsSorted(posting.docs, doc)) covered += weight;
      }
      if (total > 0) bestCoverage = Math.max(bestCoverage, covered / total);
    }
  }
  return { scores, bestDoc, bestCoverage };
}

const concentrationBySnapshot = new WeakMap<SearchSnapshot, Map<string, number>>();

/**
 * How concentrated an index key is over the documents: the log-entropy global weight
 * 1 + Σ p·log p / log n, with p the key's share of its title and body occurrences in each document.
 * 1 for a key found in one document, near 0 for one spread thinly over many ("faire", "droit"), which
 * says less about the topic than its document frequency alone tells. A stem pair takes the weaker of
 * its stems; exact words are left at 1. Computed once per key and snapshot.
 */
function keySpecificity(snapshot: SearchSnapshot, key: string): number {
  if (key.startsWith("=")) return 1;
  let cache = concentrationBySnapshot.get(snapshot);
  if (!cache) {
    cache = new Map();
    concentrationBySnapshot.set(snapshot, cache);
  }
  let weakest = 1;
  for (const stem of key.split("_")) {
    let value = cache.get(stem);
    if (value === undefined) {
      const posting = snapshot.postings.get(stem);
      if (!posting) continue;
      value = concentration(posting, snapshot.docs.length);
      cache.set(stem, value);
    }
    weakest = Math.min(weakest, value);
  }
  return weakest;
}

function concentration({ docs, tf }: Posting, n: number): number {
  let total = 0;
  for (let i = 0; i < docs.length; i++) total += tf[i * FIELD_COUNT]! + tf[i * FIELD_COUNT + 1]!;
  if (total === 0) return 1;
  let sum = 0;
  for (let i = 0; i < docs.length; i++) {
    const count = tf[i * FIELD_COUNT]! + tf[i * FIELD_COUNT + 1]!;
    if (count > 0) sum += (count / total) * Math.log(count / total);
  }
  return Math.max(0, 1 + sum / Math.log(Math.max(n, 2)));
}

/** Posting lists are built in document order, so membership is a binary search. */
function containsSorted(docs: Int32Array, d: number): boolean {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = docs[mid]!;
    if (value === d) return true;
    if (value < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Nearest passages by cosine through the embedder's HNSW index; per document its best passage. */
async function searchVectors(ctx: KnowledgeContext, snapshot: SearchSnapshot, q: string, lang: string) {
  const docSimilarity = new Map<number, number>();
  const passageHits: PassageHit[] = [];
  const { embedder } = ctx;
  const dims = embedder.dimensions;
  if (dims === 0) return { docSimilarity, passageHits, queryVector: null };
  const raw = await embedder.embedQuery(q, lang);
  const norm = Math.sqrt(raw.reduce((sum, x) => sum + x * x, 0));
  if (raw.length !== dims || norm === 0) return { docSimilarity, passageHits, queryVector: null };
  const queryVector = raw.map((x) => x / norm);
  const literal = `[${raw.join(",")}]`;
  // The embedder id is a literal so the planner can use that embedder's partial index.
  const embedderId = sql.raw(`'${embedder.id.replace(/'/g, "''")}'`);
  const cast = sql.raw(`vector(${dims})`);
  const rows = await ctx.database.query<{ doc_key: number; ord: number; similarity: number }>(
    sql`select doc_key, ord, 1 - (embedding::${cast} <=> ${literal}::${cast}) as similarity
        from kb_chunks where embedder_id = ${embedderId}
        order by embedding::${cast} <=> ${literal}::${cast} limit ${VECTOR_CANDIDATES}`,
  );
  for (const row of rows) {
    const d = snapshot.docIndex.get(row.doc_key);
    if (d === undefined) continue;
    const similarity = Number(row.similarity);
    passageHits.push({ docKey: Number(row.doc_key), ord: Number(row.ord), similarity });
    if (similarity > (docSimilarity.get(d) ?? -1)) docSimilarity.set(d, similarity);
  }
  return { docSimilarity, passageHits, queryVector };
}

/** A passage among the nearest to the query vector. */
interface PassageHit {
  docKey: number;
  ord: number;
  similarity: number;
}

/** Per article, the passage that best matches the query: full-text rank of the passage plus its vector similarity. */
async function bestPassages(
  ctx: KnowledgeContext,
  snapshot: SearchSnapshot,
  docs: number[],
  q: string,
  passageHits: readonly PassageHit[],
) {
  const out = new Map<number, SearchHit["passage"]>();
  if (docs.length === 0) return out;
  const keys = docs.map((d) => snapshot.docs[d]!.docKey);
  const words = [...new Set(tokenizeText(q))].slice(0, 32);
  const tsQuery = words.join(" | ");
  // The query is parsed once per text search configuration, not once per passage.
  const docKeys = sql.join(keys, sql`, `);
  const queries =
    words.length > 0
      ? sql`(select cfg, to_tsquery(cfg::regconfig, ${tsQuery}) from
          (select distinct ts_config from kb_chunks where doc_key in (${docKeys})) as d(cfg))`
      : sql`(select null::text, null::tsquery where false)`;
  // Only the winning passage of each article leaves the database: ranking every passage in SQL and
  // shipping one text per article is cheaper than shipping them all (long articles have dozens).
  const similarities: SQL[] = [];
  const wanted = new Set(keys);
  for (const { docKey, ord, similarity } of passageHits) {
    if (wanted.has(docKey)) similarities.push(sql`(${docKey}::int, ${ord}::int, ${similarity}::float8)`);
  }
  const vectorRows =
    similarities.length > 0
      ? sql`(values ${sql.join(similarities, sql`, `)})`
      : sql`(select null::int, null::int, null::float8 where false)`;
  const rows = await ctx.database.query<{
    doc_key: number;
    heading_path: string[];
    anchor: string | null;
    text: string;
  }>(
    sql`select distinct on (c.doc_key) c.doc_key, c.heading_path, c.anchor, c.text
        from kb_chunks c
        left join ${queries} as q(cfg, query) on q.cfg = c.ts_config
        left join ${vectorRows} as v(doc_key, ord, similarity) on v.doc_key = c.doc_key and v.ord = c.ord
        where c.doc_key in (${docKeys})
        order by c.doc_key,
          coalesce(ts_rank_cd(c.tsv, q.query), 0) + 0.5 * coalesce(v.similarity, 0) desc, c.ord`,
  );
  for (const row of rows) {
    out.set(Number(row.doc_key), { headingPath: row.heading_path, anchor: row.anchor, text: row.text });
  }
  return out;
}

/**
 * Passages split into sentences with their stems, kept for the passages searched most recently: the
 * same popular passages come back query after query, and analysing them was a third of a search.
 */
const SENTENCE_CACHE_SIZE = 4000;
const sentenceCache = new Map<string, { sentences: string[]; terms: Set<string>[] }>();

function sentencesOf(text: string, lang: string) {
  const key = `${lang}\u0000${text}`;
  let entry = sentenceCache.get(key);
  if (entry) {
    sentenceCache.delete(key);
  } else {
    // Snippets are plain text: list markers, emphasis and link targets are removed.
    const sentences = plainLines(text).flatMap((line) =>
      line.text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== ""),
    );
    entry = { sentences, terms: sentences.map((sentence) => new Set(analyzeText(sentence, lang))) };
    if (sentenceCache.size >= SENTENCE_CACHE_SIZE) sentenceCache.delete(sentenceCache.keys().next().value!);
  }
  sentenceCache.set(key, entry);
  return entry;
}

/** The sentence (and what follows it, up to ~240 characters) sharing the most stems with the query. */
function snippetOf(text: string, wanted: ReadonlySet<string>, lang: string): string {
  const { sentences, terms } = sentencesOf(text, lang);
  let bestIndex = 0;
  let bestHits = -1;
  terms.forEach((sentenceTerms, i) => {
    let hits = 0;
    for (const term of sentenceTerms) if (wanted.has(term)) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      bestIndex = i;
    }
  });
  let snippet = "";
  for (let i = bestIndex; i < sentences.length && snippet.length < 240; i++)
    snippet += `${sentences[i]!.trim()} `;
  snippet = snippet.trim();
  return snippet.length > 280 ? `${snippet.slice(0, 277).replace(/\s+\S*$/, "")}…` : snippet;
}
