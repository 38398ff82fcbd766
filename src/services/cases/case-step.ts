import type { HandleCaseTurn } from "../assistant/assistant-deps";
import { anticipateCaseTurn, anticipatingClassifier } from "./anticipate-classification";
import { type CaseTurnDeps, handleCaseTurn } from "./handle-case-turn";

/**
 * The assistant's case step over a classifier. With `anticipate` (worth it when the classifier asks a
 * chat model), the step can also start the verdict on a message while the guardrails assess it.
 */
export function caseStep({ anticipate, ...deps }: CaseTurnDeps & { anticipate: boolean }): HandleCaseTurn {
  if (!anticipate) return (input) => handleCaseTurn(deps, input);
  const classifier = anticipatingClassifier(deps.classify);
  const step: HandleCaseTurn = (input) => handleCaseTurn({ ...deps, classify: classifier.classify }, input);
  step.anticipate = (input) => anticipateCaseTurn(deps, classifier, input);
  return step;
}
