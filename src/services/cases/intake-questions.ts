import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type IntakeDraft, serviceAttributes, services } from "../../db/schema";
import { caseText } from "../../i18n/cases";
import { pickLanguage } from "./case-view";
import { extractLocation } from "./extract-location";
import { type Choice, foldAnswer, parseChoice, parseDate, parseNumber } from "./intake-answers";

type ServiceRow = typeof services.$inferSelect;
type AttributeRow = typeof serviceAttributes.$inferSelect;

export interface IntakeService {
  service: ServiceRow;
  /** Attributes the citizen answers (Open311 variable), in the catalogue's order. */
  attributes: AttributeRow[];
}

/** What the intake asked last, so the next message is read as the answer to it. */
export type Awaiting = "location" | "description" | `attribute:${string}`;

export async function loadIntakeService(db: Db, code: string): Promise<IntakeService | undefined> {
  const [service] = await db.select().from(services).where(eq(services.code, code));
  if (!service?.active) return undefined;
  const attributes = await db
    .select()
    .from(serviceAttributes)
    .where(eq(serviceAttributes.serviceCode, code))
    .orderBy(asc(serviceAttributes.order));
  return { service, attributes: attributes.filter((a) => a.variable) };
}

/** Only what the case cannot do without: the location when the service needs one, a description, required attributes. */
export function nextMissing({ service, attributes }: IntakeService, draft: IntakeDraft): Awaiting | null {
  if (service.locationRequired && !draft.address && draft.lat === undefined) return "location";
  if (!draft.description) return "description";
  const missing = attributes.find((a) => a.required && !hasValue(draft.attributes[a.code]));
  return missing ? `attribute:${missing.code}` : null;
}

const hasValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : Boolean(v?.trim()));

export function questionFor(
  awaiting: Awaiting,
  { attributes }: IntakeService,
  lang: string,
  now: Date,
): string {
  if (awaiting === "location") return caseText(lang, "intake.ask_location");
  if (awaiting === "description") return caseText(lang, "intake.ask_description");
  const attribute = attributes.find((a) => `attribute:${a.code}` === awaiting);
  if (!attribute) return caseText(lang, "intake.ask_description");
  const question = pickLanguage(attribute.descriptions, lang);
  switch (attribute.datatype) {
    case "singlevaluelist":
    case "multivaluelist": {
      const options = attribute.values.map((v, i) => `${i + 1}. ${pickLanguage(v.names, lang)}`).join("\n");
      const hint = caseText(
        lang,
        attribute.datatype === "singlevaluelist" ? "intake.choose_one" : "intake.choose_many",
      );
      return `${question}\n${options}\n${hint}`;
    }
    case "number":
      return `${question} ${caseText(lang, "intake.ask_number")}`;
    case "datetime":
      return `${question} ${caseText(lang, "intake.ask_date", { example: now.toISOString().slice(0, 10) })}`;
    default:
      return question;
  }
}

const choicesOf = (attribute: AttributeRow): Choice[] =>
  attribute.values.map((v) => ({ key: v.key, labels: [v.key, ...Object.values(v.names)] }));

/** The draft with the answer to `awaiting` filled in, or null when the answer cannot be read. */
export function applyAnswer(
  awaiting: Awaiting,
  text: string,
  intake: IntakeService,
  draft: IntakeDraft,
  now: Date,
): IntakeDraft | null {
  const answer = text.trim();
  if (awaiting === "location") {
    const found = extractLocation(answer);
    if (found?.kind === "coordinates") return { ...draft, lat: found.lat, long: found.long };
    if (found) return { ...draft, address: found.address };
    // A place name ("the library car park") is kept as the citizen wrote it.
    return foldAnswer(answer).length >= 3 ? { ...draft, address: answer.slice(0, 300) } : null;
  }
  if (awaiting === "description") {
    return foldAnswer(answer).length >= 3 ? { ...draft, description: answer.slice(0, 4000) } : null;
  }
  const attribute = intake.attributes.find((a) => `attribute:${a.code}` === awaiting);
  if (!attribute) return draft;
  const value = readAttributeValue(attribute, answer, now);
  return value === null ? null : { ...draft, attributes: { ...draft.attributes, [attribute.code]: value } };
}

function readAttributeValue(attribute: AttributeRow, answer: string, now: Date): string | string[] | null {
  switch (attribute.datatype) {
    case "singlevaluelist":
      return parseChoice(answer, choicesOf(attribute), false)?.[0] ?? null;
    case "multivaluelist":
      return parseChoice(answer, choicesOf(attribute), true);
    case "number": {
      const n = parseNumber(answer);
      return n === null ? null : String(n);
    }
    case "datetime":
      return parseDate(answer, now);
    default:
      return foldAnswer(answer).length > 0 ? answer.slice(0, 1000) : null;
  }
}

// Words too common to tell one list option from another.
const COMMON_WORDS = new Set(
  [
    "with",
    "from",
    "your",
    "have",
    "been",
    "that",
    "this",
    "they",
    "something",
    "else",
    "other",
    "autre",
    "altul",
    "altceva",
    // German and Spanish words that join an option's name or only soften it ("ganz", "etwa").
    "oder",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "meine",
    "meinem",
    "meiner",
    "nicht",
    "kein",
    "keine",
    "obwohl",
    "sein",
    "sollte",
    "etwa",
    "ganz",
    "etwas",
    "andere",
    "anderes",
    "anderer",
    "sonstiges",
    "otro",
    "otra",
    "otros",
    "otras",
    "cosa",
    "para",
    "cuando",
    "deberia",
    "estar",
    "esta",
    "solo",
    "hasta",
    "junto",
    "cualquier",
  ].map(foldAnswer),
);

/**
 * What the citizen's first message already says: the message itself as the description when it is
 * more than a few words, a street address or coordinates, and a list answer named by words that
 * belong to one option only ("flickering", "blue bin", "a dead fox", "in the cycle lane"). Words of
 * the address are not read as answers: "Station Road" does not say "On the road".
 */
export function draftFromReport(text: string, intake: IntakeService, lang: string): IntakeDraft {
  const draft: IntakeDraft = { attributes: {} };
  if (text.trim().split(/\s+/).length >= 4) draft.description = text.trim().slice(0, 4000);
  const location = extractLocation(text);
  if (location?.kind === "coordinates") Object.assign(draft, { lat: location.lat, long: location.long });
  else if (location) draft.address = location.address;
  const words = affirmedWords(location?.kind === "address" ? text.replace(location.address, " ") : text);
  for (const attribute of intake.attributes) {
    if (attribute.datatype !== "singlevaluelist") continue;
    const key = optionNamedIn(attribute, words, lang);
    if (key) draft.attributes[attribute.code] = key;
  }
  return draft;
}

const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "doesn",
  "isn",
  "won",
  "ne",
  "pas",
  "jamais",
  "nu",
  "nicht",
  "kein",
  "keine",
]);

/** The message's words, minus any within three words after a negation ("ne s'allume plus" is not "s'allume"). */
function affirmedWords(text: string): Set<string> {
  const tokens = foldAnswer(text).split(" ");
  return new Set(tokens.filter((_, i) => !tokens.slice(Math.max(0, i - 3), i).some((t) => NEGATIONS.has(t))));
}

function optionNamedIn(attribute: AttributeRow, words: Set<string>, lang: string): string | undefined {
  const wordsByOption = attribute.values.map((v) => {
    const labels = [v.names[lang], v.names.en].filter((l): l is string => Boolean(l));
    return new Set(labels.flatMap((l) => foldAnswer(l).split(" ")).filter(tellsOptionsApart));
  });
  // The question's own words name no option: "a dead animal" does not answer "What kind of animal?" with
  // "Deer or other large animal".
  const asked = new Set(
    Object.values(attribute.descriptions as Record<string, string>).flatMap((d) => foldAnswer(d).split(" ")),
  );
  for (const set of wordsByOption) for (const w of asked) set.delete(w);
  const counts = new Map<string, number>();
  for (const set of wordsByOption) for (const w of set) counts.set(w, (counts.get(w) ?? 0) + 1);
  // "cats", "foxes" name the option "Cat", "Fox or badger".
  const said = (w: string) => words.has(w) || words.has(`${w}s`) || words.has(`${w}es`);
  const named = attribute.values
    .map((v, i) => ({
      key: v.key,
      hits: [...wordsByOption[i]!].filter((w) => counts.get(w) === 1 && said(w)).length,
    }))
    .filter((o) => o.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  // One option named, or one named by more of its own words than any other.
  if (named.length === 0 || (named.length > 1 && named[1]!.hits === named[0]!.hits)) return undefined;
  return named[0]!.key;
}

/** Short words count when they carry meaning ("cat", "fox", "car"), not when they only join others. */
function tellsOptionsApart(word: string): boolean {
  if (COMMON_WORDS.has(word)) return false;
  return word.length >= 4 || (word.length === 3 && !SHORT_FUNCTION_WORDS.has(word));
}

const SHORT_FUNCTION_WORDS = new Set([
  ...[
    "the",
    "and",
    "for",
    "are",
    "was",
    "but",
    "has",
    "had",
    "its",
    "our",
    "out",
    "off",
    "any",
    "all",
    "not",
  ],
  ...[
    "one",
    "two",
    "per",
    "via",
    "yes",
    "les",
    "des",
    "une",
    "est",
    "par",
    "sur",
    "oui",
    "non",
    "din",
    "sau",
  ],
  ...[
    "cea",
    "unu",
    "doi",
    "und",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "ein",
    "mit",
    "von",
    "auf",
    "aus",
    "del",
  ],
  ...["los", "las", "por", "con", "una", "uno", "egy", "meg", "nem"],
  ...["als", "bis", "fur", "ich", "ist", "sie", "uhr", "wie", "weg", "nur", "que", "hay", "sin", "mas"],
  // Time and size words say when or how much, not which: "out for days" is not "On during the day".
  ...["day", "new", "old", "big", "top", "end", "way", "own", "jour", "zi", "tag", "dia"],
]);

/**
 * Identifiers written like the example in an optional text attribute's question ("Number on the lamp
 * post, if you can see it (for example RV-2214)"): "it's RV 2231 outside the school" fills it.
 */
export function fillIdentifiers(draft: IntakeDraft, intake: IntakeService, text: string): IntakeDraft {
  let attributes = draft.attributes;
  for (const attribute of intake.attributes) {
    if (attribute.datatype !== "string" || hasValue(attributes[attribute.code])) continue;
    const shape = identifierShape(Object.values(attribute.descriptions).join(" "));
    const found = shape ? shape.exec(text) : null;
    if (found) attributes = { ...attributes, [attribute.code]: found[0].toUpperCase().replace(/\s+/, "-") };
  }
  return attributes === draft.attributes ? draft : { ...draft, attributes };
}

/** A pattern for codes shaped like the example in a question: letters, an optional separator, digits. */
function identifierShape(question: string): RegExp | null {
  const example = /\b([A-Z]{1,4})[-/ ]?(\d{2,8})\b/.exec(question);
  if (!example) return null;
  const letters = example[1]!.length;
  const digits = example[2]!.length;
  const number = `\\d{${Math.max(2, digits - 1)},${digits + 1}}`;
  // Written in capitals or with a separator, so "no 1042" or "at 2214" is not taken for a code.
  return new RegExp(`\\b(?:[A-Z]{${letters}}[-/ ]?|[A-Za-z]{${letters}}[-/])${number}\\b`);
}

export function confirmationText(
  { service, attributes }: IntakeService,
  draft: IntakeDraft,
  lang: string,
): string {
  const lines = [
    caseText(lang, "intake.confirm_intro"),
    `• ${caseText(lang, "intake.confirm_service")}: ${pickLanguage(service.names, lang)}`,
  ];
  const where = draft.address ?? (draft.lat !== undefined ? `${draft.lat}, ${draft.long}` : undefined);
  if (where) lines.push(`• ${caseText(lang, "intake.confirm_location")}: ${where}`);
  if (draft.description)
    lines.push(`• ${caseText(lang, "intake.confirm_description")}: ${draft.description}`);
  for (const attribute of attributes) {
    const value = draft.attributes[attribute.code];
    if (!hasValue(value)) continue;
    const shown = (Array.isArray(value) ? value : [value!])
      .map((key) => {
        const option = attribute.values.find((v) => v.key === key);
        return option ? pickLanguage(option.names, lang) : key;
      })
      .join(", ");
    const label = pickLanguage(attribute.descriptions, lang);
    lines.push(`• ${label}${label.endsWith("?") ? "" : ":"} ${shown}`);
  }
  lines.push(caseText(lang, "intake.confirm_question"));
  return lines.join("\n");
}

export function clarifyQuestion(candidates: ServiceRow[], lang: string): string {
  const options = candidates.map((s, i) => `${i + 1}. ${pickLanguage(s.names, lang)}`).join("\n");
  return `${caseText(lang, "clarify.question")}\n${options}\n${caseText(lang, "clarify.hint")}`;
}

/** Reads which of the offered services the citizen picked, by number or by name. */
export function pickService(text: string, candidates: ServiceRow[]): string | undefined {
  const choices = candidates.map((s) => ({
    key: s.code,
    labels: [...Object.values(s.names), ...Object.values(s.keywords).flat()],
  }));
  return parseChoice(text, choices, false)?.[0];
}
