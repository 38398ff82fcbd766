import type { RequestClassification } from "../cases/handle-case-turn";
import { fitRouter, type RoutePrediction, type Router } from "../routing/classifier/fit-router";
import { loadRouter, serializeRouter } from "../routing/classifier/serialize-router";
import { NOT_A_REQUEST, type RoutingEngine } from "./service-router";

/**
 * The embedded router: an ensemble of linear models over word and character n-grams fitted on the
 * catalogue's own examples (src/services/routing/classifier). Below the threshold the two or three
 * likeliest services are offered instead of guessing.
 */
export function createRoutingEngine(options: { threshold?: number } = {}): RoutingEngine<Router> {
  const threshold = options.threshold ?? ROUTING_THRESHOLD;
  return {
    version: "catalogue-ensemble-4",
    fit: (examples) => fitRouter({ examples }),
    serialize: (router) => JSON.stringify(serializeRouter(router)),
    load: (serialized) => loadRouter(JSON.parse(serialized)),
    predict: (router, text) => router.predict(text),
    decide: (prediction) => decideRoute(prediction, threshold),
  };
}

// On the three cities' test sets, 80–90% of the answers at or above it were right (routing eval diagnostics).
export const ROUTING_THRESHOLD = 0.5;

/** Turns ranked probabilities into a verdict: a service, a short list to choose from, or not a request. */
export function decideRoute(prediction: RoutePrediction, threshold: number): RequestClassification {
  const best = prediction.ranked[0];
  if (!best || best.code === NOT_A_REQUEST) return { kind: "none" };
  if (best.score >= threshold) return { kind: "service", code: best.code, confidence: best.score };
  const services = prediction.ranked.filter((r) => r.code !== NOT_A_REQUEST);
  // A third option only when it is a real contender; a long list is harder to answer than a wrong guess.
  const candidates = services
    .slice(0, 3)
    .filter((r, i) => i < 2 || r.score >= services[1]!.score / 2)
    .map((r) => r.code);
  return { kind: "clarify", candidates };
}
