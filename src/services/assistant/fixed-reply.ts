import type { AssistantDeps } from "./assistant-deps";
import type { TurnStatus } from "./turn-status";

/** i18n keys of the fixed replies; each takes only the parameters filled in below. */
export type FixedReplyKey =
  | "reply.emergency"
  | "reply.crisis"
  | "reply.injection"
  | "reply.abuse"
  | "reply.handoff"
  | "reply.with_staff"
  | "reply.clarification"
  | "reply.greeting"
  | "reply.thanks"
  | "reply.no_answer"
  | "reply.out_of_scope"
  | "reply.opinion"
  | "reply.acknowledged"
  | "reply.error";

/** Every i18n key the assistant uses; `reply.other_language` takes `{language}`, `reply.pii_removed` none. */
export const ASSISTANT_TEXT_KEYS: readonly string[] = [
  "reply.other_language",
  "reply.pii_removed",
  "reply.emergency",
  "reply.crisis",
  "reply.injection",
  "reply.abuse",
  "reply.handoff",
  "reply.with_staff",
  "reply.clarification",
  "reply.greeting",
  "reply.thanks",
  "reply.no_answer",
  "reply.out_of_scope",
  "reply.opinion",
  "reply.acknowledged",
  "reply.error",
];

export interface FixedOutcome {
  status: TurnStatus;
  text: string;
}

/** The translated fixed reply for a key, with the city's numbers filled in where the text needs them. */
export function fixedReply(
  deps: AssistantDeps,
  lang: string,
  status: TurnStatus,
  key: FixedReplyKey,
): FixedOutcome {
  const params: Record<string, string> =
    key === "reply.emergency"
      ? { number: deps.settings.emergencyNumber }
      : key === "reply.crisis"
        ? { helpline: deps.settings.crisisHelpline, number: deps.settings.emergencyNumber }
        : {};
  return { status, text: deps.translate(lang, key, params) };
}
