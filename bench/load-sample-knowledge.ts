import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config";
import { createEmbedder } from "../src/configured-adapters";
import type { Database } from "../src/db/client";
import type { KnowledgeContext } from "../src/services/knowledge/context";
import { syncKnowledgeDir } from "../src/services/knowledge/sync-knowledge-dir";

const SAMPLE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));

/**
 * Loads the repository's sample knowledge base (Riverton) into a migrated database with the local
 * embedder, whatever the environment configures, so benchmarks and tests stay offline.
 */
export async function loadSampleKnowledge(database: Database): Promise<KnowledgeContext> {
  const config = loadConfig({ LOG_LEVEL: "silent" });
  const ctx: KnowledgeContext = { database, embedder: await createEmbedder({ config, database }) };
  const result = await syncKnowledgeDir({ ctx, dir: SAMPLE_DIR });
  if (result.problems.length > 0)
    throw new Error(
      `the sample knowledge base has bad files: ${result.problems.map((p) => p.message).join("; ")}`,
    );
  return ctx;
}
