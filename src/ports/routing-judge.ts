/** A service the judge may choose, described in the citizen's language where the catalogue has it. */
export interface RoutingCandidate {
  code: string;
  name: string;
  /** A few typical requests for the service, to show the model what belongs to it. */
  examples: string[];
}

export interface RoutingJudgeRequest {
  /** The citizen's message, already redacted. */
  text: string;
  lang: string;
  candidates: RoutingCandidate[];
}

export interface RoutingJudgement {
  /** One of the candidates' codes, or null when the message is a question rather than a request. */
  code: string | null;
  /** The model's own confidence, 0 to 1. */
  confidence: number;
}

/**
 * A language model's opinion on which service a message asks for. The fitted router always runs;
 * a judge only adds its opinion (see judged-routing.ts), so the product works without one.
 */
export interface RoutingJudge {
  /** The provider's model name, for logs. */
  readonly name: string;
  judge(request: RoutingJudgeRequest, options?: { signal?: AbortSignal }): Promise<RoutingJudgement>;
}
