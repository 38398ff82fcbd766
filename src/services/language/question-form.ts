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
    "can i book",
    "could i book",
    "i want to book",
    "i d like to book",
    "i would like to book",
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
    "je voudrais reserver",
    "je veux reserver",
    "puis je reserver",
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
    "vreau sa rezerv",
    "as vrea sa rezerv",
    "pot sa rezerv",
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
    "ich mochte buchen",
    "kann ich buchen",
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
    "quiero reservar",
    "puedo reservar",
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

/** Words that open a condition: "if you put a notice on a car, how long…" asks, it does not report. */
const CONDITIONS = new Set(["if", "si", "daca", "wenn", "falls", "ha"]);
/** Question words that may follow a condition inside one clause, in the supported languages. */
const WH_WORDS = new Set(
  "when what how who which where whats quand quel quelle comment combien qui cand ce cum cat cine unde wann was wie wer wo welche cuando que como cuanto quien donde mikor mi hogyan mennyi ki hol".split(
    " ",
  ),
);

/**
 * "…, is that you or someone else?", "who deals with this?": a question about who is responsible
 * wants an answer even after a description of the problem.
 */
const WHO_HANDLES = [
  "is that you",
  "is this you",
  "is that the council",
  "is this the council",
  "is it the council",
  "is that your job",
  "who deals with",
  "who is responsible",
  "whose responsibility",
  "who do i contact",
  "who should i contact",
  "who do i call",
  "c est vous",
  "c est a vous",
  "c est la mairie",
  "qui s occupe",
  "qui est responsable",
  "qui dois je contacter",
  "cine se ocupa",
  "cine raspunde",
  "e treaba voastra",
  "pe cine sun",
  "wer ist zustandig",
  "wer kummert sich",
  "seid ihr das",
  "quien se encarga",
  "quien es responsable",
  "a quien llamo",
];

/**
 * Questions about the service itself that a citizen asks while describing a problem: whether or when
 * it is worth reporting, compensation for damage, whether someone already reported it, how long
 * repairs usually take. Folded text; each pattern is matched on the whole message with spaces around.
 * The problem is then the question's context, not a report: "my tyre got wrecked by a pothole, can I
 * claim compensation?" wants the claims answer, not a pothole form.
 */
const SERVICE_QUESTIONS: RegExp[] = [
  // Whether or when to report, or to wait.
  / (worth|point (in|of)) (reporting|report|calling|ringing)\b/,
  / (should|shall|do|must) (i|we) (report|wait|call|ring|let you know|tell you)\b/,
  / (do|would) (i|we) (need|have) to (report|wait)\b/,
  / (too (early|soon)|how long (should|do|must) (i|we) wait|wait before)\b/,
  / (vaut (il )?(la peine|le coup)|dois je|faut il|devrais je) (de )?(le |la |les )?(signaler|attendre|appeler|prevenir)\b/,
  / (trop tot pour|combien de temps (dois je |faut il )?attendre)\b/,
  / (merita|ar trebui|trebuie) sa (o |il |le |)?(raportez|semnalez|astept|sun|anunt)\b/,
  / (cat|cand) (sa|ar trebui sa) (astept|raportez|semnalez)\b/,
  / (lohnt (es )?sich|soll(te)? ich|muss ich) (das |es )?(schon |jetzt )?(zu )?(melden|warten|anrufen)\b/,
  / (wie lange soll(te)? ich warten|zu fruh (zum|zu) melden)\b/,
  / (vale la pena|debo|deberia|tengo que) (reportar|avisar|esperar|llamar|denunciar)(lo|la)?\b/,
  / (cuanto (tiempo )?(debo|tengo que) esperar)\b/,
  // Compensation for damage or injury.
  / (compensation|compensate|compensated|reimburse|reimbursed|reimbursement|claim for|make a claim|claim (back|compensation|damages|the cost)|can (i|we) claim|pay for (the )?(damage|repairs?))\b/,
  / (indemnis|indemniz|dedommag|rembours|reclamation|compensation)\w*/,
  / (despagubi|compens|ramburs)\w*/,
  / (entschadig|schadenersatz|schadensersatz|erstatt|ersetzt)\w*/,
  / (reclamar|reembols)\w*/,
  // Someone already reported it.
  / (already|has been|have been|been|has (anyone|someone|somebody)|someone|somebody|a neighbour|my neighbour) (already )?reported\b/,
  / (deja|quelqu un a|a ete) (deja )?signale\w*/,
  / (deja|cineva a) (a )?(raportat|semnalat)\w*/,
  / (schon|bereits|jemand hat) (es |das )?(schon |bereits )?gemeldet\b/,
  / (ya|alguien) (lo |la )?(ha |han |se )?(reportado|reporto|avisado|aviso|denunciado)\b/,
];

/** How long something usually takes: a question about the service, not about this one problem. */
const USUALLY =
  / (usually|normally|generally|typically|on average|en general|d habitude|normalement|generalement|en moyenne|de obicei|in general|in mod normal|normalerweise|meistens|ublicherweise|durchschnittlich|normalmente|generalmente|por lo general)\b/;

const HOW_LONG =
  / (how long|how soon|how quickly|combien de temps|sous combien|dans quel delai|cat timp|cat dureaza|in cat timp|wie lange|wie schnell|cuanto tiempo|cuanto tarda\w*)\b/;

/** Whether the message asks about the service itself (see SERVICE_QUESTIONS), or how long it usually takes. */
function asksAboutTheService(folded: string): boolean {
  return (
    SERVICE_QUESTIONS.some((pattern) => pattern.test(folded)) ||
    (HOW_LONG.test(folded) && USUALLY.test(folded))
  );
}

/** A condition followed by a question word in the same clause: "if you tow a car how long…". */
function asksAfterCondition(folded: string): boolean {
  const words = folded.replace(/\?/g, " ").split(" ").filter(Boolean);
  return CONDITIONS.has(words[0] ?? "") && words.slice(2).some((w) => WH_WORDS.has(w));
}

export interface QuestionForm {
  /** Some sentence of the message asks for information. */
  asks: boolean;
  /** The message asks someone to act or announces a report: a request, whatever its punctuation. */
  action: boolean;
  /** The sentences that ask nothing ("I live in Hillcrest."), joined; empty when all of them ask. */
  statements: string;
  /** Some sentence asks who is responsible: the statements are the question's context, not a report. */
  asksWhoHandles: boolean;
  /**
   * The message asks about the service itself (whether to report, compensation, whether someone already
   * reported it, how long repairs usually take): the statements are its context, not a report.
   */
  asksAboutService: boolean;
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
        asksAfterCondition(folded) ||
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
  const whole = ` ${foldWords(text).replace(/\?/g, " ")} `;
  const asksWhoHandles = asks && !action && WHO_HANDLES.some((phrase) => whole.includes(` ${phrase} `));
  const asksAboutService = asks && !action && asksAboutTheService(whole);
  return { asks, action, statements: statements.join(" "), asksWhoHandles, asksAboutService };
}

/** True when the whole message is a question for the knowledge base rather than a report. */
export function isInformationQuestion(text: string): boolean {
  const form = readQuestionForm(text);
  return (
    form.asks &&
    !form.action &&
    (form.asksWhoHandles || form.asksAboutService || form.statements.split(/\s+/).filter(Boolean).length < 3)
  );
}

/**
 * Pronouns that point back at what was just discussed, folded, in the supported languages; only those
 * that are never articles ("la", "le", "o", "das" are both, so they are left out).
 */
const BACK_REFERENCES = new Set("it them ca cela asta aceasta es ihn eso esto ezt azt".split(" "));
/** Longest message still read as pointing back rather than standing on its own. */
const BACK_REFERENCE_WORDS = 12;

/**
 * True for a short question that names its subject only by a pronoun ("how long will it take you to
 * fix it?", "cât durează s-o reparați?"): the subject is whatever the conversation is about.
 */
export function refersBack(text: string): boolean {
  const words = foldWords(text).replace(/\?/g, " ").split(" ").filter(Boolean);
  if (words.length === 0 || words.length > BACK_REFERENCE_WORDS) return false;
  // Spanish and Romanian attach the pronoun to the verb: "arreglarla", "s-o repare".
  return words.some(
    (w) =>
      BACK_REFERENCES.has(w) ||
      (/^\p{L}{4,}(la|lo|las|los)$/u.test(w) && /(ar|er|ir)(la|lo|las|los)$/.test(w)),
  );
}
