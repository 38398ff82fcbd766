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
import { analyzeText, tokenizeText } from "../services/retrieval/analyzer";

/*
 * The embedded answerer: no model, no download. It only ever copies sentences out of the passages it
 * was given, so it cannot invent a fact or a link; when no sentence matches the question it says so.
 */

// Words that open a follow-up ("and for glass?", "et pour le verre ?"), folded (no diacritics).
const FOLLOW_UP_OPENERS = new Set(
  [
    "and what about how also or for then but",
    "et pour quid aussi ou mais alors puis",
    "si iar dar pentru ce despre sau",
    "und was ist mit auch fur oder aber dann",
    "y para que tal tambien o pero entonces",
    "es mi a helyzet is pedig vagy de akkor",
  ]
    .join(" ")
    .split(" "),
);

const MAX_SENTENCES: Record<Surface, number> = { web: 4, teams: 4, sms: 3, voice: 3 };
// Share of the question's weighted terms a passage must contain to count as an answer.
const MIN_COVERAGE = 0.34;

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
  return FOLLOW_UP_OPENERS.has(tokens[0]!) || (terms.length <= 2 && tokens.length <= 4);
}

function stripOpeners(message: string): string {
  const words = message.trim().split(/\s+/);
  while (words.length > 1 && FOLLOW_UP_OPENERS.has(tokenizeText(words[0]!)[0] ?? "")) words.shift();
  return words.join(" ");
}

interface Sentence {
  passage: GroundingPassage;
  order: number;
  text: string;
  terms: Set<string>;
  /** Terms of the headings above it: "Glass" over "Collected every second Tuesday." */
  headingTerms: Set<string>;
  /** The list a sentence ending in ":" introduces. */
  items?: string[];
}

function answerOffline(request: AnswerRequest): AnswerDraft {
  const weights = weighQuestionTerms(request);
  if (weights.size === 0 || request.passages.length === 0) return notCovered();

  const sameLanguage = request.passages.filter((p) => p.lang === request.lang);
  // Retrieval already ranked the passages; another language is used only when none is in the citizen's.
  const candidates = (sameLanguage.length > 0 ? sameLanguage : request.passages).slice(0, 6);
  const crossLanguage = sameLanguage.length === 0;

  const scored = candidates.map((passage, rank) => {
    const sentences = splitSentences(passage);
    // The article's title and headings say what the passage is about, even when its sentences don't
    // repeat it ("Bin collection days" over a list of districts).
    const covered = new Set([
      ...analyzeText(`${passage.title} ${passage.headingPath.join(" ")}`, passage.lang),
      ...sentences.flatMap((s) => [...s.terms]),
    ]);
    return { passage, rank, sentences, coverage: crossLanguage ? 1 : coverageOf(weights, covered) };
  });
  const best = scored
    .filter((s) => s.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.coverage - a.coverage || a.rank - b.rank);
  const first = best[0];
  if (!first) return notCovered();

  const limit = MAX_SENTENCES[request.surface];
  const chosen = crossLanguage
    ? first.sentences.slice(0, limit)
    : pickSentences(
        best.slice(0, 3).flatMap((s) => s.sentences),
        weights,
        limit,
      );
  if (chosen.length === 0) return notCovered();

  const citedIds = [...new Set(chosen.map((s) => s.passage.id))];
  const ordered = [...chosen].sort(
    (a, b) => citedIds.indexOf(a.passage.id) - citedIds.indexOf(b.passage.id) || a.order - b.order,
  );
  return { text: renderSentences(ordered, request.surface), citedIds, covered: true };
}

/** Plain sentences; an introduced list as lines on screen, or run on for SMS and voice. */
function renderSentences(sentences: Sentence[], surface: Surface): string {
  const asLines = surface === "web" || surface === "teams";
  return sentences
    .map((s) => {
      if (!s.items) return s.text;
      return asLines
        ? `\n${s.text}\n${s.items.map((i) => `- ${i}`).join("\n")}\n`
        : `${s.text} ${s.items.join(" ")}`;
    })
    .join(" ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

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
  for (const term of analyzeText(request.question, request.lang)) {
    weights.set(term, earlier.has(term) ? 1 : 2);
  }
  return weights;
}

function coverageOf(weights: Map<string, number>, terms: Set<string>): number {
  let total = 0;
  let hit = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (terms.has(term)) hit += weight;
  }
  return total === 0 ? 0 : hit / total;
}

/** Best-matching sentences; new terms must be matched when the question has any. */
function pickSentences(sentences: Sentence[], weights: Map<string, number>, limit: number): Sentence[] {
  const focus = [...weights].filter(([, w]) => w > 1).map(([t]) => t);
  const score = (s: Sentence) =>
    [...s.terms].reduce((sum, t) => sum + (weights.get(t) ?? 0), 0) +
    [...s.headingTerms].reduce((sum, t) => sum + (s.terms.has(t) ? 0 : 0.5 * (weights.get(t) ?? 0)), 0);
  const mentions = (s: Sentence, term: string) => s.terms.has(term) || s.headingTerms.has(term);
  const ranked = sentences
    .map((s) => ({ s, score: score(s) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return [];
  if (focus.length > 0 && !focus.some((t) => mentions(top.s, t))) return [];
  // Keep sentences close to the best one, so a long passage does not flood the reply.
  return ranked
    .filter((x) => x.score >= top.score * 0.5)
    .slice(0, limit)
    .map((x) => x.s);
}

function splitSentences(passage: GroundingPassage): Sentence[] {
  const sentences: Sentence[] = [];
  const segmenter = new Intl.Segmenter(passage.lang, { granularity: "sentence" });
  const headingTerms = new Set(analyzeText(sectionHeadings(passage).join(" "), passage.lang));
  const add = (text: string) => {
    const sentence = {
      passage,
      order: sentences.length,
      text,
      terms: new Set(analyzeText(text, passage.lang)),
      headingTerms,
    };
    sentences.push(sentence);
    return sentence;
  };
  let intro: Sentence | undefined;
  for (const line of plainLines(passage.text)) {
    if (line.listItem && intro) {
      // "Your day depends on your area:" is only an answer together with the list that follows it.
      intro.items = [...(intro.items ?? []), line.text];
      for (const term of analyzeText(line.text, passage.lang)) intro.terms.add(term);
      continue;
    }
    intro = undefined;
    if (line.listItem) {
      add(line.text);
      continue;
    }
    let last: Sentence | undefined;
    for (const { segment } of segmenter.segment(line.text)) {
      const text = segment.trim();
      if (text.length >= 3) last = add(text);
    }
    if (last?.text.endsWith(":")) intro = last;
  }
  return sentences;
}

function sectionHeadings(passage: GroundingPassage): string[] {
  return passage.headingPath.filter((heading) => heading !== passage.title);
}

/** Markdown to plain lines; list items and table rows become sentences of their own. */
function plainLines(markdown: string): { text: string; listItem: boolean }[] {
  const lines: { text: string; listItem: boolean }[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw.trim();
    // Headings are context (the passage's heading path), not sentences of the answer.
    if (!line || /^#{1,6}\s/.test(line) || /^\|?[\s:|-]+\|?$/.test(line) || /^(```|<!--)/.test(line))
      continue;
    let listItem = /^([-*+]|\d+[.)])\s+/.test(line);
    if (line.startsWith("|")) {
      const cells = line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim())
        .filter(Boolean);
      line = cells.join(": ");
      listItem = true;
    }
    line = line
      .replace(/^([-*+]|\d+[.)])\s+/, "")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, "$1")
      .trim();
    if (line) lines.push({ text: /[.!?:;]$/.test(line) ? line : `${line}.`, listItem });
  }
  return lines;
}
