/**
 * Whether a message asks something or asks for something, read from its form: interrogative
 * openers, inversions and the question mark, in each supported language. A citizen who asks
 * "when are recycling bins collected?" wants an answer, not a report form; one who writes
 * "can you fix the light on Elm Street?" wants action, though the sentence ends with "?".
 */

/** Folded (lower case, no diacritics, apostrophes and hyphens as spaces) words that open a question. */
const OPENERS: Record<string, string[]> = {
  en: [
    "when",
    "what",
    "whats",
    "how",
    "hows",
    "where",
    "wheres",
    "which",
    "who",
    "whos",
    "whom",
    "whose",
    "why",
    "can i",
    "can we",
    "can my",
    "can you tell",
    "could i",
    "could we",
    "do i",
    "do we",
    "do you",
    "does",
    "did",
    "is it",
    "is there",
    "is the",
    "is my",
    "are there",
    "are the",
    "are bins",
    "are my",
    "will",
    "should i",
    "shall i",
    "may i",
    "have i",
    "has my",
    "any",
    "anyone know",
    "is",
    "are",
    "do",
  ],
  fr: [
    "quand",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "comment",
    "ou",
    "combien",
    "pourquoi",
    "qui",
    "que",
    "qu est ce",
    "quoi",
    "est ce",
    "puis je",
    "peut on",
    "peut il",
    "dois je",
    "faut il",
    "y a t il",
    "a quelle",
    "a qui",
    "ai je",
    "avez vous des",
    "c est quand",
    "c est quel",
    "c est quelle",
    "c est ou",
    "c est combien",
    "c est comment",
    "on a combien",
    "j ai combien",
  ],
  ro: [
    "cand",
    "ce",
    "cum",
    "unde",
    "cat",
    "cata",
    "cate",
    "cati",
    "cine",
    "care",
    "de ce",
    "pot",
    "putem",
    "se poate",
    "exista",
    "trebuie",
    "la ce",
    "in ce",
    "am voie",
  ],
  de: [
    "wann",
    "was",
    "wie",
    "wo",
    "woher",
    "wohin",
    "welche",
    "welcher",
    "welches",
    "wer",
    "warum",
    "wieso",
    "weshalb",
    "kann ich",
    "kann man",
    "darf ich",
    "muss ich",
    "gibt es",
    "ist",
    "sind",
    "wird",
    "werden",
    "habe ich",
    "bis wann",
    "um wie viel",
  ],
  es: [
    "cuando",
    "que",
    "como",
    "donde",
    "cuanto",
    "cuanta",
    "cuantos",
    "cuantas",
    "quien",
    "cual",
    "cuales",
    "por que",
    "puedo",
    "se puede",
    "tengo que",
    "debo",
    "a que",
  ],
  hu: ["mikor", "mi", "mit", "hogyan", "hol", "mennyi", "mennyibe", "ki", "miert", "melyik", "lehet", "kell"],
};

/**
 * Openers that ask someone to act ("can you fix…", "pouvez-vous réparer…"), or that announce a
 * report ("I want to report…"): such a message is a request whatever its punctuation.
 */
const ACTION_OPENERS: Record<string, string[]> = {
  en: [
    "can you",
    "could you",
    "would you",
    "will you",
    "can someone",
    "could someone",
    "can somebody",
    "can the council",
    "please",
    "pls",
    "plz",
    "i want to report",
    "i d like to report",
    "i would like to report",
    "i need to report",
    "can i report",
    "how do i report",
    "how can i report",
    "where do i report",
    "where can i report",
    "why hasn t",
    "why has nobody",
    "why haven t",
    "why isn t",
    "why wasn t",
  ],
  fr: [
    "pouvez vous",
    "pourriez vous",
    "peux tu",
    "pourrais tu",
    "merci de",
    "svp",
    "je voudrais signaler",
    "je veux signaler",
    "je souhaite signaler",
    "comment signaler",
    "puis je signaler",
    "ou signaler",
    "pourquoi n a t",
    "pourquoi personne",
  ],
  ro: [
    "puteti",
    "ati putea",
    "poti",
    "va rog",
    "vreau sa semnalez",
    "as vrea sa semnalez",
    "vreau sa raportez",
    "cum semnalez",
    "cum raportez",
    "pot sa semnalez",
    "de ce nu",
  ],
  de: [
    "konnen sie",
    "koennen sie",
    "konnten sie",
    "koennten sie",
    "kannst du",
    "bitte",
    "ich mochte melden",
    "ich moechte melden",
    "ich will melden",
    "wie melde ich",
    "warum wurde nicht",
    "warum hat niemand",
  ],
  es: [
    "pueden",
    "podrian",
    "puede",
    "por favor",
    "quiero reportar",
    "quiero avisar",
    "como reporto",
    "como aviso",
    "por que no",
  ],
  hu: ["kerem", "tudnak", "szeretnem bejelenteni", "hogyan jelentsem", "miert nem"],
};

export function foldWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`´-]/g, " ")
    .replace(/[^\p{L}\p{N}?]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ALL_OPENERS = new Set(Object.values(OPENERS).flat());
const ALL_ACTIONS = new Set(Object.values(ACTION_OPENERS).flat());

/** Openers of the citizen's language first; the others too, since a message may be in another language. */
function opensWith(folded: string, openers: Set<string>): boolean {
  const words = folded.replace(/\?/g, " ").split(" ").filter(Boolean);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    if (openers.has(words.slice(0, n).join(" "))) return true;
  }
  return false;
}

/** Question words French and Spanish speakers put last: "ça coûte combien", "la collecte c'est quand". */
const TRAILING = / (combien|quand|ou|quoi|comment|cuanto|cuando|donde)\s*\??$/;

/** A question mark at the end, or a Spanish opening one. */
function hasQuestionMark(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || /[¿]/.test(text);
}

/** A French inversion: "sont-elles collectées", "peut-on", "y a-t-il". */
const INVERSION = /\b\p{L}+-(t-)?(il|elle|on|ils|elles|je|vous|nous)\b/iu;

export interface QuestionForm {
  /** Some sentence of the message asks for information. */
  asks: boolean;
  /** The message asks someone to act or announces a report: a request, whatever its punctuation. */
  action: boolean;
  /** The sentences that ask nothing ("I live in Hillcrest."), joined; empty when all of them ask. */
  statements: string;
}

/** Reads the form of each sentence of a (redacted) message. */
export function readQuestionForm(text: string): QuestionForm {
  const sentences = text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  let asks = false;
  let action = false;
  const statements: string[] = [];
  for (const sentence of sentences) {
    // "My bin wasn't collected today, when will you come back?": a statement, then a question.
    const clauses = sentence.split(/,\s+/);
    let at = 0;
    for (; at < clauses.length; at++) {
      const folded = foldWords(clauses[at]!);
      if (opensWith(folded, ALL_ACTIONS)) {
        action = true;
        break;
      }
      if (
        opensWith(folded, ALL_OPENERS) ||
        TRAILING.test(` ${folded}`) ||
        (at === 0 && INVERSION.test(clauses[at]!))
      ) {
        asks = true;
        break;
      }
    }
    if (action) {
      statements.push(sentence);
      continue;
    }
    if (at < clauses.length) {
      if (at > 0) statements.push(clauses.slice(0, at).join(", "));
      continue;
    }
    if (hasQuestionMark(sentence)) asks = true;
    else statements.push(sentence);
  }
  return { asks, action, statements: statements.join(" ") };
}

/** True when the whole message is a question for the knowledge base rather than a report. */
export function isInformationQuestion(text: string): boolean {
  const form = readQuestionForm(text);
  return form.asks && !form.action && form.statements.split(/\s+/).filter(Boolean).length < 3;
}
