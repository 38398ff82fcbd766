/**
 * What kind of fact a question asks for (an amount, a day or time, a duration, a phone number, a
 * list, a place), read from its wording in each supported language, and which kinds a sentence
 * states. The answer then leads with the sentence that carries the kind asked for.
 */
export type AskedKind = "amount" | "duration" | "phone" | "list" | "place" | "time";

// Folded cue phrases (lower case, no diacritics, apostrophes and hyphens as spaces), matched as whole words.
// Order matters: "how long" is a duration before "when" could make it a time.
const CUES: [AskedKind, string[]][] = [
  [
    "duration",
    [
      "how long",
      "how soon",
      "how quickly",
      "how many days",
      "how long have i got",
      "how long do i have",
      "how long have we got",
      "how many weeks",
      "deadline",
      "time limit",
      "combien de temps",
      "delai",
      "dans quel delai",
      "sous combien",
      "cat timp",
      "cat dureaza",
      "in cat timp",
      "termen",
      "termenul",
      "wie lange",
      "wie schnell",
      "frist",
      "cuanto tiempo",
      "cuanto tarda",
      "plazo",
      "mennyi ido",
      "hatarido",
    ],
  ],
  [
    "amount",
    [
      "how much",
      "cost",
      "costs",
      "price",
      "prices",
      "fee",
      "fees",
      "charge",
      "charges",
      "charged",
      "is it free",
      "expensive",
      "combien coute",
      "combien pour",
      "ca fait combien",
      "c est combien",
      "ca coute",
      "wie teuer",
      "wie viel",
      "cuanto es",
      "cuanto vale",
      "combien ca coute",
      "coute",
      "cout",
      "prix",
      "tarif",
      "tarifs",
      "frais",
      "payant",
      "gratuit",
      "cat costa",
      "cat ma costa",
      "cat ne costa",
      "costa",
      "preturi",
      "preturile",
      "tarife",
      "costuri",
      "cost",
      "pret",
      "pretul",
      "tarif",
      "taxa",
      "gratuit",
      "wie viel kostet",
      "was kostet",
      "kostet",
      "kosten",
      "preis",
      "gebuhr",
      "kostenlos",
      "cuanto cuesta",
      "cuesta",
      "precio",
      "tarifa",
      "gratis",
      "mennyibe",
      "mennyi az ara",
      "dij",
      "ingyenes",
    ],
  ],
  [
    "phone",
    [
      "phone",
      "telephone",
      "phone number",
      "number to call",
      "call",
      "ring",
      "telephone",
      "numero de telephone",
      "appeler",
      "telefon",
      "numarul de telefon",
      "numar de telefon",
      "what number",
      "which number",
      "quel numero",
      "ce numar",
      "la ce numar",
      "pot suna",
      "sun",
      "suna",
      "sunati",
      "welche nummer",
      "welcher nummer",
      "que numero",
      "telefonnummer",
      "anrufen",
      "telefono",
      "llamar",
      "telefonszam",
      "hivni",
    ],
  ],
  [
    "list",
    [
      "what can i put",
      "what can go",
      "what goes",
      "what do i put",
      "which items",
      "what items",
      "what can i take",
      "what can i bring",
      "what do i need",
      "what documents",
      "what should i bring",
      "que puis je mettre",
      "que mettre",
      "quoi mettre",
      "que peut on mettre",
      "quels documents",
      "que faut il apporter",
      "ce pot pune",
      "ce se pune",
      "ce pot duce",
      "ce acte",
      "ce documente",
      "was darf",
      "was kommt",
      "welche unterlagen",
      "was brauche ich",
      "que puedo poner",
      "que documentos",
      "que necesito",
      "mit tehetek",
      "milyen iratok",
    ],
  ],
  [
    "place",
    [
      "where",
      "address",
      "ou se trouve",
      "adresse",
      "unde",
      "adresa",
      "wo",
      "adresse",
      "donde",
      "direccion",
      "hol",
      "cim",
    ],
  ],
  [
    "time",
    [
      "when",
      "what time",
      "what day",
      "which day",
      "what days",
      "opening hours",
      "open",
      "opening",
      "close",
      "closing",
      "hours",
      "quand",
      "quelle heure",
      "quel jour",
      "quels jours",
      "horaires",
      "ouvert",
      "ouverte",
      "ouvre",
      "ouvrent",
      "ferment",
      "ferme",
      "cand",
      "ce ora",
      "ce zi",
      "ce zile",
      "program",
      "programul",
      "deschis",
      "deschisa",
      "deschide",
      "inchis",
      "wann",
      "uhrzeit",
      "welcher tag",
      "welchen tag",
      "offnungszeiten",
      "geoffnet",
      "offnet",
      "offen",
      "cuando",
      "que hora",
      "que dia",
      "horario",
      "abierto",
      "mikor",
      "nyitva",
      "nyitvatartas",
    ],
  ],
];

function fold(text: string): string {
  return ` ${text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

// Multi-word cues, longest first, so "how long have i got" goes before "how long" could leave "have i got".
const PHRASES = CUES.flatMap(([, cues]) => cues.filter((cue) => cue.includes(" "))).sort(
  (a, b) => b.length - a.length,
);

/**
 * The question without its multi-word asking phrases ("how long", "combien de temps", "what time"):
 * they say what kind of fact is wanted, not what it is about, so they should not pick the section.
 */
export function stripAskingPhrases(question: string): string {
  let stripped = strippedQuestions.get(question);
  if (stripped === undefined) {
    let folded = fold(question);
    for (const cue of PHRASES) folded = folded.split(` ${cue} `).join(" ");
    stripped = folded.trim();
    // A turn strips the same question several times (weights, word pairs, exact words): kept briefly.
    if (strippedQuestions.size >= 500) strippedQuestions.clear();
    strippedQuestions.set(question, stripped);
  }
  return stripped;
}
const strippedQuestions = new Map<string, string>();

// For search, only the phrases that ask ("how much", "cuánto cuesta", "what time"): "phone number" or
// "opening hours" also say what the question is about.
const ASKING_ONLY = CUES.flatMap(([kind, cues]) =>
  cues.filter(
    (cue) =>
      cue.includes(" ") &&
      (kind === "amount" || kind === "duration" || (kind === "time" && !/hours|horaires|program/.test(cue))),
  ),
).sort((a, b) => b.length - a.length);

/** The question without the phrases that only ask ("how much", "combien de temps"), for search. */
export function stripAskingOnly(question: string): string {
  let folded = fold(question);
  for (const cue of ASKING_ONLY) folded = folded.split(` ${cue} `).join(" ");
  return folded.replace(ASKED_OF_THE_COUNCIL, " ").trim();
}

// Who is asked rather than what about: "can I get sandbags from the council" is about sandbags, and
// "council" alone would rank the council tax pages first. "The council's" or "council tax" stay, and so
// does "la mairie": in French it is as often the subject ("le numéro de la mairie").
const ASKED_OF_THE_COUNCIL =
  / (?:from|does|do|will|would|can|could|should|by|at) the council(?= (?!tax|tenant|home|house|housing|estate|s )\S| ?$)/g;

/** The kind of fact asked for, or null when the wording does not say. */
export function detectAskedKind(question: string): AskedKind | null {
  const folded = fold(question);
  for (const [kind, cues] of CUES) {
    if (!cues.some((cue) => folded.includes(` ${cue} `))) continue;
    // "How long is the library open on Saturday?" asks for opening hours, not a duration.
    if (kind === "duration" && OPEN_OR_CLOSED.test(folded)) return "time";
    return kind;
  }
  return null;
}

const OPEN_OR_CLOSED =
  / (open|opened|opening|close|closed|closing|ouvert|ouverte|ouvre|ferme|deschis|deschisa|inchis|offen|geoffnet|geschlossen|abierto|abierta|cerrado|nyitva|zarva) /;

const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|luni|marti|marți|miercuri|joi|vineri|sambata|sâmbătă|sâmbăta|duminica|duminică|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|miércoles|jueves|viernes|sabado|sábado|domingo|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap";
const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|ianuarie|februarie|martie|aprilie|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
const UNITS =
  "working days?|days?|weeks?|hours?|months?|minutes?|years?|jours?( ouvrés| ouvrables)?|semaines?|heures?|mois|ans?|zile( lucrătoare| lucratoare)?|zi|săptămâni|saptamani|ore|luni|ani|minute|werktage?n?|tage?n?|wochen?|stunden?|monate?n?|jahren?|días?( hábiles)?|dias?|semanas?|horas?|meses|años|nap|hét|óra|hónap";

const KIND_PATTERNS: Record<AskedKind, RegExp> = {
  amount:
    /[£€$]\s?\d|\d\s?(?:[£€$]|eur\b|euros?\b|lei\b|ron\b|pounds?\b)|\b(?:free|gratuit\w*|gratis|kostenlos|ingyenes|no charge|fără plată)\b/iu,
  duration: new RegExp(
    `\\b(?:\\d+|one|two|three|four|five|ten|un|une|deux|trois|o|două|doua|trei|ein|zwei|drei)\\s+(?:${UNITS})\\b|\\bwithin\\b|\\bsous\\b|\\bîn termen\\b|\\binnerhalb\\b`,
    "iu",
  ),
  phone: /(?:\+?\d{2,5}[\s-]?)?\d{3}[\s-]?\d{3,4}\b|\b1\d{2}(?:\s\d{3})?\b/u,
  list: /$^/,
  place:
    /\b\d{1,4}\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*\s+(?:Street|Road|Lane|Square|Way|Avenue|Place|Park|Hill|Row)\b|\b[A-Z]{1,2}\d{1,2}\s?\d[A-Z]{2}\b/u,
  time: new RegExp(
    `\\b(?:${WEEKDAYS}|${MONTHS})\\b|\\b\\d{1,2}(?:[:.h]\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\b\\d{1,2}[:h]\\d{2}\\b|\\bevery (?:day|week|two weeks|month)\\b|\\b24 hours\\b`,
    "iu",
  ),
};

/** Kinds whose answers overlap: a deadline ("how long have I got") is often stated as a "when". */
export function answersKind(stated: AskedKind | null, asked: AskedKind): boolean {
  return stated === asked || (asked === "duration" && stated === "time");
}

/** The kinds of fact a sentence states; lists are known from their structure, not their words. */
export function statesKind(text: string, kind: AskedKind): boolean {
  return KIND_PATTERNS[kind].test(text);
}
