/** Lower case, no accents, "ß" as "ss", punctuation as spaces: how short answers are compared. */
export function foldAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Whole short answers only: "no" inside a longer sentence is not a refusal.
const YES = new Set(
  [
    "yes",
    "y",
    "yeah",
    "yep",
    "yup",
    "ok",
    "okay",
    "sure",
    "correct",
    "confirm",
    "yes please",
    "please do",
    "go ahead",
    "that s right",
    "right",
    "oui",
    "ouais",
    "d accord",
    "confirme",
    "confirmer",
    "c est bon",
    "vas y",
    "allez y",
    "da",
    "sigur",
    "confirm",
    "confirma",
    "e bine",
    "in regula",
    "da te rog",
    "ja",
    "genau",
    "jawohl",
    "si",
    "vale",
    "claro",
    "de acuerdo",
    "igen",
  ].map(foldAnswer),
);
const NO = new Set(
  ["no", "n", "nope", "not now", "no thanks", "non", "non merci", "nu", "nu multumesc", "nein", "nem"].map(
    foldAnswer,
  ),
);
const CANCEL = new Set(
  [
    "cancel",
    "stop",
    "forget it",
    "never mind",
    "nevermind",
    "abort",
    "quit",
    "cancel it",
    "cancel the report",
    "annuler",
    "annule",
    "laisse tomber",
    "oublie",
    "arrete",
    "anuleaza",
    "renunt",
    "las o balta",
    "opreste",
    "abbrechen",
    "vergiss es",
    "cancelar",
    "olvidalo",
    "megse",
  ].map(foldAnswer),
);

export const isYes = (text: string) =>
  YES.has(foldAnswer(text).replace(/ (please|merci|thanks|thank you)$/, ""));
export const isNo = (text: string) => NO.has(foldAnswer(text));
/**
 * Words that call the report off wherever they stand in the first words of a message ("actually never
 * mind, cancel that", "non laissez tomber, annulez s'il vous plaît", "anulați vă rog, a venit mașina"),
 * folded; "stop" is not among them, since over SMS it means an opt-out.
 */
const CANCEL_WORDS = [
  "cancel",
  "never mind",
  "nevermind",
  "forget it",
  "forget about it",
  "annuler",
  "annulez",
  "annule",
  "laisse tomber",
  "laissez tomber",
  "oubliez",
  "anuleaza",
  "anulati",
  "anuleaza o",
  "renunt",
  "renuntati",
  "las o balta",
  "lasati",
  "abbrechen",
  "stornieren",
  "vergiss es",
  "vergessen sie es",
  "cancelar",
  "cancela",
  "cancele",
  "olvidalo",
  "olvidelo",
  "no importa",
  "megse",
];
const NEGATIONS = new Set(["don t", "dont", "do not", "not", "nu", "nicht", "ne"]);
/** How far into a message a cancel word still calls off the report. */
const CANCEL_REACH = 6;

export const isCancel = (text: string) => {
  const folded = foldAnswer(text);
  if (CANCEL.has(folded)) return true;
  const words = folded.split(" ");
  for (let at = 0; at < Math.min(CANCEL_REACH, words.length); at++) {
    const rest = ` ${words.slice(at).join(" ")} `;
    const phrase = CANCEL_WORDS.find((w) => rest.startsWith(` ${w} `));
    if (!phrase) continue;
    // "please don't cancel it", "ne l'annulez pas", "nu anulați": kept.
    const before = words.slice(Math.max(0, at - 2), at).join(" ");
    const after = words.slice(at + phrase.split(" ").length, at + phrase.split(" ").length + 2);
    if ([...NEGATIONS].some((n) => ` ${before} `.includes(` ${n} `)) || after.includes("pas")) return false;
    return true;
  }
  return false;
};

export interface Choice {
  key: string;
  /** The option's names in every language, and its key. */
  labels: string[];
}

/**
 * Reads a choice from a list: by number ("2", "1, 3"), by the option's name in any language, or by
 * most of its words ("on in the day" for "On during the day"). Null when nothing clear matches.
 * Words are compared as written first; only when that reads nothing are they compared by their
 * forms, so "eine Ratte" names "Ratten", "un ratón" names "Ratones", "dañado" names "dañados" and
 * "tagsueber" names "tagsüber".
 */
export function parseChoice(text: string, choices: Choice[], multiple: boolean): string[] | null {
  const folded = foldAnswer(text);
  if (!folded) return null;
  if (/^\d+( \d+)*$/.test(folded) || /^\d+((\s*(,|and|et|si|und|y)\s*)\d+)*$/.test(folded)) {
    const numbers = [...new Set(folded.match(/\d+/g)!.map(Number))];
    if (numbers.some((n) => n < 1 || n > choices.length)) return null;
    if (!multiple && numbers.length !== 1) return null;
    return numbers.map((n) => choices[n - 1]!.key);
  }
  return readChoice(folded, choices, multiple, asWritten) ?? readChoice(folded, choices, multiple, wordForms);
}

type Forms = (word: string) => string[];
const asWritten: Forms = (word) => [word];

// Endings that inflect a word without changing what it names: plurals (-s, -es, -n, -en), a German
// -e, and the Spanish (and Romanian) -a/-o of gender ("apagada", "apagado").
const ENDINGS = ["es", "en", "s", "n", "e", "a", "o"];
/** How long a word must stay once an ending is taken off, so that short words keep their meaning. */
const MIN_STEM = 4;

/**
 * The word and its forms without one inflecting ending, with German umlauts written out ("ue" for
 * "ü") read as the plain vowel. Two words name the same thing when their forms share one: "ratones"
 * and "raton" share "raton", "ratten" and "ratte" share "ratte".
 */
const wordForms: Forms = (word) => {
  const plain = word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  const forms = new Set([word, plain]);
  for (const ending of ENDINGS)
    if (plain.endsWith(ending) && plain.length - ending.length >= MIN_STEM)
      forms.add(plain.slice(0, -ending.length));
  return [...forms];
};

function readChoice(folded: string, choices: Choice[], multiple: boolean, forms: Forms): string[] | null {
  const said = new Set(folded.split(" ").flatMap(forms));
  const scored = choices
    .map((choice) => ({
      key: choice.key,
      score: Math.max(...choice.labels.map((label) => overlap(label, folded, said, forms))),
    }))
    .filter((c) => c.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return multiple ? null : choiceNamedByOwnWord(choices, folded, forms);
  if (multiple) {
    const keys = scored.filter((c) => c.score >= 0.75).map((c) => c.key);
    return keys.length > 0 ? keys : null;
  }
  if (scored.length > 1 && scored[1]!.score === scored[0]!.score) return null;
  return [scored[0]!.key];
}

/**
 * "il clignote" for "Clignote ou s'allume et s'éteint": a longer word of the answer that only one
 * option's labels hold names that option, though it is a small part of a long label.
 */
function choiceNamedByOwnWord(choices: Choice[], folded: string, forms: Forms): string[] | null {
  const owners = new Map<string, Set<string>>();
  for (const choice of choices)
    for (const label of choice.labels)
      for (const w of foldAnswer(label.replace(/_/g, " ")).split(" "))
        if (w.length >= 5)
          for (const f of forms(w)) owners.set(f, (owners.get(f) ?? new Set()).add(choice.key));
  const named = new Set<string>();
  for (const w of folded.split(" ")) {
    const keys = new Set(forms(w).flatMap((f) => [...(owners.get(f) ?? [])]));
    if (keys.size === 1) named.add([...keys][0]!);
  }
  return named.size === 1 ? [...named] : null;
}

/** 1 for an exact answer, otherwise the share of the label's longer words found in the answer. */
function overlap(label: string, folded: string, said: Set<string>, forms: Forms): number {
  const foldedLabel = foldAnswer(label.replace(/_/g, " "));
  if (foldedLabel === folded) return 1;
  const labelWords = foldedLabel.split(" ").filter((w) => w.length > 2 || /\d/.test(w));
  if (labelWords.length === 0) return 0;
  return labelWords.filter((w) => forms(w).some((f) => said.has(f))).length / labelWords.length;
}

export function parseNumber(text: string): number | null {
  const m = /-?\d+(?:[.,]\d+)?/.exec(text);
  return m ? Number(m[0].replace(",", ".")) : null;
}

const TODAY = new Set(["today", "aujourd hui", "azi", "astazi", "heute", "hoy", "ma"]);
const YESTERDAY = new Set(["yesterday", "hier", "ieri", "gestern", "ayer", "tegnap"]);

/** A calendar date as YYYY-MM-DD: ISO, day/month/year, "today" or "yesterday" in the supported languages. */
export function parseDate(text: string, now: Date): string | null {
  const folded = foldAnswer(text);
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  if (TODAY.has(folded)) return day(0);
  if (YESTERDAY.has(folded)) return day(1);
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  const dmy = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}
