import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseIntakes } from "../../db/schema";
import { asksAboutOwnCase } from "./answer-case-status";
import { findReferenceInText } from "./case-reference";
import type { CaseTurnDeps, CaseTurnInput, RequestClassification } from "./handle-case-turn";

type Classify = (text: string, lang: string) => Promise<RequestClassification> | RequestClassification;

/** A classifier whose verdict on a message can be started early and picked up by the case step later. */
export interface AnticipatingClassifier {
  classify: (text: string, lang: string) => Promise<RequestClassification>;
  /**
   * Starts classifying `text` once `wanted` resolves true. The next `classify` of the same text and
   * language takes that verdict instead of asking again; nobody taking it within `ttlMs` drops it.
   */
  anticipate: (text: string, lang: string, wanted: Promise<boolean>) => void;
}

/**
 * Wraps a classifier that may ask a chat model (the routing judge), so the model can be asked while
 * the guardrails are still assessing the message rather than after them: one model round trip less
 * per turn. At most `maxPending` verdicts wait at a time; a verdict is only ever reused for the same
 * text and language, where the judge (temperature 0) would answer the same.
 */
export function anticipatingClassifier(
  classify: Classify,
  { maxPending = 256, ttlMs = 30_000 }: { maxPending?: number; ttlMs?: number } = {},
): AnticipatingClassifier {
  const pending = new Map<string, { verdict: Promise<RequestClassification | null>; startedAt: number }>();
  const keyOf = (text: string, lang: string) => `${lang}\u0000${text}`;
  const prune = (now: number) => {
    for (const [key, entry] of pending) if (now - entry.startedAt > ttlMs) pending.delete(key);
  };
  return {
    anticipate(text, lang, wanted) {
      const now = Date.now();
      prune(now);
      const key = keyOf(text, lang);
      if (pending.has(key) || pending.size >= maxPending) return;
      const verdict = wanted.then((yes) => (yes ? classify(text, lang) : null));
      // A failure is met again (and reported) by the classify call that takes it.
      verdict.catch(() => {});
      pending.set(key, { verdict, startedAt: now });
    },
    async classify(text, lang) {
      const key = keyOf(text, lang);
      const entry = pending.get(key);
      if (entry) {
        pending.delete(key);
        const verdict = await entry.verdict.catch(() => null);
        if (verdict) return verdict;
      }
      return classify(text, lang);
    },
  };
}

/**
 * Starts the routing verdict on a message that could open an intake, before the turn's safety
 * checks finish. Messages that cannot (a case reference, a question about one's own cases, an answer
 * to an intake in progress) start nothing, so no model call is spent on them.
 */
export function anticipateCaseTurn(
  deps: Pick<CaseTurnDeps, "database" | "logger" | "intakeTimeoutMinutes">,
  classifier: Pick<AnticipatingClassifier, "anticipate">,
  input: CaseTurnInput,
): void {
  const text = input.text.trim();
  if (!text || input.continueOnly || findReferenceInText(text) || asksAboutOwnCase(text)) return;
  const wanted = hasActiveIntake(
    deps.database.db,
    input.conversationId,
    input.now,
    deps.intakeTimeoutMinutes ?? 24 * 60,
  ).then(
    (active) => !active,
    (error: unknown) => {
      deps.logger?.warn("could not check for an intake in progress; routing when the turn asks", {
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    },
  );
  classifier.anticipate(text, input.lang, wanted);
}

/** Read-only twin of the case step's check: an intake still waiting for this conversation's answer. */
async function hasActiveIntake(db: Db, conversationId: string, now: Date, timeoutMinutes: number) {
  const rows = await db
    .select({ updatedAt: caseIntakes.updatedAt })
    .from(caseIntakes)
    .where(and(eq(caseIntakes.conversationId, conversationId), eq(caseIntakes.status, "active")))
    .limit(1);
  const intake = rows[0];
  return intake !== undefined && now.getTime() - intake.updatedAt.getTime() <= timeoutMinutes * 60_000;
}
