import type { HandleCaseTurn } from "../assistant/assistant-deps";
import { anticipateCaseTurn, anticipatingClassifier } from "./anticipate-classification";
import { type CaseTurnDeps, handleCaseTurn } from "./handle-case-turn";

/**
 * The assistant's case step over a classifier. When the classifier asks a chat model (`judged`), the
 * step can also anticipate: start the verdict on a message while the guardrails assess it.
 */
export function caseStep({ judged, ...deps }: CaseTurnDeps & { judged: boolean }): HandleCaseTurn {
  if (!judged) return (input) => handleCaseTurn(deps, input);
  const classifier = anticipatingClassifier(deps.classify);
  const step: HandleCaseTurn = (input) => handleCaseTurn({ ...deps, classify: classifier.classify }, input);
  step.anticipate = (input) => anticipateCaseTurn(deps, classifier, input);
  return step;
}
