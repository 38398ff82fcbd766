import { z } from "zod";

/**
 * How a turn ended: one closed set, used in stored replies, metrics and evals. Every status except
 * `answered` and the case outcomes comes with a fixed, translated reply.
 */
export const TurnStatus = z.enum([
  "answered",
  "clarification",
  "no_answer",
  "handoff",
  /** A person holds the conversation: nothing is said to the citizen. */
  "held",
  "case_opened",
  "case_linked",
  "case_status",
  "blocked_emergency",
  "blocked_crisis",
  "blocked_injection",
  "blocked_abuse",
  "privacy_request",
  "error",
]);
export type TurnStatus = z.infer<typeof TurnStatus>;
