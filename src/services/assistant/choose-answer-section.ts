import type { HistoryTurn } from "../../ports/chat-model";
import { foldWords, readQuestionForm } from "../language/question-form";
import { analyzeText, tokenizeText } from "../retrieval/analyzer";
import { STOP_WORDS } from "../retrieval/stop-words";
import { splitSectionSentences } from "./answer-sentences";
import { type AskedKind, answersKind, detectAskedKind, statesKind, stripAskingPhrases } from "./asked-kind";
import type { KnowledgePassage } from "./assistant-deps";
import {
  calendarMarks,
  calendarWords,
  coveredSeasons,
  coveredWeekdays,
  isCalendarMark,
} from "./calendar-ranges";
import { namedFacilities } from "./detect-out-of-scope";
import { everydayTermsOf, toPageWords } from "./everyday-words";
import { isDetailTerm, weakTermsOf } from "./weak-terms";

/** Articles whose sections compete for the answer. */
const CANDIDATE_ARTICLES = 3;
/** Weighted share of the question's terms the chosen section must hold, unless search crossed languages. */
export const MIN_SECTION_COVERAGE = 0.35;
/** How much of the article's coverage counts for a section that states the kind of fact asked. */
const ARTICLE_COVERAGE_FACTOR = 0.8;
/** How much of a sentence's match must come from its own words rather than the article's title. */
const OWN_WORDS_SHARE = 0.5;
/** Weight of an everyday verb or filler ("take", "need") against a content word. */
const WEAK_FACTOR = 0.3;
/** Weight of a term no page holds, said only in the statements around a question ("my husband passed away, ..."). */
const CONTEXT_FACTOR = 0.5;

const WEIGHTS = {
  /** Question terms in the article's title: what the page is about. */
  title: 0.3,
  /** Question words found exactly as written ("boxing" is not "box"). */
  exact: 0.3,
  /** A section heading that names the kind of fact asked ("Prices", "Opening hours"). */
  kindHeading: 0.3,
  /** Per section down the page. */
  order: 0.02,
  /** Across languages no word matches: the section search found best counts instead. */
  searchBest: 0.2,
  /** Question terms in the section's own headings tell the article's sections apart. */
  sectionHeading: 0.2,
  /** Adjacent pairs of the question's terms found side by side in the section. */
  phrase: 0.3,
  /** The section states the kind of fact asked for (an amount for "how much"). */
  kind: 0.25,
  /** One sentence states the kind asked together with the question's terms ("registered within 5 days"). */
  kindSentence: 0.5,
  /** Search's own ranking of the article, relative to the first. */
  articleRank: 0.3,
  /** A heading that says what not to do, for a question that does not ask that. */
  polarity: 0.4,
  /** A section heading naming the kind asked, when choosing the article. */
  articleKindHeading: 0.1,
  /** A sentence stating the kind asked with the question's terms, when choosing the article. */
  articleKindSentence: 0.2,
  /** A page about reporting a problem, for a question that neither reports one nor asks how to. */
  reportPage: 0.3,
  /** The terms a follow-up newly brings up, in an article's title or the editors' terms for it. */
  newSubject: 0.6,
};

// Titles of pages about reporting a problem ("Report a missed bin", "Signaler un nid-de-poule",
// "Semnalați o groapă", "Defekte Laterne melden"), folded.
const REPORT_TITLE =
  /^(report|signaler|semnalati|semnaleaza|melden|avisar|reportar|bejelent)\b|\b(melden|bejelentese)$/;
// Words of a question about a problem, or about reporting one, folded, in the supported languages:
// "my bin was missed", "how do I report…", "ma poubelle n'a pas été vidée", "pubela nu a fost ridicată".
const ABOUT_A_PROBLEM =
  / (report\w*|signal\w*|semnal\w*|raport\w*|meld\w*|avis\w*|bejelent\w*|miss\w*|forgot\w*|skipped|broke\w*|damaged|faulty|problem\w*|issue|not|never|hasn t|hasnt|wasn t|wasnt|didn t|didnt|haven t|havent|pas|oubli\w*|cass\w*|nu|sarit\w*|uitat\w*|defect\w*|nicht|kein\w*|vergessen|kaputt|defekt\w*|no|roto|rota|olvid\w*|nem|problema\w*) /;

// Negations in the supported languages, folded; matched as whole words of a heading or question.
const NEGATION =
  / (not|cannot|can t|don t|doesn t|never|no|ne|pas|jamais|nu|niciodata|nicht|kein|keine|nie|no|nunca|nem|ne|tilos) /;

export interface SectionChoice {
  /** One section, or two from different articles when the question asks about two things. */
  passages: KnowledgePassage[];
  kind: AskedKind | null;
  coverage: number;
}

interface Candidate {
  passage: KnowledgePassage;
  terms: Set<string>;
  /** Adjacent term pairs of the section ("boxing day"), so a phrase counts for more than its words apart. */
  pairs: Set<string>;
  titleTerms: Set<string>;
  sectionHeadingTerms: Set<string>;
  /** Folded words as written, unstemmed. */
  words: Set<string>;
  /** In the citizen's language, or carrying the editors' titles and terms in it: its words can be compared. */
  matchable: boolean;
  /** Written in the citizen's language. */
  native: boolean;
  prior: number;
  best: boolean;
  order: number;
  /** Each sentence's text and terms, with the days its ranges cover. */
  sentences: SectionSentence[];
  headingKind: AskedKind | null;
  negativeHeading: boolean;
  states: Map<AskedKind, boolean>;
}

// "and", in the supported languages: a question may ask about two things.
const CONJUNCTION = /\s(and|et|și|si|und|y|és|es)\s/i;

/**
 * The section of the knowledge base that answers the question: among every section of the first few
 * articles search found, the one holding the most of the question's distinctive terms (weighted by
 * how rare they are among the candidates, and double for terms the citizen just brought up), in its
 * headings especially, that states the kind of fact asked for. Null when no section covers enough
 * of the question: an honest "not covered" beats a stray paragraph.
 */
export function chooseAnswerSection(
  question: string,
  lang: string,
  history: HistoryTurn[],
  found: KnowledgePassage[],
  fallbackLang?: string,
): SectionChoice | null {
  if (found.length === 0) return null;
  const kind = detectAskedKind(question);
  // With nothing in the citizen's language, the city's default language is the one to fall back on.
  const usable =
    found.some((p) => p.lang === lang) || !fallbackLang || !found.some((p) => p.lang === fallbackLang)
      ? found
      : found.filter((p) => p.lang === fallbackLang);
  const candidates = collectCandidates(usable, lang);
  const askedNegative = NEGATION.test(` ${foldWords(question)} `);
  const aboutAProblem = ABOUT_A_PROBLEM.test(` ${foldWords(question)} `);
  const weights = weighQuestion(question, lang, history, candidates);
  const questionPairs = pairWeights(question, lang, weights);
  const sameLanguage = candidates.some((c) => c.matchable);
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const pairTotal = [...questionPairs.values()].reduce((a, b) => a + b, 0);
  if (total === 0 && sameLanguage) return null;

  const share = (terms: { has(term: string): boolean }, wanted = weights) => {
    let hit = 0;
    for (const [term, weight] of wanted) if (terms.has(term)) hit += weight;
    const sum = wanted === weights ? total : [...wanted.values()].reduce((a, b) => a + b, 0);
    return sum === 0 ? 0 : hit / sum;
  };
  // What the question is about, without its days and seasons: they say when, not what ("the football
  // on Saturday" is not about opening hours), so they help choose a section but never make one relevant.
  const calendarTerms = calendarTermsOf(lang);
  const topic = new Map([...weights].filter(([term]) => !isCalendarMark(term) && !calendarTerms.has(term)));
  // A follow-up merged with the question before it ("when are bins collected? glass"): the terms the
  // citizen just brought up name what the answer must be about, so a page titled after them leads.
  const earlier = earlierTerms(history, lang);
  const weak = weakTermsOf(lang);
  const fresh = new Map([...topic].filter(([term]) => !earlier.has(term) && !weak.has(term)));
  const followUp = fresh.size > 0 && fresh.size < topic.size;
  const exactWords = new Set(tokenizeText(stripAskingPhrases(question)).filter((w) => w.length >= 4));
  // Sections in the citizen's language when search found any; otherwise the fallback language's.
  const pool = candidates.filter((c) => c.matchable === sameLanguage);

  // First the article: most of the question among all its sections, in its title, and search's rank.
  const byArticle = new Map<string, Candidate[]>();
  for (const c of pool)
    byArticle.set(c.passage.articleId, [...(byArticle.get(c.passage.articleId) ?? []), c]);
  let article: Candidate[] | undefined;
  let articleScore = Number.NEGATIVE_INFINITY;
  const headingAsks = (c: Candidate) => kind !== null && answersKind(c.headingKind, kind);
  // The fact asked and what it is about in one sentence: "A death should be registered within 5 days".
  const kindSentenceOf = (c: Candidate) => {
    let best = 0;
    if (kind === null || kind === "list" || !c.matchable) return best;
    for (const sentence of c.sentences)
      if (sentenceStates(sentence, kind)) {
        sentence.withTitle ??= new Set([...sentence.terms, ...c.titleTerms]);
        best = Math.max(
          best,
          (1 - OWN_WORDS_SHARE) * share(sentence.withTitle) + OWN_WORDS_SHARE * share(sentence.terms),
        );
      }
    return best;
  };
  for (const sections of byArticle.values()) {
    // The terms of all its sections, asked term by term rather than gathered into one set.
    const union = { has: (term: string) => sections.some((c) => c.terms.has(term)) };
    const score = sameLanguage
      ? share(union) +
        WEIGHTS.title * share(sections[0]!.titleTerms) +
        (followUp ? WEIGHTS.newSubject * share(sections[0]!.titleTerms, fresh) : 0) +
        WEIGHTS.articleRank * sections[0]!.prior +
        (sections.some(headingAsks) ? WEIGHTS.articleKindHeading : 0) +
        WEIGHTS.articleKindSentence * Math.max(0, ...sections.map(kindSentenceOf)) -
        (reportPageWithSibling(sections[0]!, byArticle) && !aboutAProblem ? WEIGHTS.reportPage : 0)
      : sections[0]!.prior;
    if (score > articleScore) {
      article = sections;
      articleScore = score;
    }
  }

  // Then its section: the question's terms and phrases, its own headings, the kind of fact asked.
  // Words as written weigh by how few of the article's sections hold them: "boxing" over "bins".
  const wordWeight = new Map<string, number>();
  for (const w of exactWords) {
    const df = (article ?? []).filter((c) => c.words.has(w)).length;
    if (df > 0) wordWeight.set(w, 1 + Math.log(((article?.length ?? 0) + 1) / (df + 1)));
  }
  const wordTotal = [...wordWeight.values()].reduce((a, b) => a + b, 0);
  // A content term of the question (not a filler) that this section alone of its article holds.
  const namesAloneInArticle = (c: Candidate) =>
    [...topic].some(
      ([term, weight]) =>
        weight >= 1 && c.terms.has(term) && !(article ?? []).some((o) => o !== c && o.terms.has(term)),
    );
  const scored = (article ?? [])
    .map((c) => {
      const coverage = c.matchable ? share(c.terms) : 0;
      const ownHeading = c.matchable ? share(c.sectionHeadingTerms) : 0;
      let pairHit = 0;
      for (const [pair, weight] of questionPairs) if (c.pairs.has(pair)) pairHit += weight;
      const phrase = c.matchable && pairTotal > 0 ? pairHit / pairTotal : 0;
      let exact = 0;
      for (const [w, weight] of wordWeight) if (c.words.has(w)) exact += weight / wordTotal;
      const statesAsked = kind !== null && candidateStates(c, kind);
      const kindSentence = kindSentenceOf(c);
      // "Prices" over a list of fees answers "how much", though it shares no word with the question.
      const headingAsked = headingAsks(c);
      const score =
        coverage +
        WEIGHTS.sectionHeading * ownHeading +
        WEIGHTS.phrase * phrase +
        WEIGHTS.exact * exact +
        (statesAsked ? WEIGHTS.kind : 0) +
        WEIGHTS.kindSentence * kindSentence +
        (headingAsked ? WEIGHTS.kindHeading : 0) -
        // "What cannot go in the glass box" does not answer "how do I recycle glass?", unless it is the
        // only section naming what was asked ("batteries" under "What not to put in any bin").
        (!askedNegative && c.negativeHeading && !namesAloneInArticle(c) ? WEIGHTS.polarity : 0) -
        // The first sections of a page carry its main facts.
        WEIGHTS.order * c.order +
        (c.native ? 0 : c.best ? WEIGHTS.searchBest : 0);
      return { c, coverage, score, kindSentence };
    })
    .sort((a, b) => b.score - a.score);
  const first = scored[0];
  if (!first) return null;
  // "When are bins collected in Manchester?": a place the pages found never mention is another city's.
  if (sameLanguage && namesUnknownPlace(question, lang, pool)) return null;
  // "Does the sports centre have a sauna?": a facility none of the pages names is not the city's.
  if (sameLanguage && namesMissingFacility(question, lang, pool)) return null;
  // Coverage of the chosen section, or of its whole article when the section states what was asked:
  // in a sentence about the question's subject, or under a heading that names it ("Prices" for "how
  // much to take a sofa?": the sofa is in the page's opening lines, the amount under its own heading).
  const articleCoverage = share({ has: (term) => (article ?? []).some((c) => c.terms.has(term)) }, topic);
  const sectionCoverage = first.c.matchable ? share(first.c.terms, topic) : 0;
  const statesUnderHeading = headingAsks(first.c) && candidateStates(first.c, kind!);
  // A follow-up answered from the page titled after its new subject needs that subject, not the
  // earlier question's details ("je suis à Hillcrest…" then "et pour le verre ?").
  const freshCoverage =
    followUp && first.c.matchable && share(first.c.titleTerms, fresh) >= 0.5
      ? share(first.c.terms, fresh)
      : 0;
  const gate = Math.max(
    first.kindSentence > 0 || statesUnderHeading
      ? Math.max(sectionCoverage, ARTICLE_COVERAGE_FACTOR * articleCoverage)
      : sectionCoverage,
    freshCoverage === 1 ? 1 : 0,
  );
  if (sameLanguage && gate < MIN_SECTION_COVERAGE) {
    // Search ranked an article in another language first (through its translated title and terms):
    // its best section, with the notice that the page is in that language.
    // Its section as scored above (the kind of fact asked still tells them apart), else search's best.
    const crossed = found[0]!.lang !== lang;
    const other = !crossed
      ? undefined
      : !first.c.native
        ? first.c
        : candidates.find((c) => !c.native && c.best);
    return other ? { passages: [other.passage], kind, coverage: 0 } : null;
  }

  const passages = [first.c.passage];
  const second = secondTopic(question, weights, first.c, pool);
  if (second) passages.push(second.passage);
  return { passages, kind, coverage: first.coverage };
}

/** The stems of the language's weekdays, months and seasons, computed once per language. */
const calendarTermsByLang = new Map<string, Set<string>>();
function calendarTermsOf(lang: string): Set<string> {
  let terms = calendarTermsByLang.get(lang);
  if (!terms) {
    terms = new Set(analyzeText(calendarWords(lang).join(" "), lang));
    calendarTermsByLang.set(lang, terms);
  }
  return terms;
}

/**
 * A page about reporting a problem ("Report a missed bin") while another candidate page shares its
 * subject ("Bin collection days"): "when is the blue bin collected?" is for the other one. A report page
 * alone on its subject ("where is the number on a lamp post?") keeps its place.
 */
function reportPageWithSibling(first: Candidate, byArticle: Map<string, Candidate[]>): boolean {
  const isReport = (c: Candidate) => REPORT_TITLE.test(foldWords(c.passage.title));
  if (!isReport(first)) return false;
  const titleOf = (c: Candidate) => analyzeText(c.passage.title, c.passage.lang);
  const subject = new Set(titleOf(first).slice(1));
  for (const [articleId, sections] of byArticle) {
    if (articleId === first.passage.articleId || isReport(sections[0]!)) continue;
    if (titleOf(sections[0]!).some((term) => subject.has(term))) return true;
  }
  return false;
}

/** A section of another article for what the first one leaves out, when the question joins two things. */
function secondTopic(
  question: string,
  weights: Map<string, number>,
  first: Candidate,
  pool: Candidate[],
): Candidate | undefined {
  if (!CONJUNCTION.test(` ${question} `) || !first.matchable) return undefined;
  const missing = new Map([...weights].filter(([term]) => !first.terms.has(term)));
  const missingTotal = [...missing.values()].reduce((a, b) => a + b, 0);
  const allTotal = [...weights.values()].reduce((a, b) => a + b, 0);
  if (missingTotal < 0.25 * allTotal) return undefined;
  let best: Candidate | undefined;
  let bestShare = 0.5;
  for (const c of pool) {
    if (c.passage.articleId === first.passage.articleId) continue;
    let hit = 0;
    for (const [term, weight] of missing) if (c.terms.has(term)) hit += weight;
    if (hit / missingTotal > bestShare) {
      best = c;
      bestShare = hit / missingTotal;
    }
  }
  return best;
}

// Words that put a place after them, in the supported languages ("im" is left out: German capitalises
// every noun, and "im Sommer" or "im Jahr" name no place).
const PLACE_PREPOSITIONS = new Set(
  "in at near around à a au aux dans en près în la din lângă langa bei nahe en cerca ban ben".split(" "),
);

// Prepositions that are never articles or pronouns, after which a citizen typing in lower case still
// names a place: "bin days in manchester", "horaires à lyon".
const LOWERCASE_PLACE_PREPOSITIONS = new Set("in at near à dans près în lângă langa din bei".split(" "));
// What may follow a place's name at the end of a question: "in manchester city centre".
const PLACE_TAIL = new Set("city centre center town area council centru oras ville".split(" "));

/**
 * A capitalised name after "in", "à", "în"... that none of the candidate pages contains; or, written in
 * lower case, such a word ending the question ("bin days in manchester") that is no word of the pages,
 * of the calendar or of everyday speech either.
 */
function namesUnknownPlace(question: string, lang: string, pool: Candidate[]): boolean {
  const words = question.split(/[\s,;:!?()]+/).filter(Boolean);
  const known = (folded: string) => pool.some((c) => c.words.has(folded));
  for (let i = 1; i < words.length; i++) {
    const name = words[i]!;
    const before = words[i - 1]!.toLowerCase();
    const folded = tokenizeText(name)[0];
    if (!folded) continue;
    if (/^\p{Lu}\p{Ll}{2,}/u.test(name) && PLACE_PREPOSITIONS.has(before)) {
      if (!known(folded)) return true;
      continue;
    }
    const rest = words.slice(i + 1).map((w) => tokenizeText(w)[0] ?? "");
    if (
      LOWERCASE_PLACE_PREPOSITIONS.has(before) &&
      /^\p{Ll}{4,}$/u.test(name) &&
      rest.every((w) => PLACE_TAIL.has(w)) &&
      !known(folded) &&
      !pool.some((c) => analyzeText(folded, lang).some((stem) => c.terms.has(stem))) &&
      // A word inside one of the pages' words ("asfalt" in "reasfaltare") is the language's, not a place.
      !pool.some((c) => [...c.words].some((w) => w.length > folded.length && w.includes(folded))) &&
      !isEverydayWord(folded, lang)
    )
      return true;
  }
  return false;
}

/** A stop word, weak word, weekday, season or month of the language: never a place's name. */
function isEverydayWord(folded: string, lang: string): boolean {
  if (STOP_WORDS[lang]?.has(folded)) return true;
  const stem = analyzeText(folded, lang)[0];
  if (stem && weakTermsOf(lang).has(stem)) return true;
  return (
    calendarMarks(folded, lang).length > 0 || calendarWords(lang).includes(folded) || MONTH_LIKE.test(folded)
  );
}

// Months in the supported languages, folded: "in january" names no place.
const MONTH_LIKE =
  /^(january|february|march|april|june|july|august|september|october|november|december|janvier|fevrier|avril|juin|juillet|aout|septembre|octobre|novembre|decembre|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|januar|februar|marz|juni|juli|oktober|dezember)$/;

/** A facility the question names (a pool, a sauna, a museum) that no candidate page holds. */
function namesMissingFacility(question: string, lang: string, pool: Candidate[]): boolean {
  return namedFacilities(question).some((phrase) => {
    const stems = analyzeText(phrase, lang);
    return stems.length > 0 && !pool.some((c) => stems.every((stem) => c.terms.has(stem)));
  });
}

/** `sectionStates` for a candidate's section, remembered with its analysis. */
function candidateStates(c: Candidate, kind: AskedKind): boolean {
  let states = c.states.get(kind);
  if (states === undefined) {
    states = sectionStates(c.passage.text, kind);
    c.states.set(kind, states);
  }
  return states;
}

function sentenceStates(sentence: SectionSentence, kind: AskedKind): boolean {
  sentence.states ??= new Map();
  let states = sentence.states.get(kind);
  if (states === undefined) {
    states = statesKind(sentence.text, kind);
    sentence.states.set(kind, states);
  }
  return states;
}

function sectionStates(text: string, kind: AskedKind): boolean {
  if (kind === "list") return /^\s*([-*+]|\d+[.)])\s/m.test(text);
  return statesKind(text, kind);
}

/** Every section of the first articles (or their best passage when sections were not loaded). */
function collectCandidates(found: KnowledgePassage[], lang: string): Candidate[] {
  const topScore = found[0]!.score || 1;
  const candidates: Candidate[] = [];
  found.slice(0, CANDIDATE_ARTICLES).forEach((hit) => {
    const sections = hit.sections ?? [
      { headingPath: hit.headingPath, url: hit.url, text: hit.text, best: true },
    ];
    sections.forEach((section, order) => {
      const passage: KnowledgePassage = {
        articleId: hit.articleId,
        title: hit.title,
        url: section.url,
        headingPath: section.headingPath,
        text: section.text,
        score: hit.score,
        lang: hit.lang,
      };
      candidates.push({
        ...analyseSection(hit, section, lang),
        passage,
        native: hit.lang === lang,
        prior: Math.max(0, Math.min(1, hit.score / topScore)),
        best: section.best,
        order,
      });
    });
  });
  return candidates;
}

/** What a section holds, whoever asks: its terms, words, sentences and what its heading says. */
interface SectionAnalysis {
  terms: Set<string>;
  pairs: Set<string>;
  titleTerms: Set<string>;
  sectionHeadingTerms: Set<string>;
  words: Set<string>;
  matchable: boolean;
  sentences: SectionSentence[];
  /** The kind of fact the section's own heading names ("Prices", "Opening hours"). */
  headingKind: AskedKind | null;
  /** The headings say what not to do ("What cannot go in the glass box"). */
  negativeHeading: boolean;
  /** Per kind asked: whether the section states it (`sectionStates`), filled in when first asked. */
  states: Map<AskedKind, boolean>;
}

interface SectionSentence {
  text: string;
  terms: Set<string>;
  /** Whether the sentence states each kind asked so far, and its terms with the title's, on first use. */
  states?: Map<AskedKind, boolean>;
  withTitle?: Set<string>;
}

/**
 * Every turn compares the question with each section of the articles search found, and the same few
 * articles come back turn after turn: a section's analysis depends on its text, headings, title and
 * the two languages only, so it is computed once and kept (bounded; emptied when full). Nothing here is
 * changed after it is stored: the scoring below only reads these sets.
 */
const analysedSections = new Map<string, SectionAnalysis>();
const MAX_ANALYSED_SECTIONS = 2_000;

function analyseSection(
  hit: KnowledgePassage,
  section: { headingPath: string[]; text: string },
  lang: string,
): SectionAnalysis {
  const alias = hit.aliases?.[lang] ?? "";
  const key = `${lang}\u0000${hit.lang}\u0000${hit.title}\u0000${alias}\u0000${section.headingPath.join("\u0001")}\u0000${section.text}`;
  const known = analysedSections.get(key);
  if (known) return known;
  // The section's own headings tell its sections apart; the title is shared by all of them.
  const ownHeadings = section.headingPath.filter((h) => h !== hit.title).join(" ");
  const sectionHeadingTerms = new Set(analyzeText(ownHeadings, hit.lang));
  // The editors' title and terms in the citizen's language make a translation-less article comparable.
  const aliasTerms = analyzeText(alias, lang);
  const titleTerms = new Set([...analyzeText(hit.title, hit.lang), ...aliasTerms]);
  const bodyTerms = analyzeText(`${ownHeadings}\n${section.text}`, hit.lang);
  const sentences = splitSectionSentences(section.text, hit.lang).map((sentence) => {
    const text = [sentence.text, ...(sentence.items ?? [])].join(" ");
    const covered = [...coveredWeekdays(text, hit.lang), ...coveredSeasons(text, hit.lang)];
    const days = analyzeText(covered.join(" "), hit.lang);
    return { text, terms: new Set([...sentence.terms, ...days, ...calendarMarks(text, hit.lang)]) };
  });
  const analysis: SectionAnalysis = {
    terms: new Set([...titleTerms, ...bodyTerms, ...sentences.flatMap((x) => [...x.terms])]),
    pairs: new Set(bodyTerms.slice(1).map((term, i) => `${bodyTerms[i]} ${term}`)),
    titleTerms,
    sectionHeadingTerms,
    words: new Set(tokenizeText(`${hit.title} ${ownHeadings} ${section.text}`)),
    matchable: hit.lang === lang || aliasTerms.length > 0,
    sentences,
    headingKind: detectAskedKind(section.headingPath.at(-1) ?? ""),
    negativeHeading: NEGATION.test(` ${foldWords(section.headingPath.join(" "))} `),
    states: new Map(),
  };
  if (analysedSections.size >= MAX_ANALYSED_SECTIONS) analysedSections.clear();
  analysedSections.set(key, analysis);
  return analysis;
}

/** Adjacent pairs of the question's terms, each weighing as much as its lighter term. */
function pairWeights(question: string, lang: string, weights: Map<string, number>): Map<string, number> {
  const terms = analyzeText(stripAskingPhrases(toPageWords(question, lang)), lang);
  const pairs = new Map<string, number>();
  for (let i = 1; i < terms.length; i++) {
    const weight = Math.min(weights.get(terms[i - 1]!) ?? 0, weights.get(terms[i]!) ?? 0);
    if (weight > 0) pairs.set(`${terms[i - 1]} ${terms[i]}`, weight);
  }
  return pairs;
}

/** Terms of the citizen's earlier messages. */
function earlierTerms(history: HistoryTurn[], lang: string): Set<string> {
  return new Set(history.filter((t) => t.role === "citizen").flatMap((t) => analyzeText(t.text, lang)));
}

/**
 * Each question term's weight: its rarity among the candidate sections, doubled for terms the citizen
 * just brought up ("and for glass?" after bins is about glass). A term no candidate holds keeps the
 * highest rarity, so a question about something else altogether does not look covered.
 */
function weighQuestion(
  question: string,
  lang: string,
  history: HistoryTurn[],
  candidates: Candidate[],
): Map<string, number> {
  const earlier = earlierTerms(history, lang);
  const n = Math.max(1, candidates.length);
  const weights = new Map<string, number>();
  // Days and seasons also as language-neutral marks: "Samstag" meets "Monday to Saturday".
  const everyday = everydayTermsOf(lang);
  const asked = analyzeText(stripAskingPhrases(toPageWords(question, lang)), lang).map(
    (term) => everyday.get(term) ?? term,
  );
  // "My husband passed away and I live alone now, do I get anything off my council tax?": the
  // statements around the question are its context, so their words that no page uses (the husband)
  // weigh less than the question's own; those the pages use ("got a parking ticket") keep their weight.
  const form = readQuestionForm(question);
  // A story is a clause of its own; a bare subject after a follow-up ("…? fridges") is the question's.
  const story = form.asks && form.statements.split(/\s+/).filter(Boolean).length >= 3;
  const askedPart = new Set(
    story ? analyzeText(toPageWords(question.replace(form.statements, " "), lang), lang) : [],
  );
  const context = story ? new Set(analyzeText(toPageWords(form.statements, lang), lang)) : new Set();
  for (const term of [...asked, ...calendarMarks(question, lang)]) {
    if (weights.has(term)) continue;
    const df = candidates.reduce((count, c) => count + (c.terms.has(term) ? 1 : 0), 0);
    const rarity = 1 + Math.log((n + 1) / (df + 1));
    const weak = weakTermsOf(lang).has(term) || isDetailTerm(term) ? WEAK_FACTOR : 1;
    const onlyContext = df === 0 && context.has(term) && !askedPart.has(term) ? CONTEXT_FACTOR : 1;
    weights.set(term, rarity * weak * onlyContext * (earlier.has(term) ? 1 : 2));
  }
  return weights;
}
