import type {
  AnswerDraft,
  AnswerRequest,
  ChatModel,
  CondensedQuestion,
  CondenseRequest,
  GroundingPassage,
  HistoryTurn,
  ModelCallOptions,
  Surface,
} from "../ports/chat-model";
import {
  renderSentence,
  type SectionSentence,
  splitSectionSentences,
} from "../services/assistant/answer-sentences";
import {
  type AskedKind,
  detectAskedKind,
  statesKind,
  stripAskingPhrases,
} from "../services/assistant/asked-kind";
import { weakTermsOf } from "../services/assistant/weak-terms";
import { analyzeText, tokenizeText } from "../services/retrieval/analyzer";

/*
 * The embedded answerer: no model, no download. It only ever copies sentences out of the passages it
 * was given, so it cannot invent a fact or a link; when no sentence matches the question it says so.
 */

// Words that open a follow-up ("and for glass?", "et pour le verre ?"), folded (no diacritics).
const FOLLOW_UP_OPENERS = new Set(
  [
    "and also or for then but",
    "et pour quid aussi ou mais alors puis",
    "si iar dar pentru despre sau",
    "und auch fur oder aber dann",
    "y para tambien o pero entonces",
    "es is pedig vagy de akkor",
  ]
    .join(" ")
    .split(" "),
);

// Two-word openers that ask about the earlier subject: "what about", "how about", "et si", "was ist".
const LEANING_OPENERS = new Set([
  "what about",
  "how about",
  "what if",
  "et si",
  "et le",
  "et la",
  "et les",
  "ce zici",
  "was ist",
  "wie ist",
  "que tal",
  "y si",
  "mi a",
  "es mi",
]);

const MAX_SENTENCES: Record<Surface, number> = { web: 6, teams: 6, sms: 3, voice: 3 };

export function createOfflineChatModel(): ChatModel {
  return {
    name: "offline",
    async condenseQuestion(request: CondenseRequest): Promise<CondensedQuestion> {
      return condenseOffline(request);
    },
    async answerQuestion(request: AnswerRequest, options: ModelCallOptions = {}): Promise<AnswerDraft> {
      const draft = answerOffline(request);
      if (draft.covered && options.onToken) {
        for (const piece of draft.text.match(/\S+\s*/g) ?? []) options.onToken(piece);
      }
      return draft;
    },
  };
}

function condenseOffline({ message, history, lang }: CondenseRequest): CondensedQuestion {
  const context = findContextQuestion(history, lang);
  if (!context || !looksLikeFollowUp(message, lang)) return { question: message.trim(), followUp: false };
  const rest = stripOpeners(message);
  return { question: `${context.trim()} ${rest}`.trim(), followUp: true };
}

/** The last citizen question that stood on its own, plus any follow-ups after it. */
function findContextQuestion(history: HistoryTurn[], lang: string): string | undefined {
  const citizen = history.filter((turn) => turn.role === "citizen").map((turn) => turn.text);
  const chain: string[] = [];
  for (let i = citizen.length - 1; i >= 0 && chain.length < 3; i--) {
    const text = citizen[i]!;
    chain.unshift(looksLikeFollowUp(text, lang) ? stripOpeners(text) : text);
    if (!looksLikeFollowUp(text, lang)) return chain.join(" ");
  }
  return chain.length > 0 ? chain.join(" ") : undefined;
}

function looksLikeFollowUp(message: string, lang: string): boolean {
  const tokens = tokenizeText(message);
  if (tokens.length === 0 || tokens.length > 7) return false;
  const terms = analyzeText(message, lang);
  // "What about Sundays?" leans on the earlier question; "how much is a bulky collection?" stands alone.
  const leaning = LEANING_OPENERS.has(tokens.slice(0, 2).join(" "));
  return FOLLOW_UP_OPENERS.has(tokens[0]!) || leaning || (terms.length <= 2 && tokens.length <= 4);
}

function stripOpeners(message: string): string {
  const words = message.trim().split(/\s+/);
  while (words.length > 1 && FOLLOW_UP_OPENERS.has(tokenizeText(words[0]!)[0] ?? "")) words.shift();
  return words.join(" ");
}

const CHAR_BUDGET: Record<Surface, number> = { web: 900, teams: 900, sms: 320, voice: 320 };

/**
 * The answer from the passages the turn chose (one section, or two when the question asks about two
 * things): whole sentences, led by the one that carries what was asked (an amount for "how much", a
 * day or time for "when", a number for "phone", the list for "what can I put…"), then the rest of
 * the section in its own order while they fit.
 */
function answerOffline(original: AnswerRequest): AnswerDraft {
  const { bridge } = original;
  // Pages in another language are read with the question bridged into theirs.
  const request =
    bridge && original.passages.every((p) => p.lang === bridge.lang)
      ? { ...original, question: bridge.question, lang: bridge.lang, history: bridge.history }
      : original;
  const passages = request.passages.slice(0, 2);
  if (passages.length === 0) return notCovered();
  const kind = detectAskedKind(request.question);
  const questionTerms = weighQuestionTerms(request);
  const questionWords = new Set(tokenizeText(request.question));
  const asLines = request.surface === "web" || request.surface === "teams";
  const limit = MAX_SENTENCES[request.surface];
  const budget = CHAR_BUDGET[request.surface] / passages.length;

  const parts: string[] = [];
  const citedIds: string[] = [];
  for (const passage of passages) {
    const sentences = splitSectionSentences(passage.text, passage.lang);
    if (sentences.length === 0) continue;
    const chosen = pickSentences(
      sentences,
      questionTerms,
      kind,
      limit,
      budget,
      passage.lang === request.lang,
      passage.lang,
      new Set(analyzeText([passage.title, ...passage.headingPath].join(" "), passage.lang)),
      questionWords,
    );
    parts.push(withHeading(passage, chosen, asLines));
    citedIds.push(passage.id);
  }
  if (parts.length === 0) return notCovered();
  const text = parts
    .join(asLines ? "\n\n" : " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, citedIds, covered: true };
}

/**
 * The chosen sentences, under the section's heading when the lead sentence does not say what the
 * section is about: "Black bin: only what cannot be recycled: nappies…" answers "which bin do nappies
 * go in?", the sentence alone does not.
 */
function withHeading(passage: GroundingPassage, chosen: SectionSentence[], asLines: boolean): string {
  const body = chosen.map((s) => renderSentence(s, asLines)).join(" ");
  const heading = passage.headingPath.at(-1)?.trim();
  // A heading that only names a kind of fact ("Prices", "Opening hours") adds nothing to the answer.
  if (!heading || heading === passage.title || heading.split(/\s+/).length > 6 || detectAskedKind(heading))
    return body;
  const lead = chosen[0]!;
  const leadTerms = new Set(analyzeText([lead.text, ...(lead.items ?? [])].join(" "), passage.lang));
  const headingTerms = analyzeText(heading, passage.lang);
  // Label only a lead that says less than half of what the heading says.
  const said = headingTerms.filter((t) => leadTerms.has(t)).length;
  if (headingTerms.length === 0 || said * 2 >= headingTerms.length) return body;
  const label = heading.replace(/[.:;!?]+$/, "");
  return asLines ? `${label}:\n${body.replace(/^\n/, "")}` : `${label}: ${body}`;
}

/** The lead sentence first, then the others in the section's order while they fit. */
function pickSentences(
  sentences: SectionSentence[],
  questionTerms: Map<string, number>,
  kind: AskedKind | null,
  limit: number,
  budget: number,
  sameLanguage: boolean,
  lang: string,
  subjectTerms: Set<string>,
  questionWords: Set<string>,
): SectionSentence[] {
  // Rarity of each term inside the section: "Hillcrest" tells the sentences apart, "bin" does not.
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sentences.length;
  const scoreOf = (s: SectionSentence) => {
    let score = 0;
    if (sameLanguage) {
      for (const [term, weight] of questionTerms) {
        if (s.terms.has(term)) score += weight * (1 + Math.log((n + 1) / ((df.get(term) ?? 0) + 1)));
      }
    }
    const rendered = s.items ? `${s.text} ${s.items.join(" ")}` : s.text;
    if (kind === "list" ? Boolean(s.items) : kind !== null && statesKind(rendered, kind)) score += 3;
    // An introduction with nothing of the question in it is not an answer on its own.
    return score - 0.01 * s.order;
  };
  const ranked = sentences.map((s) => ({ s, score: scoreOf(s) })).sort((a, b) => b.score - a.score);
  // Words the page is about (its title and headings) or that other sentences share tell no item apart.
  const shared = new Set(subjectTerms);
  for (const s of sentences) if (s !== ranked[0]!.s) for (const t of s.terms) shared.add(t);
  const lead = sameLanguage
    ? narrowList(ranked[0]!.s, questionTerms, lang, kind, shared)
    : narrowByName(ranked[0]!.s, questionWords);
  const chosen = [lead];
  let used = length(lead);
  for (const s of sentences) {
    if (s === lead || s === ranked[0]!.s || chosen.length >= limit) continue;
    const size = length(s);
    if (used + size > budget && chosen.length > 0) continue;
    chosen.push(s);
    used += size;
  }
  return [lead, ...chosen.slice(1).sort((a, b) => a.order - b.order)];
}

/**
 * A list whose items the question tells apart by a name ("I live in Hillcrest" among the areas and
 * their days) gives the item or two it names, after the list's introduction, instead of the whole list.
 */
function narrowList(
  lead: SectionSentence,
  questionTerms: Map<string, number>,
  lang: string,
  kind: AskedKind | null,
  shared: Set<string>,
): SectionSentence {
  const items = lead.items;
  if (!items || items.length < 3) return lead;
  // Only names tell items apart (places, "Central Library"): a lowercase word ("plastic") may sit in
  // several items' wording while the citizen wants the whole list.
  const itemTerms = items.map((item) => {
    const names = item
      .split(/\s+/)
      .slice(1)
      .filter((word) => /^\p{Lu}\p{Ll}/u.test(word));
    return new Set(analyzeText(names.join(" "), lang));
  });
  // For a single fact (a day, an amount, a duration), an item's label before its colon names it too:
  // "Blue bin (mixed recycling): every two weeks" answers "when is the blue bin collected?".
  const labelTerms = items.map((item) => {
    const label = kind && kind !== "list" ? (/^([^:]{3,60}):\s/.exec(item)?.[1] ?? "") : "";
    return new Set(analyzeText(label, lang));
  });
  const introTerms = new Set(analyzeText(lead.text, lang));
  const telling = [...questionTerms.keys()].filter((term) => {
    if (introTerms.has(term)) return false;
    const holders = itemTerms.filter((t) => t.has(term)).length;
    if (holders > 0 && holders <= 2) return true;
    return holders === 0 && labelTerms.filter((t) => t.has(term)).length === 1;
  });
  if (telling.length === 0) return narrowByKind(lead, items, questionTerms, introTerms, shared, lang, kind);
  const named = items.filter((_, i) =>
    telling.some((term) => itemTerms[i]!.has(term) || labelTerms[i]!.has(term)),
  );
  if (named.length === 0 || named.length > 2) return lead;
  return { ...lead, items: named };
}

/**
 * Across languages only names can be matched: "¿Qué día pasan en Hillcrest?" answered from the English
 * page gives the item that names Hillcrest. A name is a capitalised word after an item's first word,
 * compared as the citizen wrote it (lower-cased), since the two languages' stems differ.
 */
function narrowByName(lead: SectionSentence, questionWords: Set<string>): SectionSentence {
  const items = lead.items;
  if (!items || items.length < 3) return lead;
  const names = items.map(
    (item) =>
      new Set(
        tokenizeText(
          item
            .split(/\s+/)
            .slice(1)
            .filter((word) => /^\p{Lu}\p{Ll}/u.test(word))
            .join(" "),
        ),
      ),
  );
  const telling = [...questionWords].filter((word) => {
    const holders = names.filter((n) => n.has(word)).length;
    return holders > 0 && holders <= 2;
  });
  const named = items.filter((_, i) => telling.some((word) => names[i]!.has(word)));
  if (named.length === 0 || named.length > 2) return lead;
  return { ...lead, items: named };
}

/**
 * For a single fact, the item or two that both state that kind of fact and share a word with the
 * question: "when are the tours?" among the town hall's visiting notes gives the tours' day and hour.
 * Every item stating the kind ("Monday: …", "Tuesday: …") leaves the list whole, as does an item
 * matched only by a word the page is about or other sentences also use ("collection" on the bulky
 * collection page).
 */
function narrowByKind(
  lead: SectionSentence,
  items: string[],
  questionTerms: Map<string, number>,
  introTerms: Set<string>,
  shared: Set<string>,
  lang: string,
  kind: AskedKind | null,
): SectionSentence {
  if (!kind || kind === "list") return lead;
  const weak = weakTermsOf(lang);
  const asked = [...questionTerms.keys()].filter(
    (term) => !weak.has(term) && !introTerms.has(term) && !shared.has(term),
  );
  if (asked.length === 0) return lead;
  const matches = items.filter((item) => {
    if (!statesKind(item, kind)) return false;
    const terms = new Set(analyzeText(item, lang));
    return asked.some((term) => terms.has(term));
  });
  if (matches.length === 0 || matches.length > 2 || matches.length * 2 > items.length) return lead;
  return { ...lead, items: matches };
}

const length = (s: SectionSentence) => s.text.length + (s.items?.join(" ").length ?? 0);

function notCovered(): AnswerDraft {
  return { text: "", citedIds: [], covered: false };
}

/**
 * Terms the citizen just brought up weigh double: in "When is my bin collected? glass", the answer
 * must be about glass, not about bins in general.
 */
function weighQuestionTerms(request: AnswerRequest): Map<string, number> {
  const earlier = new Set(
    request.history.filter((t) => t.role === "citizen").flatMap((t) => analyzeText(t.text, request.lang)),
  );
  const weights = new Map<string, number>();
  const weak = weakTermsOf(request.lang);
  for (const term of analyzeText(stripAskingPhrases(request.question), request.lang)) {
    weights.set(term, (earlier.has(term) ? 1 : 2) * (weak.has(term) ? 0.3 : 1));
  }
  return weights;
}
