import { namesAbuse } from "./abuse-words";
import { namesHarm } from "./emergency-concepts";
import { HAZARD_HINT, RULES, type Rule, type RuleLabel, SUPPRESSORS } from "./guardrail-rules";
import { deobfuscate, foldText } from "./normalize-text";
import { type RedactedText, redactPii } from "./redact-pii";
import {
  decodeSafetyModel,
  MODEL_LABELS,
  type ModelLabel,
  type SafetyModel,
  scoreSafetyModel,
} from "./safety-model";
import { SAFETY_MODEL } from "./safety-model.generated";

export type GuardrailLabel = RuleLabel | "pii" | "unclear";

/** What the turn should do first; "ok" means carry on with the normal pipeline. */
export type GuardrailPrimary = GuardrailLabel | "ok";

export const GUARDRAIL_PRECEDENCE: readonly GuardrailLabel[] = [
  "emergency",
  "crisis",
  "injection",
  "abuse",
  "handoff",
  "pii",
  "unclear",
];

export interface GuardrailAssessment {
  labels: Set<GuardrailLabel>;
  primary: GuardrailPrimary;
  /**
   * Rule ids that fired (e.g. "emergency.fr.3"), for logs and tuning; "model.<label>" when the learned
   * classifier added one, "judge.<label>" when the chat model did.
   * After an emergency only personal data is still checked, so the reply is not held up.
   */
  matched: string[];
  /**
   * True for an emergency, and also when danger words appear (fire, blood, a knife, not breathing...) that the
   * rules could not place: the turn answers as usual but should add the emergency number.
   */
  possibleEmergency: boolean;
  /** The text with personal data replaced; the only copy that may reach a model, a log or the database. */
  redacted: RedactedText;
  decidedBy: "rules" | "rules+judge";
}

/** A second opinion from a chat model; it sees the redacted text and the rules' verdict. */
export interface GuardrailJudge {
  judge(input: {
    text: string;
    lang: string;
    labels: GuardrailLabel[];
  }): Promise<{ labels: GuardrailLabel[] }>;
}

export interface AssessInputOptions {
  lang: string;
  /** The learned second opinion; the shipped model by default, null for the rules alone. */
  model?: SafetyModel | null;
}

const UNCLEAR_WORDS = new Set([
  "?",
  "hm",
  "hmm",
  "eh",
  "uh",
  "um",
  "ah",
  "oh",
  "test",
  "asdf",
  "qwerty",
  "x",
  "a",
]);
// Short but meaningful replies are not "unclear": the intent step handles greetings and thanks.
const SHORT_OK = new Set([
  "hi",
  "hello",
  "hey",
  "yes",
  "no",
  "ok",
  "okay",
  "thanks",
  "bye",
  "salut",
  "bonjour",
  "merci",
  "oui",
  "non",
  "hallo",
  "danke",
  "ja",
  "nein",
  "hola",
  "gracias",
  "si",
  "buna",
  "mersi",
  "multumesc",
  "da",
  "nu",
  "szia",
  "koszonom",
  "igen",
  "nem",
  "sziasztok",
]);

// A sentence ends at . ! or ? followed by a space; dots inside dates, numbers and "1." ordinals do not count.
const SENTENCE_END = /[.!?](?=\s|$)(?<!\b\d{1,2}\.)/g;

function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/*
 * Which of the rules' literal anchors a text holds, found in one pass over the text: each anchor is
 * filed under its first three characters, so at each position of the text only the anchors starting
 * there are compared. A rule's anchors are then set lookups, where testing each of some 5,000 anchors
 * with String.includes cost more than all the rules' regular expressions together. Same answer as
 * includes: an anchor is in the text exactly when it starts at one of its positions.
 */
const PREFIX = 3;
const ANCHORS_BY_PREFIX = new Map<string, string[]>();
const SHORT_ANCHORS: string[] = [];
for (const rule of Object.values(RULES).flat()) {
  for (const anchors of [rule.anchors, ...(rule.requires ?? []).map((r) => r.anchors)]) {
    for (const anchor of anchors ?? []) {
      if (anchor.length < PREFIX) {
        if (!SHORT_ANCHORS.includes(anchor)) SHORT_ANCHORS.push(anchor);
        continue;
      }
      const key = anchor.slice(0, PREFIX);
      const filed = ANCHORS_BY_PREFIX.get(key);
      if (!filed) ANCHORS_BY_PREFIX.set(key, [anchor]);
      else if (!filed.includes(anchor)) filed.push(anchor);
    }
  }
}

export function anchorsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const anchor of SHORT_ANCHORS) if (text.includes(anchor)) found.add(anchor);
  for (let i = 0; i + PREFIX <= text.length; i++) {
    const filed = ANCHORS_BY_PREFIX.get(text.slice(i, i + PREFIX));
    if (filed) for (const anchor of filed) if (text.startsWith(anchor, i)) found.add(anchor);
  }
  return found;
}

function ruleMatches(rule: Rule, text: string, found: Set<string>): boolean {
  if (rule.anchors && !rule.anchors.some((a) => found.has(a))) return false;
  const present = (r: { pattern: RegExp; anchors: string[] | undefined }) =>
    (!r.anchors || r.anchors.some((a) => found.has(a))) && r.pattern.test(text);
  if (rule.requires && !rule.requires.every(present)) return false;
  const { veto, pattern } = rule;
  if (!veto) return pattern.test(text);
  for (const m of text.matchAll(pattern)) {
    if (!veto.test(sentenceAround(text, m.index, m.index + m[0].length))) return true;
  }
  return false;
}

function matchRules(label: RuleLabel, texts: string[]): string[] {
  // German is often typed with ae/oe/ue for the umlauts; German rules also see that spelling folded back.
  const german = texts.map((t) => t.replace(/(?<![ae])([aou])e/g, "$1"));
  const withAnchors = (t: string) => ({ text: t, found: anchorsIn(t) });
  const plain = texts.map(withAnchors);
  // A text with no "ae", "oe" or "ue" folds back to itself: German rules need not read it twice.
  const all = [...plain, ...german.filter((t, i) => t !== texts[i]).map(withAnchors)];
  const hits: string[] = [];
  for (const rule of RULES[label]) {
    const candidates = rule.lang === "de" ? all : plain;
    if (candidates.some(({ text, found }) => ruleMatches(rule, text, found))) hits.push(rule.id);
  }
  return hits;
}

function isUnclear(folded: string): boolean {
  // Three or more digits may be a reference or an article number worth searching for.
  if (/\d{3,}/.test(folded)) return false;
  const words = folded.match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return true;
  if (words.length === 1) {
    const word = words[0]!;
    if (SHORT_OK.has(word)) return false;
    // One short token, or a keyboard mash with no vowels, gives nothing to answer.
    return UNCLEAR_WORDS.has(word) || word.length <= 2 || (word.length >= 4 && !/[aeiouy]/.test(word));
  }
  return false;
}

function isPastEvent(folded: string): boolean {
  return SUPPRESSORS.pastEvent.test(folded) && !SUPPRESSORS.stillUrgent.test(folded);
}

function assessWithRules(text: string): GuardrailAssessment {
  const redacted = redactPii(text);
  const folded = foldText(text);
  const labels = new Set<GuardrailLabel>();
  const matched: string[] = [];
  const record = (label: GuardrailLabel, ids: string[]) => {
    if (ids.length === 0) return;
    labels.add(label);
    matched.push(...ids);
  };

  const forEmergency = folded.replace(SUPPRESSORS.notEmergency, " ");
  const emergencyHits = matchRules("emergency", [forEmergency]);
  // "My bin caught fire last week" is a service request, not a call for help.
  const over = isPastEvent(folded);
  if (!over) record("emergency", emergencyHits);
  const possibleEmergency = labels.has("emergency") || (!over && HAZARD_HINT.test(forEmergency));
  const finish = () => {
    if (redacted.found.length > 0) {
      labels.add("pii");
      matched.push(...new Set(redacted.found.map((f) => `pii.${f.scheme ?? f.type}`)));
    }
    return {
      labels,
      primary: pickPrimary(labels),
      matched,
      possibleEmergency,
      redacted,
      decidedBy: "rules" as const,
    };
  };
  // Nothing outranks an emergency, and the reply must not wait for the other rule sets.
  if (labels.has("emergency")) return finish();

  record("crisis", matchRules("crisis", [folded.replace(SUPPRESSORS.notCrisis, " ")]));
  const forInjection = folded.replace(SUPPRESSORS.notInjection, " ");
  record("injection", matchRules("injection", [forInjection, ...deobfuscate(text, forInjection)]));
  record("abuse", matchRules("abuse", [folded]));
  record("handoff", matchRules("handoff", [folded]));
  if (labels.size === 0 && redacted.found.length === 0 && isUnclear(folded)) labels.add("unclear");
  return finish();
}

function pickPrimary(labels: Set<GuardrailLabel>): GuardrailPrimary {
  return GUARDRAIL_PRECEDENCE.find((l) => labels.has(l)) ?? "ok";
}

const RULE_SAFETY_LABELS: readonly GuardrailLabel[] = [
  "emergency",
  "crisis",
  "injection",
  "abuse",
  "handoff",
];

/**
 * The model's labels that may join a rules assessment: only when no rule placed the text (ok, unclear or
 * personal data alone), each above its threshold, and never an emergency the rules read as already over.
 */
export function selectModelLabels(
  text: string,
  base: GuardrailAssessment,
  scores: ArrayLike<number>,
  thresholds: ArrayLike<number>,
): ModelLabel[] {
  if (RULE_SAFETY_LABELS.some((l) => base.labels.has(l))) return [];
  const over = isPastEvent(foldText(text));
  return MODEL_LABELS.filter((label, l) => scores[l]! >= thresholds[l]! && !(label === "emergency" && over));
}

// Words that carry no concern on their own: replies, politeness and the pronouns around them, in every language.
const REPLY_WORDS = new Set([
  ...SHORT_OK,
  ...[
    "nope",
    "nah",
    "yep",
    "yeah",
    "yup",
    "sure",
    "fine",
    "right",
    "correct",
    "good",
    "great",
    "thank",
    "thanks",
  ],
  ...[
    "please",
    "sorry",
    "you",
    "not",
    "really",
    "all",
    "that",
    "thats",
    "its",
    "okey",
    "nee",
    "nie",
    "ouais",
  ],
  ...["bien", "vous", "plait", "daccord", "bitte", "schon", "genau", "gut", "vale", "claro", "por", "favor"],
  ...["bine", "sigur", "rog", "multumesc", "mersi", "kerem", "koszi", "rendben", "persze", "oke", "jo"],
]);
/** Words a concern could be read from; an emergency or a crisis needs more of them than a short reply has. */
const MODEL_MIN_WORDS = 2;
const MODEL_MIN_WORDS_FOR_DANGER = 3;

function countContentWords(text: string): number {
  const words = foldText(text).match(/\p{L}+/gu) ?? [];
  return words.filter((w) => w.length >= 3 && !REPLY_WORDS.has(w)).length;
}

function explainedAsHarmless(text: string): boolean {
  const folded = foldText(text);
  SUPPRESSORS.notEmergency.lastIndex = 0;
  const found = SUPPRESSORS.notEmergency.test(folded);
  SUPPRESSORS.notEmergency.lastIndex = 0;
  return found;
}

function addModelOpinion(
  text: string,
  base: GuardrailAssessment,
  model: SafetyModel,
  lang: string,
): GuardrailAssessment {
  if (RULE_SAFETY_LABELS.some((l) => base.labels.has(l))) return base;
  // "no", "I'm fine" or "y" cannot carry a risk concept: the learned model's margins on them are noise.
  const words = countContentWords(base.redacted.text);
  if (words < MODEL_MIN_WORDS) return base;
  const added = selectModelLabels(text, base, scoreSafetyModel(model, base.redacted.text), model.thresholds)
    .filter((l) => words >= MODEL_MIN_WORDS_FOR_DANGER || (l !== "emergency" && l !== "crisis"))
    // An emergency is a harm happening: a message that names none is not one, however it scores.
    .filter((l) => l !== "emergency" || namesHarm(foldText(base.redacted.text), lang))
    // Nor is one that the rules read as harmless fire or smoke ("fait brûler des feuilles", "bonfire smoke"):
    // the model sees those words and not what they mean there.
    .filter((l) => l !== "emergency" || !explainedAsHarmless(base.redacted.text))
    // Abuse is an insult, a swear word or a threat: "inspecteur du travail" is none of them.
    .filter((l) => l !== "abuse" || namesAbuse(foldText(base.redacted.text), lang));
  if (added.length === 0) return base;
  const labels = new Set(base.labels);
  labels.delete("unclear");
  for (const l of added) labels.add(l);
  return {
    ...base,
    labels,
    primary: pickPrimary(labels),
    matched: [...base.matched, ...added.map((l) => `model.${l}`)],
    possibleEmergency: base.possibleEmergency || labels.has("emergency"),
  };
}

let shippedModel: SafetyModel | undefined;

function loadShippedModel(): SafetyModel {
  shippedModel ??= decodeSafetyModel(SAFETY_MODEL);
  return shippedModel;
}

/** Asks the judge about an assessment already made, adding the labels it finds (see assessInput). */
export async function consultJudge(
  base: GuardrailAssessment,
  judge: GuardrailJudge,
  lang: string,
): Promise<GuardrailAssessment> {
  try {
    const verdict = await judge.judge({ text: base.redacted.text, lang, labels: [...base.labels] });
    const labels = new Set(base.labels);
    // The model may add concerns the rules missed or clear "unclear"; it never clears a rule's safety label.
    if (!verdict.labels.includes("unclear")) labels.delete("unclear");
    const added = verdict.labels.filter((l) => l !== "pii" && l !== "unclear" && !labels.has(l));
    for (const l of added) labels.add(l);
    return {
      ...base,
      labels,
      primary: pickPrimary(labels),
      possibleEmergency: base.possibleEmergency || labels.has("emergency"),
      matched: added.length ? [...base.matched, ...added.map((l) => `judge.${l}`)] : base.matched,
      decidedBy: "rules+judge",
    };
  } catch {
    return base;
  }
}

/**
 * Checks one inbound message for emergencies, crises, prompt injection, abuse, requests for a person,
 * personal data and unclear input. Deterministic rules decide first; where they find nothing, the learned
 * classifier may add a label it is confident about; with a judge, the chat model can add labels too.
 */
export function assessInput(text: string, options: AssessInputOptions): GuardrailAssessment;
export function assessInput(
  text: string,
  options: AssessInputOptions & { judge: GuardrailJudge },
): Promise<GuardrailAssessment>;
export function assessInput(
  text: string,
  options: AssessInputOptions & { judge?: GuardrailJudge },
): GuardrailAssessment | Promise<GuardrailAssessment> {
  const rules = assessWithRules(text);
  const model = options.model === undefined ? loadShippedModel() : options.model;
  const base = model ? addModelOpinion(text, rules, model, options.lang) : rules;
  return options.judge ? consultJudge(base, options.judge, options.lang) : base;
}
