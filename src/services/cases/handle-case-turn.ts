import { and, eq, inArray } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { caseFollowers, caseIntakes, cases, type IntakeDraft, services } from "../../db/schema";
import { caseText } from "../../i18n/cases";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import { readQuestionForm } from "../language/question-form";
import { scheduleSlaChange } from "../sla/refresh-case-sla";
import { answerCaseStatus, answerOwnCases, asksAboutOwnCase, asksAboutProgress } from "./answer-case-status";
import { findReferenceInText } from "./case-reference";
import { CaseStatus } from "./case-status";
import { pickLanguage } from "./case-view";
import type { CaseContext, CaseSettings } from "./context";
import { extractLocation } from "./extract-location";
import { isCancel, isNo, isYes } from "./intake-answers";
import {
  type Awaiting,
  applyAnswer,
  clarifyQuestion,
  confirmationText,
  draftFromReport,
  fillIdentifiers,
  type IntakeService,
  loadIntakeService,
  nextMissing,
  pickService,
  questionFor,
} from "./intake-questions";
import { OpenCaseInput, openCaseWithin } from "./open-case";

/** The routing verdict on a citizen's message (the fitted router, possibly combined with a chat model). */
export type RequestClassification =
  | { kind: "service"; code: string; confidence: number }
  | { kind: "clarify"; candidates: string[] }
  | { kind: "none" };

export interface CaseTurnDeps {
  database: Database;
  classify: (text: string, lang: string) => Promise<RequestClassification> | RequestClassification;
  logger?: Logger;
  settings?: CaseSettings;
  /** Where a new case's SLA timers are queued. */
  jobQueue?: JobQueue;
  /** An intake left unanswered this long is dropped, so an old question does not swallow a new message. */
  intakeTimeoutMinutes?: number;
}

export interface CaseTurnInput {
  conversationId: string;
  contactId: string;
  channel: string;
  lang: string;
  /** Already redacted. */
  text: string;
  now: Date;
  /**
   * Set when the guardrails found the message unclear or small talk: "2", "yes" or "51.5, -0.12" still
   * answer an intake in progress, but such a message never starts one.
   */
  continueOnly?: boolean;
}

/** The intake in progress, as a client sees it: which service, and what the assistant waits for. */
export interface IntakeView {
  service: string;
  name: string;
  /** "location", "description", "attribute:<code>", "confirm" or "service". */
  awaiting: string;
}

export interface ServiceOption {
  service: string;
  name: string;
}

export type CaseTurnResult =
  | {
      handled: false;
      /** An intake the message did not answer: it waits, and the reply reminds the citizen of it. */
      paused?: { intake: IntakeView; reminder: string };
    }
  | {
      handled: true;
      status: "clarification" | "case_opened" | "case_linked" | "case_status";
      reply: string;
      case?: { reference: string; status: string };
      intake?: IntakeView;
      options?: ServiceOption[];
    };

type IntakeRow = typeof caseIntakes.$inferSelect;

const MAX_FAILED_ANSWERS = 2;
type HandledTurn = Extract<CaseTurnResult, { handled: true }>;
const clarification = (reply: string): HandledTurn => ({ handled: true, status: "clarification", reply });

/**
 * The assistant's case step, after the safety checks: answers questions about a case by reference,
 * carries on an intake in progress, or starts one when the message is a service request. Anything
 * else is left to the knowledge base (`handled: false`).
 */
export async function handleCaseTurn(deps: CaseTurnDeps, input: CaseTurnInput): Promise<CaseTurnResult> {
  const text = input.text.trim();
  if (!text) return { handled: false };
  const db = deps.database.db;
  const ctx: CaseContext<{ kind: "citizen"; contactId: string }> = {
    database: deps.database,
    actor: { kind: "citizen", contactId: input.contactId },
    now: input.now,
    ...(deps.settings ? { settings: deps.settings } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.jobQueue ? { jobQueue: deps.jobQueue } : {}),
  };

  const reference = findReferenceInText(text);
  if (reference) {
    const answer = await answerCaseStatus(ctx, reference, input.lang);
    return { handled: true, status: "case_status", ...answer };
  }

  const intake = await loadActiveIntake(
    db,
    input.conversationId,
    input.now,
    deps.intakeTimeoutMinutes ?? 24 * 60,
  );
  // "What's happening with my report?" / "is my street light fixed yet?": the citizen's own cases,
  // whether or not an intake is waiting (it stays waiting).
  if (
    !input.continueOnly &&
    (asksAboutOwnCase(text) ||
      // Without a case word, "is it fixed yet?" is about a case only once there is one to be about.
      (asksAboutProgress(text) && (intake !== undefined || (await hasCases(db, input.contactId)))))
  ) {
    const answer = await answerOwnCases(db, input.contactId, input.lang);
    const waiting = intake ? await pausedIntake(db, intake, input) : undefined;
    return {
      handled: true,
      status: "case_status",
      ...answer,
      ...(waiting ? { reply: `${answer.reply}\n\n${waiting.reminder}`, intake: waiting.intake } : {}),
    };
  }
  if (intake) {
    const result = await continueIntake(deps, ctx, intake, input, text);
    if (result) return result;
    const waiting = await loadActiveIntake(db, input.conversationId, input.now, Number.POSITIVE_INFINITY);
    if (waiting) return { handled: false, paused: await pausedIntake(db, waiting, input) };
  }

  // A bare "yes" or "no" answers something, and "never mind, cancel it" calls something off: neither
  // starts a report of its own.
  if (input.continueOnly || isYes(text) || isNo(text) || isCancel(text)) return { handled: false };
  return startIntake(deps, input, text);
}

/** Whether the citizen opened a case, or follows one their report was linked to. */
async function hasCases(db: Db, contactId: string): Promise<boolean> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.contactId, contactId)).limit(1);
  if (row) return true;
  const [followed] = await db
    .select({ id: caseFollowers.caseId })
    .from(caseFollowers)
    .where(eq(caseFollowers.contactId, contactId))
    .limit(1);
  return followed !== undefined;
}

async function loadActiveIntake(db: Db, conversationId: string, now: Date, timeoutMinutes: number) {
  const [intake] = await db
    .select()
    .from(caseIntakes)
    .where(and(eq(caseIntakes.conversationId, conversationId), eq(caseIntakes.status, "active")));
  if (!intake) return undefined;
  if (now.getTime() - intake.updatedAt.getTime() > timeoutMinutes * 60_000) {
    await db
      .update(caseIntakes)
      .set({ status: "expired", updatedAt: now })
      .where(eq(caseIntakes.id, intake.id));
    return undefined;
  }
  return intake;
}

async function startIntake(deps: CaseTurnDeps, input: CaseTurnInput, text: string): Promise<CaseTurnResult> {
  const db = deps.database.db;
  // A question about a service ("how much is a bulky collection?") is for the knowledge base; only
  // the sentences that state something ("my bin wasn't collected today, when…") can be a report.
  const form = readQuestionForm(text);
  if (form.asksWhoHandles || form.asksAboutService) return { handled: false };
  const routed = form.asks && !form.action ? form.statements : text;
  if (routed.split(/\s+/).filter(Boolean).length < (routed === text ? 1 : 3)) return { handled: false };
  const verdict = await deps.classify(routed, input.lang);
  if (verdict.kind === "none") return { handled: false };
  // Beside a question, a statement ("got a parking fine, how do I appeal?") opens an intake only when
  // the router is sure it reports a problem; a menu of guesses would hide the answer.
  if (routed !== text && verdict.kind !== "service") return { handled: false };

  if (verdict.kind === "clarify") {
    const candidates = await db
      .select()
      .from(services)
      .where(and(inArray(services.code, verdict.candidates.slice(0, 3)), eq(services.active, true)));
    if (candidates.length === 0) return { handled: false };
    // Keep the router's order: the likeliest service first.
    candidates.sort((a, b) => verdict.candidates.indexOf(a.code) - verdict.candidates.indexOf(b.code));
    await db.insert(caseIntakes).values({
      conversationId: input.conversationId,
      contactId: input.contactId,
      stage: "choosing_service",
      awaiting: "service",
      candidates: candidates.map((c) => c.code),
      draft: { attributes: {}, originalText: text },
      lang: input.lang,
      createdAt: input.now,
      updatedAt: input.now,
    });
    return {
      ...clarification(clarifyQuestion(candidates, input.lang)),
      options: candidates.map((c) => ({ service: c.code, name: pickLanguage(c.names, input.lang) })),
    };
  }

  const service = await loadIntakeService(db, verdict.code);
  if (!service) return { handled: false };
  const draft = fillIdentifiers(draftFromReport(text, service, input.lang), service, text);
  const [intake] = await db
    .insert(caseIntakes)
    .values({
      conversationId: input.conversationId,
      contactId: input.contactId,
      stage: "collecting",
      serviceCode: service.service.code,
      draft,
      lang: input.lang,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  const intro = caseText(input.lang, "intake.start", {
    service: pickLanguage(service.service.names, input.lang),
  });
  return askNext(db, intake!, service, draft, input, intro);
}

/**
 * Null when the message is not an answer to what the intake asked (a new question, a new problem),
 * so the turn goes on with it as a fresh message; the intake then waits, unless a new report replaced it.
 */
async function continueIntake(
  deps: CaseTurnDeps,
  ctx: CaseContext<{ kind: "citizen"; contactId: string }>,
  intake: IntakeRow,
  input: CaseTurnInput,
  text: string,
): Promise<CaseTurnResult | null> {
  const db = ctx.database.db;
  const lang = input.lang;
  if (isCancel(text)) {
    await closeIntake(db, intake, "cancelled", input.now);
    return clarification(caseText(lang, "intake.cancelled"));
  }
  const form = readQuestionForm(text);
  const asksSomethingElse = form.asks && !form.action;

  if (intake.stage === "choosing_service") {
    const rows = await db.select().from(services).where(inArray(services.code, intake.candidates));
    // The options as they were shown: the database returns rows in no particular order.
    const candidates = intake.candidates.flatMap((code) => rows.filter((row) => row.code === code));
    const code = pickService(text, candidates);
    const service = code ? await loadIntakeService(db, code) : undefined;
    if (!service) {
      if (asksSomethingElse && !input.continueOnly) return null;
      await closeIntake(db, intake, "abandoned", input.now);
      return null;
    }
    const draft = fillIdentifiers(
      draftFromReport(intake.draft.originalText ?? text, service, lang),
      service,
      intake.draft.originalText ?? text,
    );
    const intro = caseText(lang, "intake.start", { service: pickLanguage(service.service.names, lang) });
    return askNext(db, intake, service, draft, input, intro);
  }

  const service = intake.serviceCode ? await loadIntakeService(db, intake.serviceCode) : undefined;
  if (!service) {
    await closeIntake(db, intake, "abandoned", input.now);
    return null;
  }

  if (intake.stage === "confirming") {
    if (isYes(text)) return openFromIntake(ctx, intake, service, input);
    if (isNo(text)) {
      await closeIntake(db, intake, "cancelled", input.now);
      return clarification(caseText(lang, "intake.cancelled"));
    }
    if (asksSomethingElse) return null;
    if (await isNewReport(deps, input, text, service)) {
      await closeIntake(db, intake, "abandoned", input.now);
      return null;
    }
    return failedAnswer(db, intake, input, caseText(lang, "intake.confirm_retry"));
  }

  const awaiting = (intake.awaiting ?? nextMissing(service, intake.draft)) as Awaiting | null;
  // A question is not an answer, unless it carries the address the intake asked for.
  const givesAddress = awaiting === "location" && extractLocation(text) !== null;
  if (asksSomethingElse && !givesAddress) return null;
  if (awaiting !== "description" && (await isNewReport(deps, input, text, service))) {
    await closeIntake(db, intake, "abandoned", input.now);
    return null;
  }
  const answered = awaiting ? applyAnswer(awaiting, text, service, intake.draft, input.now) : intake.draft;
  const detailed = fillIdentifiers(intake.draft, service, text);
  if (!answered && detailed !== intake.draft) {
    // "It's lamp post RV-2214 by the way": kept, said so, and the pending question asked again.
    const noted = Object.entries(detailed.attributes)
      .filter(([code, value]) => intake.draft.attributes[code] !== value)
      .map(([, value]) => value)
      .join(", ");
    return askNext(db, intake, service, detailed, input, caseText(lang, "intake.noted", { value: noted }));
  }
  if (!answered && isNo(text)) {
    // "No" to a question that needs an answer: the citizen does not want to go on.
    await closeIntake(db, intake, "cancelled", input.now);
    return clarification(caseText(lang, "intake.cancelled"));
  }
  if (!answered) {
    const again = awaiting ? questionFor(awaiting, service, lang, input.now) : "";
    return failedAnswer(db, intake, input, `${caseText(lang, "intake.retry")} ${again}`.trim());
  }
  // A lamp-post number or other detail given along the way is kept.
  const draft = fillIdentifiers(answered, service, text);
  return askNext(db, intake, service, { ...draft, failedAnswers: 0 }, input);
}

/** A message that reports a different problem with confidence: it starts its own intake. */
async function isNewReport(
  deps: CaseTurnDeps,
  input: CaseTurnInput,
  text: string,
  current: IntakeService,
): Promise<boolean> {
  if (input.continueOnly || text.split(/\s+/).length < 4) return false;
  const verdict = await deps.classify(text, input.lang);
  return verdict.kind === "service" && verdict.code !== current.service.code;
}

/** What the citizen is reminded of when another message interrupts an intake. */
async function pausedIntake(
  db: Db,
  intake: IntakeRow,
  input: CaseTurnInput,
): Promise<{ intake: IntakeView; reminder: string }> {
  const lang = input.lang;
  if (intake.stage === "choosing_service") {
    const rows = await db.select().from(services).where(inArray(services.code, intake.candidates));
    const candidates = intake.candidates.flatMap((code) => rows.filter((row) => row.code === code));
    const names = candidates.map((c) => pickLanguage(c.names, lang)).join(" / ");
    return {
      intake: { service: "", name: names, awaiting: "service" },
      reminder: caseText(lang, "intake.paused", {
        service: names,
        question: clarifyQuestion(candidates, lang),
      }),
    };
  }
  const service = intake.serviceCode ? await loadIntakeService(db, intake.serviceCode) : undefined;
  const name = service ? pickLanguage(service.service.names, lang) : (intake.serviceCode ?? "");
  const awaiting = intake.awaiting ?? "confirm";
  const question =
    !service || awaiting === "confirm"
      ? caseText(lang, "intake.confirm_question")
      : questionFor(awaiting as Awaiting, service, lang, input.now);
  return {
    intake: { service: intake.serviceCode ?? "", name, awaiting },
    reminder: caseText(lang, "intake.paused", { service: name, question }),
  };
}

/** Asks for the next missing item, or for confirmation when nothing is missing. */
async function askNext(
  db: Db,
  intake: IntakeRow,
  service: IntakeService,
  draft: IntakeDraft,
  input: CaseTurnInput,
  intro?: string,
): Promise<CaseTurnResult> {
  const missing = nextMissing(service, draft);
  await db
    .update(caseIntakes)
    .set({
      stage: missing ? "collecting" : "confirming",
      awaiting: missing ?? "confirm",
      serviceCode: service.service.code,
      draft,
      updatedAt: input.now,
    })
    .where(eq(caseIntakes.id, intake.id));
  const question = missing
    ? questionFor(missing, service, input.lang, input.now)
    : confirmationText(service, draft, input.lang);
  return {
    ...clarification([intro, question].filter(Boolean).join(" ")),
    intake: {
      service: service.service.code,
      name: pickLanguage(service.service.names, input.lang),
      awaiting: missing ?? "confirm",
    },
  };
}

/** Repeats the question; after a few unreadable answers the intake steps aside and the assistant takes the message. */
async function failedAnswer(db: Db, intake: IntakeRow, input: CaseTurnInput, reply: string) {
  const failedAnswers = (intake.draft.failedAnswers ?? 0) + 1;
  if (failedAnswers >= MAX_FAILED_ANSWERS) {
    await closeIntake(db, intake, "abandoned", input.now);
    return null;
  }
  await db
    .update(caseIntakes)
    .set({ draft: { ...intake.draft, failedAnswers }, updatedAt: input.now })
    .where(eq(caseIntakes.id, intake.id));
  const waiting = await pausedIntake(db, intake, input);
  return { ...clarification(reply), intake: waiting.intake };
}

async function openFromIntake(
  ctx: CaseContext<{ kind: "citizen"; contactId: string }>,
  intake: IntakeRow,
  service: IntakeService,
  input: CaseTurnInput,
): Promise<CaseTurnResult | null> {
  const { draft } = intake;
  const caseInput = OpenCaseInput.parse({
    serviceCode: service.service.code,
    description: draft.description ?? draft.originalText ?? pickLanguage(service.service.names, input.lang),
    location: {
      ...(draft.address ? { address: draft.address } : {}),
      ...(draft.lat !== undefined ? { lat: draft.lat, long: draft.long } : {}),
    },
    attributes: draft.attributes,
    contactId: input.contactId,
    conversationId: input.conversationId,
    channel: input.channel,
    lang: input.lang,
  });
  const result = await ctx.database.db.transaction(async (tx) => {
    // The row lock makes a retried "yes" find the intake already closed instead of opening a second case.
    const [locked] = await tx
      .select()
      .from(caseIntakes)
      .where(and(eq(caseIntakes.id, intake.id), eq(caseIntakes.status, "active")))
      .for("update");
    if (!locked) return undefined;
    const opened = await openCaseWithin(tx, ctx, caseInput);
    await tx
      .update(caseIntakes)
      .set({ status: opened.outcome, caseId: opened.case.id, awaiting: null, updatedAt: input.now })
      .where(eq(caseIntakes.id, intake.id));
    return opened;
  });
  if (!result) return null;
  await scheduleSlaChange(ctx, result.slaChange, input.now);
  const lang = input.lang;
  const view = result.case;
  const serviceName = pickLanguage(service.service.names, lang);
  const summary = { reference: view.reference, status: view.status };
  if (result.outcome === "linked") {
    const reply = caseText(lang, "case.linked", {
      reference: view.reference,
      service: serviceName,
      status: caseText(lang, `status.${CaseStatus.parse(view.status)}`),
    });
    return { handled: true, status: "case_linked", reply, case: summary };
  }
  const reply = caseText(lang, "case.opened", { reference: view.reference, service: serviceName });
  return { handled: true, status: "case_opened", reply, case: summary };
}

async function closeIntake(db: Db, intake: IntakeRow, status: "cancelled" | "abandoned", now: Date) {
  await db
    .update(caseIntakes)
    .set({ status, awaiting: null, updatedAt: now })
    .where(eq(caseIntakes.id, intake.id));
}
