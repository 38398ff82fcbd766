import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/database";
import { kbEmbedderModels, kbIndexState } from "../db/schema";
import type { Embedder } from "../ports/embedder";
import { analyzeText } from "../services/retrieval/analyzer";
import { decodeDocumentTerms } from "../services/retrieval/index-terms";
import {
  deserializeLsaModel,
  embedTerms,
  fitLsaModel,
  type LsaModel,
  serializeLsaModel,
} from "../services/retrieval/lsa-model";

export interface LocalEmbedderOptions {
  database: Database;
  dimensions?: number;
  /** Refit once this share of the published articles changed since the last fit. */
  refitShare?: number;
}

/**
 * The offline embedder: latent semantic analysis fitted on the stored knowledge base (no download).
 * Translations of one article are fitted as one document, so their words land close together and a
 * question in one language finds the article written in another. The model lives in the database,
 * so every process embeds queries with the model the index was built with.
 */
export function createLocalEmbedder(options: LocalEmbedderOptions): Embedder {
  const { database } = options;
  const targetDimensions = options.dimensions ?? 128;
  const refitShare = options.refitShare ?? 0.2;
  let model: LsaModel | null = null;

  const embed = (text: string, lang: string): number[] => {
    if (!model) return [];
    const terms = analyzeText(text, lang).map((t) => `${lang}:${t}`);
    return Array.from(embedTerms(model, terms));
  };

  const load = async (modelId: string | null) => {
    if (modelId === null || model?.id === modelId) return;
    const [row] = await database.db
      .select({ model: kbEmbedderModels.model })
      .from(kbEmbedderModels)
      .where(eq(kbEmbedderModels.id, modelId));
    if (row) model = deserializeLsaModel(row.model);
  };

  const refit = async () => {
    const rows = await database.query<{ article_id: string; lang: string; index_terms: Uint8Array }>(
      sql`select article_id, lang, index_terms from kb_articles
          where status = 'published' and index_terms is not null order by article_id, lang`,
    );
    const byArticle = new Map<string, Map<string, number>>();
    for (const row of rows) {
      let counts = byArticle.get(row.article_id);
      if (!counts) {
        counts = new Map();
        byArticle.set(row.article_id, counts);
      }
      for (const [term, tf] of decodeDocumentTerms(row.index_terms).terms) {
        if (term.includes("_") || term.startsWith("=")) continue;
        const key = `${row.lang}:${term}`;
        // Title and body count; the lead repeats the body.
        counts.set(key, (counts.get(key) ?? 0) + tf[0]! + tf[1]!);
      }
    }
    const fitted = fitLsaModel([...byArticle.values()], { dimensions: targetDimensions });
    if (!fitted) return;
    await database.db
      .insert(kbEmbedderModels)
      .values({
        id: fitted.id,
        dimensions: fitted.dimensions,
        docCount: fitted.docCount,
        model: serializeLsaModel(fitted),
      })
      .onConflictDoNothing();
    await database.db
      .update(kbIndexState)
      .set({ localModelId: fitted.id, changesSinceFit: 0, updatedAt: new Date() })
      .where(eq(kbIndexState.id, 1));
    model = fitted;
  };

  return {
    get id() {
      return model?.id ?? "local-lsa:none";
    },
    get dimensions() {
      return model?.dimensions ?? 0;
    },
    maxInputChars: 100_000,
    async embedDocuments(texts, lang) {
      return texts.map((text) => embed(text, lang));
    },
    async embedQuery(text, lang) {
      return embed(text, lang);
    },
    async syncWithCorpus(mode) {
      const [state] = await database.db.select().from(kbIndexState).where(eq(kbIndexState.id, 1));
      if (mode === "load") {
        await load(state?.localModelId ?? null);
        return;
      }
      const [{ published } = { published: 0 }] = await database.query<{ published: number }>(
        sql`select count(*)::int as published from kb_articles where status = 'published' and index_terms is not null`,
      );
      if (published < 3) return;
      const stale =
        !state?.localModelId || state.changesSinceFit >= Math.max(1, Math.ceil(published * refitShare));
      if (stale) await refit();
      else await load(state.localModelId);
    },
  };
}
