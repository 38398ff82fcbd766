/**
 * Days and seasons a text covers without naming them: "Monday to Friday" covers Wednesday, "every
 * day" covers Sunday, "1 October to 31 March" covers winter. A question about "Sunday" or "winter" then
 * meets the opening hours that say "every day, 8 am to 4 pm" rather than the one paragraph that happens
 * to spell out "Sunday".
 */

import { memoByText } from "./text-memo";

// Each language's weekdays, Monday first, folded (lower case, no diacritics).
const WEEKDAYS: Record<string, string[]> = {
  en: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  fr: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  ro: ["luni", "marti", "miercuri", "joi", "vineri", "sambata", "duminica"],
  de: ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
  es: ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"],
  hu: ["hetfo", "kedd", "szerda", "csutortok", "pentek", "szombat", "vasarnap"],
};

// "Every day" and its kin: all seven days.
const EVERY_DAY: Record<string, RegExp> = {
  en: /\b(every day|daily|7 days a week|seven days a week)\b/,
  fr: /\b(tous les jours|7 jours sur 7|chaque jour)\b/,
  ro: /\b(zilnic|in fiecare zi|7 zile din 7)\b/,
  de: /\b(taglich|jeden tag)\b/,
  es: /\b(todos los dias|cada dia)\b/,
  hu: /\b(minden nap|naponta)\b/,
};

// The word between the two ends of a range: "Monday to Friday", "du lundi au vendredi", "luni-vineri".
const RANGE_WORDS = "to|until|till|through|au|a|pana la|pana|bis|hasta|ig|-|–";

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The weekdays, in the text's language, that a range or an "every day" in it covers. */
export const coveredWeekdays = memoByText(findCoveredWeekdays, (days) => [...days]);

function findCoveredWeekdays(text: string, lang: string): string[] {
  const days = WEEKDAYS[lang];
  if (!days) return [];
  const folded = fold(text);
  if (EVERY_DAY[lang]?.test(folded)) return [...days];
  const covered = new Set<string>();
  const range = new RegExp(
    `\\b(${days.join("|")})s?\\s*(?:${RANGE_WORDS})\\s*(?:le |la )?(${days.join("|")})s?\\b`,
    "g",
  );
  for (const match of folded.matchAll(range)) {
    const from = days.indexOf(match[1]!);
    const to = days.indexOf(match[2]!);
    // Wrapping ranges ("Friday to Monday") go round the week end.
    for (let i = from; ; i = (i + 1) % 7) {
      covered.add(days[i]!);
      if (i === to) break;
    }
  }
  return [...covered];
}

// Each language's months, January first, folded.
const MONTHS: Record<string, string[]> = {
  en: "january february march april may june july august september october november december".split(" "),
  fr: "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(" "),
  ro: "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split(
    " ",
  ),
  de: "januar februar marz april mai juni juli august september oktober november dezember".split(" "),
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" "),
  hu: "januar februar marcius aprilis majus junius julius augusztus szeptember oktober november december".split(
    " ",
  ),
};

// Seasons as the months they take in (northern hemisphere), and their names in each language.
const SEASONS: { months: number[]; names: Record<string, string> }[] = [
  {
    months: [5, 6, 7],
    names: { en: "summer", fr: "ete", ro: "vara", de: "sommer", es: "verano", hu: "nyar" },
  },
  {
    months: [11, 0, 1],
    names: { en: "winter", fr: "hiver", ro: "iarna", de: "winter", es: "invierno", hu: "tel" },
  },
  {
    months: [2, 3, 4],
    names: { en: "spring", fr: "printemps", ro: "primavara", de: "fruhling", es: "primavera", hu: "tavasz" },
  },
  {
    months: [8, 9, 10],
    names: { en: "autumn", fr: "automne", ro: "toamna", de: "herbst", es: "otono", hu: "osz" },
  },
];

/** The seasons, named in the text's language, that a month range in it ("1 October to 31 March") spans. */
export const coveredSeasons = memoByText(findCoveredSeasons, (seasons) => [...seasons]);

function findCoveredSeasons(text: string, lang: string): string[] {
  const covered = new Set(coveredMonths(text, lang));
  return SEASONS.filter((s) => s.months.every((m) => covered.has(m))).map((s) => s.names[lang]!);
}

/** The months (0 for January) that the month ranges of a text span. */
function coveredMonths(text: string, lang: string): number[] {
  const months = MONTHS[lang];
  if (!months) return [];
  const names = months.join("|");
  const range = new RegExp(
    `\\b(${names})\\b(?:\\s+\\d{1,4})?\\s*(?:${RANGE_WORDS})\\s*(?:le |la |el )?(?:\\d{1,2}\\.?\\s*(?:de )?)?(${names})\\b`,
    "g",
  );
  const covered = new Set<number>();
  for (const match of fold(text).matchAll(range)) {
    const from = months.indexOf(match[1]!);
    const to = months.indexOf(match[2]!);
    for (let i = from; ; i = (i + 1) % 12) {
      covered.add(i);
      if (i === to) break;
    }
  }
  return [...covered];
}

// Month names that are also everyday words ("may I", Romanian "mai" for "more"): never read alone as a month.
const AMBIGUOUS_MONTHS: Record<string, string[]> = { en: ["may"], ro: ["mai"] };

/** The language's month names that, alone in a text, name the month. */
function namedMonths(lang: string): string[] {
  return (MONTHS[lang] ?? []).filter((m) => !AMBIGUOUS_MONTHS[lang]?.includes(m));
}

// Public holidays by name, folded, in each language: a question about "Boxing Day" or "le jour de l'An"
// meets the section on bank holidays and Christmas, whichever holiday it happens to spell out.
const HOLIDAYS: Record<string, RegExp> = {
  en: /\b(christmas|xmas|boxing day|new year'?s?( day| eve)?|bank holidays?|public holidays?|easter|good friday)\b/,
  fr: /\b(noel|jour de l.?an|nouvel an|jours? feries?|paques|vendredi saint|saint sylvestre|reveillon)\b/,
  ro: /\b(craciun\w*|anul nou|revelion\w*|sarbator\w*|zile? libere legale|zi libera legala|paste\w*)\b/,
  de: /\b(weihnacht\w*|neujahr\w*|silvester|feiertag\w*|ostern|karfreitag)\b/,
  es: /\b(navidad|nochebuena|nochevieja|ano nuevo|festivos?|dias? festivos?|semana santa|pascua)\b/,
  hu: /\b(karacsony\w*|ujev\w*|szilveszter|unnepnap\w*|husvet\w*)\b/,
};

/**
 * Language-neutral marks for the days, months and seasons a text names or covers ("day6" for Saturday,
 * Samstag or sâmbătă; "month1" for January or ianuarie; "summer" for été or vara), so a German question about Saturday meets the
 * English opening hours that say "Monday to Saturday".
 */
export const calendarMarks = memoByText(findCalendarMarks, (marks) => [...marks]);

function findCalendarMarks(text: string, lang: string): string[] {
  const days = WEEKDAYS[lang];
  if (!days) return [];
  const folded = fold(text);
  const marks = new Set<string>();
  const named = (word: string) => new RegExp(`\\b${word}s?\\b`).test(folded);
  days.forEach((day, i) => {
    if (named(day)) marks.add(`@day${i + 1}`);
  });
  for (const day of coveredWeekdays(text, lang)) marks.add(`@day${days.indexOf(day) + 1}`);
  // Months too: "in January" meets "1 October to 31 March".
  const months = MONTHS[lang] ?? [];
  for (const month of namedMonths(lang)) if (named(month)) marks.add(`@month${months.indexOf(month) + 1}`);
  for (const month of coveredMonths(text, lang)) marks.add(`@month${month + 1}`);
  const seasons = new Set(coveredSeasons(text, lang));
  for (const season of SEASONS) {
    const name = season.names[lang]!;
    if (seasons.has(name) || named(name)) marks.add(`@${season.names.en}`);
  }
  if (HOLIDAYS[lang]?.test(folded.replace(/[’`´]/g, "'"))) marks.add("@holiday");
  return [...marks];
}

/** The language's names of the weekdays, months and seasons, folded. */
export function calendarWords(lang: string): string[] {
  return [
    ...(WEEKDAYS[lang] ?? []),
    ...namedMonths(lang),
    ...SEASONS.map((s) => s.names[lang] ?? "").filter(Boolean),
  ];
}

/** True for a mark made by calendarMarks rather than a word of the text. */
export function isCalendarMark(term: string): boolean {
  return term.startsWith("@");
}
