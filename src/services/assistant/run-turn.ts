import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { messages } from "../../db/schema";
import type { AnswerDraft, ChatModel, CondensedQuestion, HistoryTurn, Surface } from "../../ports/chat-model";
import { asksAboutOwnCase, asksAboutProgress } from "../cases/answer-case-status";
import { isCancel, isNo, isYes } from "../cases/intake-answers";
import { type ConversationRow, isWithStaff } from "../conversations/context";
import type { MessageRow } from "../conversations/find-reply";
import type { Citation } from "../conversations/message-view";
import { type EarlierMessage, HISTORY_ROLES } from "../conversations/post-citizen-message";
import { formatOpening } from "../conversations/request-handoff";
import { announceHandoffActivity } from "../handoff/handoff-activity";
import { type QueueOutcome, queueForPerson } from "../handoff/request-handoff";
import { findSensitiveTopic } from "../handoff/sensitive-topics";
import { bridgeForPages, bridgeQuestion } from "../language/bridge-question";
import { refersBack } from "../language/question-form";
import { answerPrivacyRequest } from "../privacy/answer-privacy-request";
import { detectPrivacyRequest } from "../privacy/detect-privacy-request";
import { tokenizeText } from "../retrieval/analyzer";
import { stripAskingOnly } from "./asked-kind";
import type {
  AssistantDeps,
  CaseTurnInput,
  CaseTurnResult,
  IntakeView,
  KnowledgePassage,
} from "./assistant-deps";
import { chooseAnswerSection } from "./choose-answer-section";
import { isNationalMatter, isOpinionOrPrediction } from "./detect-out-of-scope";
import { detectSmallTalk } from "./detect-small-talk";
import { type FixedOutcome, type FixedReplyKey, fixedReply } from "./fixed-reply";
import {
  cleanAnswerText,
  createTokenSanitizer,
  type Grounding,
  groundPassages,
  resolveCitations,
} from "./ground-answer";
import type { TurnStatus } from "./turn-status";

export interface TurnInput {
  conversation: ConversationRow;
  /** The stored citizen message (redacted, language detected). */
  message: MessageRow;
  now: Date;
  /** True when personal data was removed from the message: the reply says so first. */
  piiRemoved?: boolean;
  /** Receives the answer text as it is produced (web streaming). */
  onToken?: (token: string) => void;
  signal?: AbortSignal;
  /**
   * The conversation's messages before this one, newest first, when they were read with the message's
   * insert (at least `settings.historyMessages` of them, or all there are); otherwise the turn reads them.
   */
  earlier?: EarlierMessage[];
}

export interface TurnOutcome {
  status: TurnStatus;
  /** "system" for notices while staff own the conversation: the bot itself stays silent. */
  role: "assistant" | "system";
  text: string;
  lang: string;
  citations: Citation[];
  case?: { reference: string; status: string };
  /** The case intake in progress after this turn, if any. */
  intake?: IntakeView;
  /** Services offered for the citizen to choose from. */
  options?: { service: string; name: string }[];
  /** True when a person now owns the conversation. */
  handoff: boolean;
  /** Internal record of how the turn went: model, fallbacks, condensed question, timings. */
  meta: Record<string, unknown>;
}

const SURFACE_BY_CHANNEL: Record<string, Surface> = {
  web: "web",
  sms: "sms",
  voice: "voice",
  teams: "teams",
};

const BLOCKING: Partial<Record<string, [TurnStatus, FixedReplyKey]>> = {
  emergency: ["blocked_emergency", "reply.emergency"],
  crisis: ["blocked_crisis", "reply.crisis"],
  injection: ["blocked_injection", "reply.injection"],
  abuse: ["blocked_abuse", "reply.abuse"],
  unclear: ["clarification", "reply.clarification"],
};

/**
 * One turn of the assistant after the citizen's message is stored. A second "no answer" in a row
 * queues the conversation for a person instead of failing the citizen a third time, and so does the
 * first one on a sensitive topic (bereavement, domestic abuse, eviction...).
 */
export async function runTurn(deps: AssistantDeps, input: TurnInput): Promise<TurnOutcome> {
  const outcome = await runTurnSteps(deps, input);
  if (outcome.status !== "no_answer" || outcome.role !== "assistant") return outcome;
  const topic = findSensitiveTopic(input.message.text, deps.handoff?.sensitiveTopics ?? []);
  if (topic) return handOver(deps, input, outcome, "sensitive", { sensitiveTopic: topic });
  const previous = await previousReply(deps, input);
  if (previous?.status !== "no_answer") return outcome;
  return handOver(deps, input, outcome, "no_answer", {});
}

/** The last reply before this message (the bot's or a person's), from the messages read with it when they hold one. */
async function previousReply(
  deps: AssistantDeps,
  input: TurnInput,
): Promise<{ status: string | null } | undefined> {
  const earlier = input.earlier;
  const known = earlier?.find((m) => m.role === "assistant" || m.role === "staff");
  // Fewer messages than were asked for means these are all there are.
  if (known || (earlier && earlier.length < deps.settings.historyMessages)) return known;
  const [previous] = await deps.database.db
    .select({ status: messages.status })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, input.conversation.id),
        lt(messages.sequence, input.message.sequence),
        inArray(messages.role, ["assistant", "staff"]),
      ),
    )
    .orderBy(desc(messages.sequence))
    .limit(1);
  return previous;
}

/** Queues the unanswered turn for a person, or says honestly that nobody works now. */
async function handOver(
  deps: AssistantDeps,
  input: TurnInput,
  outcome: TurnOutcome,
  reason: string,
  meta: Record<string, unknown>,
): Promise<TurnOutcome> {
  const queued = await queueForPerson(
    deps.database.db,
    input.conversation.id,
    reason,
    input.now,
    { kind: "system", name: "assistant" },
    deps.handoff,
  );
  const handoff = handoffReply(deps, outcome.lang, queued);
  input.onToken?.(`\n\n${handoff}`);
  return {
    ...outcome,
    status: "handoff",
    handoff: !queued.closed,
    text: `${outcome.text}\n\n${handoff}`,
    meta: { ...outcome.meta, ...meta, handoffReason: reason, ...(queued.closed ? { closed: true } : {}) },
  };
}

/**
 * What the citizen is told after asking for a person: that staff will reply, or, out of business
 * hours, when they are back and that a case or a call back can be arranged now.
 */
export function handoffReply(
  deps: Pick<AssistantDeps, "translate">,
  lang: string,
  queued: Pick<QueueOutcome, "closed">,
): string {
  if (!queued.closed) return deps.translate(lang, "reply.handoff");
  return deps.translate(lang, "reply.handoff_closed", { opens: formatOpening(lang, queued.closed) });
}

/** Whether the last reply told the citizen nobody could take the conversation (out of hours or not in time). */
async function offeredCaseOrCallBack(
  deps: AssistantDeps,
  conversationId: string,
  before: number,
): Promise<boolean> {
  const [last] = await deps.database.db
    .select({ meta: messages.meta })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        lt(messages.sequence, before),
        inArray(messages.role, ["assistant", "staff"]),
      ),
    )
    .orderBy(desc(messages.sequence))
    .limit(1);
  const meta = (last?.meta ?? {}) as { closed?: unknown; handoff?: unknown };
  return meta.closed === true || meta.handoff === "pickup_timeout";
}

/** What a person holding the conversation leaves the bot to say: nothing. */
export function heldOutcome(lang: string, meta: Record<string, unknown> = {}): TurnOutcome {
  return { status: "held", role: "system", text: "", lang, citations: [], handoff: true, meta };
}

/**
 * The turn's steps: safety and intent, case intake, condensing a follow-up, retrieval, a grounded
 * answer. Each step may end the turn; nothing escapes as an exception, so the citizen always gets a reply.
 */
async function runTurnSteps(deps: AssistantDeps, input: TurnInput): Promise<TurnOutcome> {
  const started = performance.now();
  const { conversation, message } = input;
  const lang = message.lang ?? conversation.lang;
  const meta: Record<string, unknown> = {};
  let prefix = "";
  // An intake the message interrupted: the reply ends by reminding the citizen of it.
  let paused: { intake: IntakeView; reminder: string } | undefined;
  let possibleEmergency = false;
  const finish = (outcome: FixedOutcome & Partial<TurnOutcome>): TurnOutcome => {
    const reminder = paused && !outcome.intake ? `\n\n${paused.reminder}` : "";
    if (reminder) input.onToken?.(reminder);
    // Gas, fire or a live wire named in an ordinary message: the reply still gives the emergency number.
    const hazard =
      possibleEmergency && !outcome.status.startsWith("blocked_")
        ? `\n\n${deps.translate(lang, "reply.hazard_notice", { number: deps.settings.emergencyNumber })}`
        : "";
    if (hazard) input.onToken?.(hazard);
    return {
      lang,
      role: "assistant",
      citations: [],
      handoff: false,
      ...(paused ? { intake: paused.intake } : {}),
      ...outcome,
      text: `${prefix}${outcome.text}${reminder}${hazard}`,
      meta: { ...meta, ...outcome.meta, ms: Math.round((performance.now() - started) * 10) / 10 },
    };
  };

  try {
    // The citizen's message is stored already: whoever relays it to staff (the Teams thread) can go now.
    if (isWithStaff(conversation.state)) announceHandoffActivity(conversation.id);
    if (conversation.state === "human") return heldOutcome(lang);
    if (isWithStaff(conversation.state)) {
      return finish({
        ...fixedReply(deps, lang, "handoff", "reply.with_staff"),
        role: "system",
        handoff: true,
      });
    }

    // The routing verdict (which may ask a chat model) starts now and runs alongside the safety checks.
    deps.handleCaseTurn?.anticipate?.(caseTurnInput(conversation, message.text, lang, input.now));
    const verdict = await deps.assessInput(message.text, lang);
    const label = typeof verdict === "string" ? verdict : verdict.label;
    possibleEmergency = typeof verdict !== "string" && verdict.possibleEmergency;
    meta.safety = label;
    if (possibleEmergency) meta.possibleEmergency = true;
    const privacy = label === "ok" || label === "unclear" ? detectPrivacyRequest(message.text) : null;
    if (privacy) {
      const args = { contactId: conversation.contactId, conversationId: conversation.id, kind: privacy };
      return finish(await answerPrivacyRequest({ database: deps.database, ...args, lang, now: input.now }));
    }
    if (label === "handoff") {
      // Told that nobody could take it, the citizen may take up the offer: "call me back" starts the
      // call-back request (or another case) through the case step instead of queueing them again.
      const offered = await offeredCaseOrCallBack(deps, conversation.id, message.sequence);
      const caseStep = async () =>
        deps.handleCaseTurn
          ? deps.handleCaseTurn(caseTurnInput(conversation, message.text, lang, input.now))
          : null;
      if (offered) {
        const caseTurn = await caseStep();
        if (caseTurn?.handled) return finish(caseTurnOutcome(caseTurn));
      }
      const queued = await queueForPerson(
        deps.database.db,
        conversation.id,
        "citizen_request",
        input.now,
        { kind: "system", name: "assistant" },
        deps.handoff,
      );
      if (queued.closed) {
        const notice = handoffReply(deps, lang, queued);
        const caseTurn = offered ? null : await caseStep();
        if (caseTurn?.handled) {
          const outcome = caseTurnOutcome(caseTurn);
          return finish({ ...outcome, text: `${notice}\n\n${outcome.text}`, meta: { closed: true } });
        }
        return finish({ status: "handoff", text: notice, meta: { closed: true } });
      }
      return finish({ ...fixedReply(deps, lang, "handoff", "reply.handoff"), handoff: true });
    }
    // A short answer ("yes", "2", "Main St 4") may be the reply to an intake question: the case step
    // sees it before the turn asks the citizen to clarify.
    if (label === "unclear" && deps.handleCaseTurn) {
      const continued = await deps.handleCaseTurn({
        ...caseTurnInput(conversation, message.text, lang, input.now),
        continueOnly: true,
      });
      if (continued.handled) return finish(caseTurnOutcome(continued));
      paused = continued.paused;
    }
    const blocking = BLOCKING[label];
    if (blocking) return finish(fixedReply(deps, lang, blocking[0], blocking[1]));
    if (input.piiRemoved) {
      prefix = `${deps.translate(lang, "reply.pii_removed")}\n\n`;
      input.onToken?.(prefix);
    }
    const smallTalk = detectSmallTalk(message.text);
    if (smallTalk === "greeting") return finish(fixedReply(deps, lang, "clarification", "reply.greeting"));
    if (smallTalk === "thanks") return finish(fixedReply(deps, lang, "answered", "reply.thanks"));

    const { history, lastReplyStatus } = await loadHistory(
      deps,
      conversation.id,
      message.sequence,
      input.earlier,
    );
    const condenseRequest = { message: message.text, history, lang, now: input.now };
    // A follow-up to a knowledge answer ("and for glass?") stays with the knowledge base; anything
    // else meets case intake first, so a citizen answering an intake question is not condensed.
    // A bare "yes" or "no" is never a new question: an intake may take it, otherwise it is acknowledged.
    const bareReply = isYes(message.text) || isNo(message.text) || isCancel(message.text);
    // "Any news on my report?" after an answer is about the citizen's case, never a follow-up question.
    const asksStatus = asksAboutOwnCase(message.text) || asksAboutProgress(message.text);
    let condensed: CondensedQuestion | undefined;
    if (lastReplyStatus === "answered" && !bareReply && !asksStatus)
      condensed = await condense(deps, condenseRequest, meta, input.signal);

    if (deps.handleCaseTurn && !condensed?.followUp) {
      const caseTurn = await deps.handleCaseTurn(caseTurnInput(conversation, message.text, lang, input.now));
      if (caseTurn.handled) return finish(caseTurnOutcome(caseTurn));
      paused = caseTurn.paused;
    }
    if (bareReply) return finish(fixedReply(deps, lang, "clarification", "reply.acknowledged"));

    if (isNationalMatter(message.text)) {
      return finish({
        ...fixedReply(deps, lang, "no_answer", "reply.out_of_scope"),
        meta: { outOfScope: true },
      });
    }
    if (isOpinionOrPrediction(message.text)) {
      return finish({ ...fixedReply(deps, lang, "no_answer", "reply.opinion"), meta: { outOfScope: true } });
    }
    const merged = condensed ?? (await condense(deps, condenseRequest, meta, input.signal));
    // "How long will it take you to fix it?" while a pothole report waits: "it" is the pothole.
    const question =
      paused && refersBack(merged.question) ? `${merged.question} ${paused.intake.name}` : merged.question;
    const answerTo = async (text: string) => {
      // "How much", "cuánto cuesta", "à quelle heure" say what kind of fact is wanted, not what it is
      // about: searched, they would count against the pages that hold the fact.
      const searchText = stripAskingOnly(text) || text;
      let found = await deps.searchKnowledge({
        text: searchText,
        lang,
        k: deps.settings.passagesPerQuestion,
      });
      found = await searchInDefaultLanguage(deps, {
        question: text,
        lang,
        found,
        condenseRequest,
        meta,
        signal: input.signal,
      });
      meta.passages = found.map((p) => ({
        articleId: p.articleId,
        score: Math.round(p.score * 1000) / 1000,
      }));
      if (found.length === 0) return undefined;
      return composeAnswer(deps, { question: text, lang, history, found, input, meta });
    };
    let answer = await answerTo(question);
    // A short message read as a follow-up that its context leaves unanswered may be a new question
    // ("Was kostet die Sperrmüllabholung?" after the bin days): read alone, it may have an answer.
    if (!answer && merged.followUp && question !== message.text) {
      answer = await answerTo(message.text);
      if (answer) meta.followUpReadAlone = true;
    }
    if (!answer) return finish(fixedReply(deps, lang, "no_answer", "reply.no_answer"));
    return finish({ status: "answered", text: answer.text, citations: answer.citations });
  } catch (error) {
    deps.logger.error("turn failed", {
      conversationId: conversation.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return finish({ ...fixedReply(deps, lang, "error", "reply.error"), meta: { failed: true } });
  }
}

function caseTurnInput(conversation: ConversationRow, text: string, lang: string, now: Date): CaseTurnInput {
  return {
    conversationId: conversation.id,
    contactId: conversation.contactId,
    channel: conversation.channel,
    lang,
    text,
    now,
  };
}

function caseTurnOutcome(caseTurn: Extract<CaseTurnResult, { handled: true }>) {
  return {
    status: caseTurn.status,
    text: caseTurn.reply,
    ...(caseTurn.case ? { case: caseTurn.case } : {}),
    ...(caseTurn.intake ? { intake: caseTurn.intake } : {}),
    ...(caseTurn.options ? { options: caseTurn.options } : {}),
  };
}

/** Recent citizen and assistant messages, oldest first, and how the last reply ended. */
async function loadHistory(
  deps: AssistantDeps,
  conversationId: string,
  before: number,
  earlier?: EarlierMessage[],
): Promise<{ history: HistoryTurn[]; lastReplyStatus: string | null }> {
  const rows = earlier
    ? earlier.slice(0, deps.settings.historyMessages)
    : await deps.database.db
        .select({ role: messages.role, text: messages.text, status: messages.status })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            lt(messages.sequence, before),
            inArray(messages.role, [...HISTORY_ROLES]),
          ),
        )
        .orderBy(desc(messages.sequence))
        .limit(deps.settings.historyMessages);
  const lastReplyStatus = rows.find((row) => row.role === "assistant")?.status ?? null;
  // What a staff member said is the city's side of the conversation: the bot continues from it.
  const history = rows.reverse().map((row) => ({
    role: (row.role === "citizen" ? "citizen" : "assistant") as HistoryTurn["role"],
    text: row.text,
  }));
  return { history, lastReplyStatus };
}

/**
 * With a chat model, a question whose language has no page in the knowledge base is translated into
 * the default language and searched again there; the answer is still written in the citizen's language.
 */
async function searchInDefaultLanguage(
  deps: AssistantDeps,
  context: {
    question: string;
    lang: string;
    found: KnowledgePassage[];
    condenseRequest: { message: string; history: HistoryTurn[]; lang: string; now: Date };
    meta: Record<string, unknown>;
    signal: AbortSignal | undefined;
  },
): Promise<KnowledgePassage[]> {
  const { lang, found } = context;
  const searchLang = deps.languages.fallback;
  if (lang === searchLang || found.some((p) => p.lang === lang)) return found;
  if (deps.chatModel === deps.offlineModel) return searchBridged(deps, context.question, lang, found);
  try {
    const translated = await deps.chatModel.condenseQuestion(
      { ...context.condenseRequest, message: context.question, history: [], searchLang },
      context.signal ? { signal: context.signal } : {},
    );
    context.meta.searchQuestion = translated.question;
    const again = await deps.searchKnowledge({
      text: translated.question,
      lang: searchLang,
      k: deps.settings.passagesPerQuestion,
    });
    return again.length > 0 ? again : found;
  } catch (error) {
    deps.logger.warn("query translation failed; searching with the citizen's words", {
      reason: error instanceof Error ? error.message : String(error),
    });
    return found;
  }
}

/**
 * Offline, the question bridged into English words through the glossary is searched too, and its
 * pages come first: the editors' translated titles and terms find the right page for some questions,
 * the bridged words for many more ("Wie beantrage ich…" meets "Apply").
 */
async function searchBridged(
  deps: AssistantDeps,
  question: string,
  lang: string,
  found: KnowledgePassage[],
): Promise<KnowledgePassage[]> {
  const searchLang = deps.languages.fallback;
  if (searchLang !== "en") return found;
  const bridged = bridgeQuestion(stripAskingOnly(question) || question, lang);
  if (!bridged?.english) return found;
  const again = await deps.searchKnowledge({
    text: [bridged.english, ...bridged.unknown].join(" "),
    lang: searchLang,
    k: deps.settings.passagesPerQuestion,
  });
  // Pages both searches found lead, in the bridged order; then the bridged search's, then the rest.
  const original = new Set(found.map((p) => p.articleId));
  const both = again.filter((p) => original.has(p.articleId));
  const seen = new Set(again.map((p) => p.articleId));
  return [
    ...both,
    ...again.filter((p) => !original.has(p.articleId)),
    ...found.filter((p) => !seen.has(p.articleId)),
  ];
}

/** The stand-alone question; the message itself when there is nothing earlier to resolve it against. */
async function condense(
  deps: AssistantDeps,
  request: { message: string; history: HistoryTurn[]; lang: string; now: Date },
  meta: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<CondensedQuestion> {
  if (!request.history.some((turn) => turn.role === "citizen"))
    return { question: request.message, followUp: false };
  const condensed = await withFallback(deps, "condense", meta, (model) =>
    model.condenseQuestion(request, signal ? { signal } : {}),
  );
  if (condensed.followUp) meta.question = condensed.question;
  return condensed;
}

interface AnswerContext {
  question: string;
  lang: string;
  history: HistoryTurn[];
  found: KnowledgePassage[];
  input: TurnInput;
  meta: Record<string, unknown>;
}

/** A grounded answer with resolved citations, or undefined when the passages do not cover it. */
async function composeAnswer(
  deps: AssistantDeps,
  context: AnswerContext,
): Promise<{ text: string; citations: Citation[] } | undefined> {
  const { lang, input, meta } = context;
  const bridge = bridgeToFallback(deps, context);
  if (bridge) meta.bridgedQuestion = bridge.question;
  // The model and the offline answerer both get the section that answers, not five articles' best passages.
  const choice = bridge
    ? chooseAnswerSection(bridge.question, bridge.lang, bridge.history, context.found, bridge.lang)
    : chooseAnswerSection(context.question, lang, context.history, context.found, deps.languages.fallback);
  if (!choice) return undefined;
  meta.section = {
    articleId: choice.passages[0]!.articleId,
    heading: choice.passages[0]!.headingPath.at(-1) ?? null,
    kind: choice.kind,
    coverage: Math.round(choice.coverage * 100) / 100,
  };
  const grounding = groundPassages(choice.passages);
  const sanitizer = input.onToken ? createTokenSanitizer(grounding.allowedUrls, input.onToken) : undefined;
  const request = {
    question: context.question,
    lang,
    surface: SURFACE_BY_CHANNEL[input.conversation.channel] ?? "web",
    passages: grounding.passages,
    history: context.history,
    now: input.now,
    ...(bridge ? { bridge } : {}),
  };
  const notice = otherLanguageNotice(deps, lang, grounding);
  let streamed = false;
  const draft = await withFallback(deps, "answer", meta, (model) => {
    // After a failed stream the offline answer is not streamed: `done` carries the whole reply.
    const stream = sanitizer && !streamed;
    const withNotice = model === deps.offlineModel && notice;
    let first = true;
    return model
      .answerQuestion(request, {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(stream
          ? {
              onToken: (token: string) => {
                if (first && withNotice) sanitizer.push(`${withNotice} `);
                first = false;
                streamed = true;
                sanitizer.push(token);
              },
            }
          : {}),
      })
      .then((result) => requireCitations(result, grounding));
  });
  sanitizer?.flush();
  if (!draft.covered) return undefined;

  const citations = resolveCitations(draft.citedIds, grounding);
  const text = cleanAnswerText(draft.text, grounding.allowedUrls);
  const answeredOffline =
    deps.chatModel === deps.offlineModel ||
    (meta.fallback as Record<string, string> | undefined)?.answer !== undefined;
  const prefix = answeredOffline && notice ? `${notice} ` : "";
  return { text: `${prefix}${text}`, citations };
}

/**
 * When search found pages only in the default language, the question and the citizen's earlier
 * messages in that language's words (offline glossary), so section and sentences are chosen by what
 * was asked rather than by their order. Undefined when the citizen's language has pages, or no glossary.
 */
function bridgeToFallback(
  deps: AssistantDeps,
  context: AnswerContext,
): { question: string; lang: string; history: HistoryTurn[] } | undefined {
  const { lang, found } = context;
  const target = deps.languages.fallback;
  if (lang === target || target !== "en" || found.some((p) => p.lang === lang)) return undefined;
  const pages = found.filter((p) => p.lang === target);
  if (pages.length === 0) return undefined;
  const pageWords = new Set(
    pages.flatMap((p) => tokenizeText([p.title, p.text, ...(p.sections ?? []).map((s) => s.text)].join(" "))),
  );
  const question = bridgeForPages(context.question, lang, pageWords);
  if (!question) return undefined;
  const history = context.history.map((turn) =>
    turn.role === "citizen" ? { ...turn, text: bridgeForPages(turn.text, lang, pageWords) ?? "" } : turn,
  );
  return { question, lang: target, history };
}

/** A model answer that cites no passage it was given is not grounded; the offline answerer retries it. */
function requireCitations(draft: AnswerDraft, grounding: Grounding): AnswerDraft {
  if (draft.covered && !draft.citedIds.some((id) => grounding.byId.has(id))) {
    throw new Error("the answer cites none of the passages");
  }
  return draft;
}

/**
 * Without a model nothing is translated, so an answer taken from passages in another language
 * says so first.
 */
function otherLanguageNotice(deps: AssistantDeps, lang: string, grounding: Grounding): string | undefined {
  if (grounding.passages.some((p) => p.lang === lang)) return undefined;
  const source = grounding.passages[0]?.lang;
  if (!source) return undefined;
  let language = source;
  try {
    language = new Intl.DisplayNames([lang], { type: "language" }).of(source) ?? source;
  } catch {}
  return deps.translate(lang, "reply.other_language", { language });
}

/** Runs a step on the configured model and, if it fails, on the offline answerer; the switch is recorded. */
async function withFallback<T>(
  deps: AssistantDeps,
  step: string,
  meta: Record<string, unknown>,
  run: (model: ChatModel) => Promise<T>,
): Promise<T> {
  meta.model = deps.chatModel.name;
  if (deps.chatModel === deps.offlineModel) return run(deps.offlineModel);
  try {
    return await run(deps.chatModel);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn("chat model failed; using the offline answerer", { step, reason });
    meta.fallback = { ...(meta.fallback as object), [step]: reason.slice(0, 200) };
    return run(deps.offlineModel);
  }
}
