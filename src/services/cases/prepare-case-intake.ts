import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { RoutingJudge } from "../../ports/routing-judge";
import type { HandleCaseTurn } from "../assistant/assistant-deps";
import { readCatalogueFiles } from "../catalogue/catalogue-files";
import { classifierFor } from "../catalogue/judged-routing";
import { loadServiceRouter, type RoutingEngine } from "../catalogue/service-router";
import { syncCatalogue } from "../catalogue/sync-catalogue";
import { caseStep } from "./case-step";
import type { CaseSettings } from "./context";

/**
 * Start-up for the case intake: loads knowledge/services.yaml and sla.yaml into the database (when
 * present), fits or loads the service router, and returns the assistant's case step.
 */
export async function prepareCaseIntake<Model>({
  database,
  knowledgeDir,
  engine,
  logger,
  settings,
  jobQueue,
  routingJudge,
}: {
  database: Database;
  knowledgeDir: string;
  engine: RoutingEngine<Model>;
  logger: Logger;
  settings?: CaseSettings;
  /** Where the SLA timers of opened cases are queued. */
  jobQueue?: JobQueue;
  /** A chat model's opinion blended into the fitted router's (when a model is configured). */
  routingJudge?: RoutingJudge | undefined;
}): Promise<HandleCaseTurn> {
  const hasFiles = await access(join(knowledgeDir, "services.yaml")).then(
    () => true,
    () => false,
  );
  if (hasFiles) {
    // Location rules go to the database with the services, so every channel's case opening applies them.
    const files = await readCatalogueFiles(knowledgeDir);
    const result = await syncCatalogue({ ctx: { database }, input: files });
    logger.info("service catalogue loaded", { ...result });
  }
  const router = await loadServiceRouter({ database, engine, logger });
  return caseStep({
    database,
    classify: classifierFor(router, routingJudge, logger),
    anticipate: routingJudge !== undefined,
    logger,
    ...(settings ? { settings } : {}),
    ...(jobQueue ? { jobQueue } : {}),
  });
}
