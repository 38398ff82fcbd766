import { z } from "zod";

const CASE_STATUSES = ["new", "open", "in_progress", "waiting_for_citizen", "resolved", "closed"] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Statuses in which the city still owes the citizen work; duplicates join only these. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ["new", "open", "in_progress", "waiting_for_citizen"];

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["open", "in_progress", "waiting_for_citizen", "resolved", "closed"],
  open: ["in_progress", "waiting_for_citizen", "resolved", "closed"],
  in_progress: ["open", "waiting_for_citizen", "resolved", "closed"],
  waiting_for_citizen: ["open", "in_progress", "resolved", "closed"],
  resolved: ["open", "in_progress", "closed"],
  // Reopening a closed case is an admin decision (see changeCaseStatus).
  closed: ["open"],
};

export function canMoveTo(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}
