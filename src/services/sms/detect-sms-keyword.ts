/** What a keyword text asks for: stop all texts, start them again, or help. */
export type SmsKeyword = "stop" | "start" | "help";

/**
 * Twilio's own opt-out, opt-in and help keywords ("*": every language), then their usual equivalents
 * in the city's languages; the language of a local word is the language of the confirmation.
 */
const KEYWORDS: Record<SmsKeyword, Record<string, string[]>> = {
  stop: {
    "*": ["STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT"],
    fr: ["ARRET", "DESABONNER", "DESINSCRIRE"],
    ro: ["DEZABONARE", "DEZABONEAZA", "OPRIRE"],
    de: ["STOPP", "ABMELDEN", "ABBESTELLEN"],
    es: ["BAJA", "PARAR", "CANCELAR"],
    hu: ["LEIRATKOZAS", "LEALLITAS"],
  },
  start: {
    "*": ["START", "YES", "UNSTOP"],
    fr: ["DEMARRER"],
    ro: ["PORNIRE"],
    de: ["ANMELDEN"],
    es: ["ALTA"],
    hu: ["FELIRATKOZAS"],
  },
  help: {
    "*": ["HELP", "INFO"],
    fr: ["AIDE"],
    ro: ["AJUTOR"],
    de: ["HILFE"],
    es: ["AYUDA"],
    hu: ["SEGITSEG"],
  },
};

// Words that also answer the assistant's own questions: a keyword only for a contact who opted out.
const ONLY_WHEN_OPTED_OUT = new Set(["YES"]);

const LOOKUP = new Map<string, { kind: SmsKeyword; lang?: string }>(
  (Object.entries(KEYWORDS) as [SmsKeyword, Record<string, string[]>][]).flatMap(([kind, byLang]) =>
    Object.entries(byLang).flatMap(([lang, words]) =>
      words.map((word) => [word, lang === "*" ? { kind } : { kind, lang }] as const),
    ),
  ),
);

/**
 * The keyword a text is, if the whole text is one (case, accents, spaces and trailing punctuation
 * ignored, as carriers do); a sentence that merely contains "stop" is an ordinary message.
 */
export function detectSmsKeyword(
  text: string,
  optedOut: boolean,
): { kind: SmsKeyword; lang?: string } | undefined {
  const word = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .replace(/[\s.!?,;:'"]+$/u, "")
    .replace(/^[\s.!?,;:'"]+/u, "")
    .toUpperCase();
  if (!/^[A-Z]+$/.test(word)) return undefined;
  if (ONLY_WHEN_OPTED_OUT.has(word) && !optedOut) return undefined;
  return LOOKUP.get(word);
}
