/**
 * Turns text into vectors for semantic search. The id and the dimension are part of the index:
 * every stored vector records the embedder id that produced it, and vectors from another embedder
 * are re-computed rather than compared.
 */
export interface Embedder {
  /** Stable name of the model and its settings, e.g. "openai:text-embedding-3-small:1536". */
  readonly id: string;
  readonly dimensions: number;
  /** Longest text worth sending in one piece; longer texts are cut by the caller. */
  readonly maxInputChars: number;
  /** `lang` is the ISO 639-1 code of the texts; models that do not need it ignore it. */
  embedDocuments(texts: string[], lang: string): Promise<number[][]>;
  embedQuery(text: string, lang: string): Promise<number[]>;
  /**
   * Only for embedders fitted on the knowledge base itself: "fit" refits when enough of the stored
   * corpus changed since the last fit; "load" picks up the model another process stored. Either may
   * change `id` and `dimensions`.
   */
  syncWithCorpus?(mode: "fit" | "load"): Promise<void>;
}
