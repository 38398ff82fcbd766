import { and, eq, inArray } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { caseIntakes, type IntakeDraft, services } from "../../db/schema";
import { caseText } from "../../i18n/cases";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import { scheduleSlaChange } from "../sla/refresh-case-sla";
import { answerCaseStatus, answerOwnCases, asksAboutOwnCase } from "./answer-case-status";
import { findReferenceInText } from "./case-reference";
import { CaseStatus } from "./case-status";
import { pickLanguage } from "./case-view";
import type { CaseContext, CaseSettings } from "./context";
import { isCancel, isNo, isYes } from "./intake-answers";
import {
  type Awaiting,
  applyAnswer,
  clarifyQuestion,
  confirmationText,
  draftFromReport,
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

export type CaseTurnResult =
  | { handled: false }
  | {
      handled: true;
      status: "clarification" | "case_opened" | "case_linked" | "case_status";
      reply: string;
      case?: { reference: string; status: string };
    };

type IntakeRow = typeof caseIntakes.$inferSelect;

const MAX_FAILED_ANSWERS = 2;
const clarification = (reply: string): CaseTurnResult => ({ handled: true, status: "clarification", reply });

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
  if (intake) {
    const result = await continueIntake(ctx, intake, input, text);
    if (result) return result;
  }

  if (input.continueOnly) return { handled: false };
  if (asksAboutOwnCase(text)) {
    const answer = await answerOwnCases(db, input.contactId, input.lang);
    return { handled: true, status: "case_status", ...answer };
  }
  return startIntake(deps, input, text);
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
  const verdict = await deps.classify(text, input.lang);
  if (verdict.kind === "none") return { handled: false };

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
    return clarification(clarifyQuestion(candidates, input.lang));
  }

  const service = await loadIntakeService(db, verdict.code);
  if (!service) return { handled: false };
  const draft = draftFromReport(text, service, input.lang);
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

/** Null when the message turned out not to be an answer, so the turn goes on as a fresh message. */
async function continueIntake(
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

  if (intake.stage === "choosing_service") {
    const candidates = await db.select().from(services).where(inArray(services.code, intake.candidates));
    const code = pickService(text, candidates);
    const service = code ? await loadIntakeService(db, code) : undefined;
    if (!service) {
      await closeIntake(db, intake, "abandoned", input.now);
      return null;
    }
    const draft = draftFromReport(intake.draft.originalText ?? text, service, lang);
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
    return failedAnswer(db, intake, input, caseText(lang, "intake.confirm_retry"));
  }

  const awaiting = (intake.awaiting ?? nextMissing(service, intake.draft)) as Awaiting | null;
  const draft = awaiting ? applyAnswer(awaiting, text, service, intake.draft, input.now) : intake.draft;
  if (!draft) {
    const again = awaiting ? questionFor(awaiting, service, lang, input.now) : "";
    return failedAnswer(db, intake, input, `${caseText(lang, "intake.retry")} ${again}`.trim());
  }
  return askNext(db, intake, service, { ...draft, failedAnswers: 0 }, input);
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
  return clarification([intro, question].filter(Boolean).join(" "));
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
  return clarification(reply);
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
