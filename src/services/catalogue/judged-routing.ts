import type { Logger } from "../../logger";
import type { RoutingCandidate, RoutingJudge, RoutingJudgement } from "../../ports/routing-judge";
import type { RequestClassification } from "../cases/handle-case-turn";
import type { RoutePrediction } from "../routing/classifier/fit-router";
import { NOT_A_REQUEST, type ServiceRouter } from "./service-router";

export interface JudgedRoutingSettings {
  /** Share of the judge's opinion in the blend; the fitted model keeps the rest. */
  judgeWeight: number;
  /**
   * When the fitted model is at least this sure the message is a question, the judge is not asked:
   * most turns are questions, and they should not each cost a model call.
   */
  skipWhenQuestionAbove: number;
  /** Larger catalogues offer the judge only the fitted model's likeliest services. */
  maxCandidates: number;
  /** Typical requests shown per service. */
  examplesPerService: number;
}

// The weight is a prior, not a measurement: no chat model is reachable where this was written. Half
// and half lets a confident judge overrule an unsure fit, while an unsure judge leaves a close call to
// the clarifying question. Measure it on a city's cases with `npm run eval -- routing` and a model set.
export const DEFAULT_JUDGED_ROUTING: JudgedRoutingSettings = {
  judgeWeight: 0.5,
  skipWhenQuestionAbove: 0.8,
  maxCandidates: 30,
  examplesPerService: 3,
};

/** What the judge is told about one service. */
export interface ServiceDescription {
  code: string;
  names: Record<string, string>;
  examples: Record<string, string[]>;
}

/**
 * Mixes the judge's verdict into the fitted probabilities. The judge's own distribution puts its
 * confidence on its answer and spreads the rest evenly over the other options it was offered (other
 * services and "none"); codes it was not offered get nothing from it.
 */
export function blendJudgement(
  prediction: RoutePrediction,
  judgement: RoutingJudgement,
  offered: readonly string[],
  judgeWeight: number,
): RoutePrediction {
  const chosen = judgement.code ?? NOT_A_REQUEST;
  const options = new Set([...offered, NOT_A_REQUEST]);
  if (!options.has(chosen)) return prediction;
  const confidence = Math.min(1, Math.max(0, judgement.confidence));
  const others = options.size - 1;
  const judged = (code: string) => {
    if (code === chosen) return confidence;
    return options.has(code) && others > 0 ? (1 - confidence) / others : 0;
  };
  const ranked = prediction.ranked
    .map(({ code, score }) => ({ code, score: (1 - judgeWeight) * score + judgeWeight * judged(code) }))
    .sort((a, b) => b.score - a.score);
  // The judge read the whole message, so the router's unknown words no longer count against it.
  return { ranked, confidence: ranked[0]?.score ?? 0, coverage: 1 };
}

/** The services offered to the judge, named and exemplified in the citizen's language where possible. */
export function describeCandidates(
  catalogue: readonly ServiceDescription[],
  lang: string,
  examplesPerService: number,
): RoutingCandidate[] {
  return catalogue.map((service) => ({
    code: service.code,
    name: service.names[lang] ?? service.names.en ?? Object.values(service.names)[0] ?? service.code,
    examples: (
      service.examples[lang] ??
      service.examples.en ??
      Object.values(service.examples)[0] ??
      []
    ).slice(0, examplesPerService),
  }));
}

/**
 * The fitted prediction with the judge's opinion blended in. Any failure of the judge (timeout,
 * refusal, an invalid answer) leaves the fitted prediction alone and is reported as `failed`:
 * routing must keep working when the model provider does not.
 */
export async function judgePrediction({
  prediction,
  text,
  lang,
  catalogue,
  judge,
  settings = DEFAULT_JUDGED_ROUTING,
  logger,
}: {
  prediction: RoutePrediction;
  text: string;
  lang: string;
  catalogue: ReadonlyMap<string, ServiceDescription>;
  judge: RoutingJudge;
  settings?: JudgedRoutingSettings;
  logger?: Logger | undefined;
}): Promise<{ prediction: RoutePrediction; asked: boolean; failed: boolean }> {
  const top = prediction.ranked[0];
  const offered = prediction.ranked
    .filter((r) => catalogue.has(r.code))
    .slice(0, settings.maxCandidates)
    .map((r) => catalogue.get(r.code)!);
  const plainQuestion = top?.code === NOT_A_REQUEST && top.score >= settings.skipWhenQuestionAbove;
  if (!top || plainQuestion || offered.length === 0) return { prediction, asked: false, failed: false };
  const offeredCodes = offered.map((s) => s.code);
  try {
    const judgement = await judge.judge({
      text,
      lang,
      candidates: describeCandidates(offered, lang, settings.examplesPerService),
    });
    if (judgement.code !== null && !offeredCodes.includes(judgement.code)) {
      logger?.warn("routing judge named a service it was not offered", { model: judge.name });
      return { prediction, asked: true, failed: true };
    }
    return {
      prediction: blendJudgement(prediction, judgement, offeredCodes, settings.judgeWeight),
      asked: true,
      failed: false,
    };
  } catch (error) {
    logger?.warn("routing judge failed; using the fitted router alone", {
      model: judge.name,
      error: (error as Error).message,
    });
    return { prediction, asked: true, failed: true };
  }
}

/** A classifier that asks the judge for its opinion on top of the fitted model (see judgePrediction). */
export function createJudgedClassifier({
  predict,
  decide,
  catalogue,
  judge,
  settings = DEFAULT_JUDGED_ROUTING,
  logger,
}: {
  predict: (text: string) => RoutePrediction;
  decide: (prediction: RoutePrediction) => RequestClassification;
  catalogue: readonly ServiceDescription[];
  judge: RoutingJudge;
  settings?: JudgedRoutingSettings;
  logger?: Logger | undefined;
}): (text: string, lang: string) => Promise<RequestClassification> {
  const byCode = new Map(catalogue.map((service) => [service.code, service]));
  return async (text, lang) => {
    const judged = await judgePrediction({
      prediction: predict(text),
      text,
      lang,
      catalogue: byCode,
      judge,
      settings,
      logger,
    });
    return decide(judged.prediction);
  };
}

/** The router's classifier, with the judge's opinion blended in when a chat model is configured. */
export function classifierFor(
  router: ServiceRouter,
  judge: RoutingJudge | undefined,
  logger?: Logger,
): (text: string, lang: string) => Promise<RequestClassification> | RequestClassification {
  if (!judge) return router.classify;
  return createJudgedClassifier({ ...router, catalogue: router.services, judge, logger });
}
