import { asc, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { serviceRouters, services } from "../../db/schema";
import type { Logger } from "../../logger";
import type { RequestClassification } from "../cases/handle-case-turn";
import type { RoutePrediction } from "../routing/classifier/fit-router";
import { QUESTION_EXAMPLES } from "./question-examples";

/** The label of the router's class for questions that are not service requests. */
export const NOT_A_REQUEST = "none";

export interface RoutingExample {
  text: string;
  code: string;
}

/** What the catalogue needs from a routing model: fit, store, load and use it. */
export interface RoutingEngine<Model> {
  /** Changes whenever fitting changes, so a stored model from an older engine is refitted. */
  version: string;
  fit(examples: RoutingExample[]): Model;
  serialize(model: Model): string;
  load(serialized: string): Model;
  /** Every code with its probability, most likely first. */
  predict(model: Model, text: string): RoutePrediction;
  /** The verdict from a prediction: a service at or above the engine's threshold, a short list, or none. */
  decide(prediction: RoutePrediction): RequestClassification;
}

/** A loaded router: the fitted model's ranking and verdict, and the catalogue it was fitted on. */
export interface ServiceRouter {
  fingerprint: string;
  predict(text: string): RoutePrediction;
  decide(prediction: RoutePrediction): RequestClassification;
  classify(text: string, lang: string): RequestClassification;
  /** The active services, in code order. */
  services: (typeof services.$inferSelect)[];
}

/**
 * The training set of the router: every active service's names, keywords and example requests in
 * every language, plus typical questions as the "none" class. No per-language code: a new language
 * in services.yaml is learnt like the others.
 */
export function buildRoutingExamples(rows: (typeof services.$inferSelect)[]): RoutingExample[] {
  const examples: RoutingExample[] = [];
  for (const row of rows) {
    if (!row.active) continue;
    const texts = [
      ...Object.values(row.names),
      ...Object.values(row.keywords).flat(),
      ...Object.values(row.examples).flat(),
    ];
    for (const text of new Set(texts)) examples.push({ text, code: row.code });
  }
  for (const text of Object.values(QUESTION_EXAMPLES).flat()) examples.push({ text, code: NOT_A_REQUEST });
  return examples;
}

async function fingerprintOf(engineVersion: string, examples: RoutingExample[]): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify([engineVersion, examples]));
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The router for the current catalogue: loaded from the database when one was already fitted on the
 * same examples (by this or another process), otherwise fitted now and stored for the others.
 */
export async function loadServiceRouter<Model>({
  database,
  engine,
  logger,
}: {
  database: Database;
  engine: RoutingEngine<Model>;
  logger?: Logger;
}): Promise<ServiceRouter> {
  const db = database.db;
  const rows = await db.select().from(services).orderBy(asc(services.code));
  const examples = buildRoutingExamples(rows);
  const fingerprint = await fingerprintOf(engine.version, examples);
  const [stored] = await db.select().from(serviceRouters).where(eq(serviceRouters.fingerprint, fingerprint));
  let model: Model;
  if (stored) {
    model = engine.load(stored.model);
  } else {
    const started = performance.now();
    model = engine.fit(examples);
    await db
      .insert(serviceRouters)
      .values({ fingerprint, model: engine.serialize(model), exampleCount: examples.length })
      .onConflictDoNothing();
    // Processes still on an older catalogue already hold their model in memory.
    await db.delete(serviceRouters).where(ne(serviceRouters.fingerprint, fingerprint));
    logger?.info("fitted the service router", {
      examples: examples.length,
      ms: Math.round(performance.now() - started),
    });
  }
  return {
    fingerprint,
    predict: (text) => engine.predict(model, text),
    decide: (prediction) => engine.decide(prediction),
    classify: (text) => engine.decide(engine.predict(model, text)),
    services: rows.filter((row) => row.active),
  };
}
