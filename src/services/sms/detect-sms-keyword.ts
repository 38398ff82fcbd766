/** What a keyword text asks for: stop all texts, start them again, or help. */
export type SmsKeyword = "stop" | "start" | "help";

// Twilio's own opt-out, opt-in and help keywords, then their usual equivalents in the city's languages.
const KEYWORDS: Record<SmsKeyword, string[]> = {
  stop: [
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "END",
    "QUIT",
    "CANCEL",
    "REVOKE",
    "OPTOUT",
    "ARRET",
    "DESABONNER",
    "DESINSCRIRE",
    "DEZABONARE",
    "DEZABONEAZA",
    "OPRIRE",
    "STOPP",
    "ABMELDEN",
    "ABBESTELLEN",
    "BAJA",
    "PARAR",
    "CANCELAR",
    "LEIRATKOZAS",
    "LEALLITAS",
  ],
  start: ["START", "YES", "UNSTOP", "DEMARRER", "PORNIRE", "ANMELDEN", "ALTA", "FELIRATKOZAS"],
  help: ["HELP", "INFO", "AIDE", "AJUTOR", "HILFE", "AYUDA", "SEGITSEG"],
};

// Words that also answer the assistant's own questions: a keyword only for a contact who opted out.
const ONLY_WHEN_OPTED_OUT = new Set(["YES"]);

const LOOKUP = new Map<string, SmsKeyword>(
  (Object.entries(KEYWORDS) as [SmsKeyword, string[]][]).flatMap(([kind, words]) =>
    words.map((word) => [word, kind] as const),
  ),
);

/**
 * The keyword a text is, if the whole text is one (case, accents, spaces and trailing punctuation
 * ignored, as carriers do); a sentence that merely contains "stop" is an ordinary message.
 */
export function detectSmsKeyword(text: string, optedOut: boolean): SmsKeyword | undefined {
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
