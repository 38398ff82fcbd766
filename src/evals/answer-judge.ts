import type { AnswerCase, AnswerTurn } from "./answer-cases";

/** What a citizen's client saw after one message, completed from the conversation where the reply is silent. */
export interface TurnObservation {
  status: string | null;
  text: string;
  citations: { articleId: string }[];
  /** The case this reply opened or linked to, with its service when it could be read. */
  case?: { reference: string; status: string; service?: string };
  /** The intake in progress after this reply. */
  intake?: { service: string | null; awaiting?: string | null };
  /** The services offered to choose from, in the order shown. */
  options?: { service: string }[];
}

/** What the conversation had shown before this turn. */
export interface TurnContext {
  previousOptions?: { service: string }[];
  /** References of cases opened or linked earlier in the same conversation. */
  earlierCases: string[];
}

export interface TurnJudgement {
  /** The kind of reply is right: answered, intake reached, declined, own cases reported, intake gone. */
  outcome: boolean;
  /** null when the turn lists no facts. */
  facts: boolean | null;
  /** null when the turn names no article. */
  cited: boolean | null;
  /** null when the turn names no service (nor a menu entry). */
  service: boolean | null;
  /** Everything the turn asks for holds; a flow passes when all its turns pass. */
  pass: boolean;
  /** The service the intake or case ended up with, for reading failures. */
  observedService: string | null;
}

/** Honest declines; a status for "not something the city handles" would join here. */
const DECLINE_STATUSES = new Set(["no_answer"]);
const CASE_STATUSES = new Set(["case_opened", "case_linked"]);

// Replies carry non-breaking and thin spaces around amounts and times ("£48", "8 h 30").
const normaliseSpace = (text: string) => text.replace(/[\s\u00a0\u202f\u2007\u2009]+/gu, " ");

/** A fact pattern matches the reply as written or with its spaces normalised, ignoring case. */
export function matchesFact(pattern: string, text: string): boolean {
  const regex = new RegExp(pattern, "iu");
  return regex.test(text) || regex.test(normaliseSpace(text));
}

/** The service a reply leaves the citizen with: the case's, else the intake's, else the first one offered. */
export function observedServiceOf(observation: TurnObservation): string | null {
  return (
    observation.case?.service ?? observation.intake?.service ?? observation.options?.[0]?.service ?? null
  );
}

/** Reached case intake: a case opened or linked, or a clarification with an intake or a menu in progress. */
export function reachedIntake(observation: TurnObservation): boolean {
  if (CASE_STATUSES.has(observation.status ?? "")) return true;
  return (
    observation.status === "clarification" &&
    (observation.intake !== undefined || (observation.options?.length ?? 0) > 0)
  );
}

export function judgeTurn(
  turn: AnswerTurn,
  observation: TurnObservation,
  context: TurnContext,
): TurnJudgement {
  const { status, text } = observation;
  const observedService = observedServiceOf(observation);
  let outcome: boolean;
  switch (turn.expect) {
    case "answer":
      outcome = status === "answered";
      break;
    case "request":
      outcome = reachedIntake(observation);
      break;
    case "no_answer":
      outcome = DECLINE_STATUSES.has(status ?? "");
      break;
    case "status":
      outcome =
        status === "case_status" &&
        (context.earlierCases.length === 0 || context.earlierCases.some((ref) => text.includes(ref)));
      break;
    case "cancelled":
      outcome =
        !CASE_STATUSES.has(status ?? "") &&
        !(status ?? "").startsWith("blocked_") &&
        observation.intake === undefined &&
        (observation.options?.length ?? 0) === 0;
      break;
  }

  const facts = turn.facts
    ? (turn.expect !== "answer" || outcome) && turn.facts.every((f) => matchesFact(f, text))
    : null;
  const cited = turn.article ? observation.citations.some((c) => c.articleId === turn.article) : null;
  let service: boolean | null = null;
  if (turn.option !== undefined) {
    const offered = context.previousOptions?.[turn.option - 1]?.service;
    service = offered !== undefined && observedService === offered && outcome;
  }
  if (turn.service !== undefined) service = service !== false && outcome && observedService === turn.service;
  const pass = outcome && facts !== false && cited !== false && service !== false;
  return { outcome, facts, cited, service, pass, observedService };
}

export interface CaseResult {
  case: AnswerCase;
  judgements: TurnJudgement[];
}

export interface AnswerFigures {
  n: number;
  answer_cases: number;
  facts_hit: number | null;
  cited_expected: number | null;
  answered_share: number | null;
  request_recall: number | null;
  request_service_acc: number | null;
  trap_ok: number | null;
  flows_ok: number | null;
  no_answer_ok: number | null;
  status_ok: number | null;
  cancelled_ok: number | null;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const share = (hits: number, of: number) => (of === 0 ? null : round(hits / of));
const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;

/**
 * The figures over every expectation: single cases and each turn of a flow count in the per-expect
 * shares; `n` counts cases and `flows_ok` the flows whose turns all pass. A share with nothing to
 * measure is null.
 */
export function scoreAnswerCases(results: CaseResult[]): AnswerFigures {
  const units = results.flatMap(({ case: c, judgements }) =>
    c.turns.map((turn, i) => ({ turn, j: judgements[i]! })),
  );
  const of = (expect: AnswerTurn["expect"]) => units.filter((u) => u.turn.expect === expect);
  const answers = of("answer");
  const withFacts = answers.filter((u) => u.turn.facts);
  const withArticle = answers.filter((u) => u.turn.article);
  const requests = of("request");
  const withService = requests.filter((u) => u.j.service !== null);
  const traps = units.filter((u) => u.turn.trap);
  const flows = results.filter((r) => r.case.flow);
  const outcomeShare = (items: typeof units) =>
    share(
      count(items, (u) => u.j.outcome),
      items.length,
    );
  return {
    n: results.length,
    answer_cases: answers.length,
    facts_hit: share(
      count(withFacts, (u) => u.j.facts === true),
      withFacts.length,
    ),
    cited_expected: share(
      count(withArticle, (u) => u.j.cited === true),
      withArticle.length,
    ),
    answered_share: outcomeShare(answers),
    request_recall: outcomeShare(requests),
    request_service_acc: share(
      count(withService, (u) => u.j.service === true),
      withService.length,
    ),
    trap_ok: outcomeShare(traps),
    flows_ok: share(
      count(flows, (r) => r.judgements.every((j) => j.pass)),
      flows.length,
    ),
    no_answer_ok: outcomeShare(of("no_answer")),
    status_ok: outcomeShare(of("status")),
    cancelled_ok: outcomeShare(of("cancelled")),
  };
}

/** The same figures per language; a turn in another language than its case counts under its own. */
export function scoreByLanguage(results: CaseResult[]): Record<string, AnswerFigures> {
  const langs = new Set(
    results.flatMap((r) => [r.case.lang, ...r.case.turns.map((t) => t.lang ?? r.case.lang)]),
  );
  const out: Record<string, AnswerFigures> = {};
  for (const lang of [...langs].sort()) {
    const slice: CaseResult[] = [];
    for (const r of results) {
      const keep = r.case.turns.map((t) => (t.lang ?? r.case.lang) === lang);
      if (!keep.some(Boolean)) continue;
      slice.push({
        case: { ...r.case, turns: r.case.turns.filter((_, i) => keep[i]) },
        judgements: r.judgements.filter((_, i) => keep[i]),
      });
    }
    const figures = scoreAnswerCases(slice);
    // Cases and flows belong to the language they were written in.
    const own = results.filter((r) => r.case.lang === lang);
    const flows = own.filter((r) => r.case.flow);
    out[lang] = {
      ...figures,
      n: own.length,
      flows_ok: share(
        count(flows, (r) => r.judgements.every((j) => j.pass)),
        flows.length,
      ),
    };
  }
  return out;
}
