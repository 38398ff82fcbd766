import type { Database } from "../../db/database";
import type { Logger } from "../../logger";
import type { Embedder } from "../../ports/embedder";

/** What the knowledge verbs (ingestion and search) need from the outside. */
export interface KnowledgeContext {
  database: Database;
  embedder: Embedder;
  logger?: Logger | undefined;
}
