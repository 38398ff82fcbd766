/** Shapes shared by the rule tables, the concept lexicons and the assessor; no rules live here. */

export type RuleLabel = "emergency" | "crisis" | "injection" | "abuse" | "handoff";

export interface Rule {
  id: string;
  lang: string;
  pattern: RegExp;
  /** At least one of these occurs in any text the pattern matches; checked first so most rules never run. */
  anchors: string[] | undefined;
  /** Concept rules: each concept must occur somewhere (literal anchors first) before the joint pattern runs. */
  requires?: { pattern: RegExp; anchors: string[] | undefined }[];
  /** Concept rules: a match does not count when its sentence contains this ("first aid course", "lamp"). */
  veto?: RegExp;
}

/** A rule written as concepts that must meet in one sentence, with words that cancel it in that sentence. */
export interface ConceptRule {
  source: string;
  requires: string[];
  veto?: string;
}

export interface EmergencyConcepts {
  person: string;
  unresponsive: string;
  /** A child as the subject ("my son", "a little girl"), so "kid horse" or "child seat" do not count. */
  child: string;
  /** After the verb ("missing ... my son") only a possessed child counts; defaults to `child`. */
  childAfter?: string;
  missing: string;
  notChild: string;
  fire: string;
  fireNow: string;
  fall: string;
  noResponse: string;
  weapon: string;
  fight: string;
}

/** One language's phrase rules per label, and the words its emergency concept rules are built from. */
export interface LanguageRules {
  emergency: string[];
  emergencyConcepts: EmergencyConcepts;
  crisis: string[];
  injection: string[];
  abuse: string[];
  handoff: string[];
}
