import { francAll } from "franc";
import { describeLanguage, mapFrancCode, type Script, toIso1 } from "./language-codes";

export interface LanguageGuess {
  /** ISO 639-1, always one of the supported languages (or the fallback when none fits). */
  lang: string;
  /** 0..1, how clearly the winner beat the runner-up (and the prior). */
  confidence: number;
  /** False when the text is too short or ambiguous and the prior (or default) was kept. */
  reliable: boolean;
}

export interface DetectLanguageOptions {
  /** The city's languages, ISO 639-1 (other labels are normalised); the first is the default. */
  supported: readonly string[];
  /** The conversation's current language; short or ambiguous messages keep it. */
  prior?: string;
}

const SCRIPT_PATTERNS: [Script, RegExp][] = [
  ["latin", /\p{Script=Latin}/gu],
  ["cyrillic", /\p{Script=Cyrillic}/gu],
  ["arabic", /\p{Script=Arabic}/gu],
  ["hebrew", /\p{Script=Hebrew}/gu],
  ["greek", /\p{Script=Greek}/gu],
  ["devanagari", /\p{Script=Devanagari}/gu],
  ["bengali", /\p{Script=Bengali}/gu],
  ["gurmukhi", /\p{Script=Gurmukhi}/gu],
  ["gujarati", /\p{Script=Gujarati}/gu],
  ["tamil", /\p{Script=Tamil}/gu],
  ["telugu", /\p{Script=Telugu}/gu],
  ["kannada", /\p{Script=Kannada}/gu],
  ["malayalam", /\p{Script=Malayalam}/gu],
  ["sinhala", /\p{Script=Sinhala}/gu],
  ["thai", /\p{Script=Thai}/gu],
  ["lao", /\p{Script=Lao}/gu],
  ["khmer", /\p{Script=Khmer}/gu],
  ["myanmar", /\p{Script=Myanmar}/gu],
  ["ethiopic", /\p{Script=Ethiopic}/gu],
  ["georgian", /\p{Script=Georgian}/gu],
  ["armenian", /\p{Script=Armenian}/gu],
  ["hangul", /\p{Script=Hangul}/gu],
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["han", /\p{Script=Han}/gu],
];

// One Han or Hangul character carries roughly a word, so it outweighs a Latin letter.
const SCRIPT_WEIGHT: Partial<Record<Script, number>> = { han: 3, kana: 2, hangul: 2 };

// Frequent, short words; written without diacritics because citizens often type without them.
const FUNCTION_WORDS: Record<string, string> = {
  en: "the a an and or of to in on for with is are was were be been i you he she it we they my your our their this that these what how when where why who which can could do does did have has had not no yes please thanks thank hello hi will would should get from at by about there me if need want any am much many",
  fr: "le la les un une des du de et ou est sont je tu il elle nous vous ils elles mon ma mes ton ta votre vos notre nos ce cette ces que qui quoi quel quelle quels comment pourquoi quand pour avec dans sur pas ne au aux si mais puis peux peut bonjour merci aussi tres me te se a y en on ai as avez avons ont suis ca lui leur combien",
  de: "der die das den dem des ein eine einen einem einer und oder ist sind ich du er sie wir ihr mein meine nicht kein keine mit von zu auf fur bei nach wie was wo wann warum kann konnen muss habe hat haben bitte danke hallo auch noch sich uber aus im ins vom zum zur es wird werden wieviel viel",
  es: "el la los las un una unos y o de del al en que es son yo mi mis tu su sus como donde cuando por para con sin no se lo le puedo puede quiero necesito hola gracias esta estoy hay muy pero me nos usted cual porque tengo cuanto cuanta cuantos",
  pt: "o a os as um uma e de do da dos das no na em que para com nao sim eu meu minha voce como onde quando por preciso ola obrigado obrigada pelo pela ao se mais tem esta sao isso quanto quanta",
  ro: "si sau este sunt eu tu el ea noi voi ei ele meu mea mele cu la de pe din in pentru ca care ce cum unde cand nu da un o unei al ai ale sa am are mai vreau pot poate buna multumesc va rog acest aceasta fost fi dar intr despre cat cata cati",
  hu: "a az es egy hogy nem igen van vagyok vagy ez en te mi ti meg is de mert ha mit hol mikor hogyan miert kerem koszonom szia jo nekem kell lehet volt lesz csak mar el fel ki be ahol amikor itt ott mennyi hany",
  it: "il lo la i gli le un una e di da in con su per che non sono io mio mia come dove quando perche ciao grazie del della nel alla posso vorrei ho ha ci anche",
  nl: "de het een en of is zijn ik jij je wij mijn niet geen met van voor op in aan hoe wat waar wanneer waarom kan kunnen moet heb heeft hallo dank bedankt dit dat er ook naar bij om",
  pl: "i w z na do nie tak jest sa jak co gdzie kiedy dlaczego czy moj moja mam ma prosze dziekuje sie to ze o od po dla ale mnie mozna chce",
  ht: "mwen ou li nou yo pa ak nan pou se ki kijan kote konbyen poukisa bezwen vle kapab ka ap te pral gen yon sa la m mesi bonjou",
  ru: "и в не на я что как где когда почему мне мой моя это с по для сколько у меня вы он она мы они есть можно нужно",
  uk: "і й в не на я що як де коли чому мені мій моя це з по для скільки у мене ви він вона ми вони є можна потрібно",
};

// Letters that are rare outside a few languages; typing them is strong evidence.
const DISTINCTIVE_LETTERS: Record<string, string> = {
  ro: "ăășşțţ",
  hu: "őű",
  de: "ßä",
  fr: "çèêœëïîûôàù",
  es: "ñ¿¡",
  pt: "ãõçêôâ",
  it: "ìòàè",
  pl: "ąęłśźżńć",
  cs: "řůěčšžý",
  tr: "ğışİ",
  ht: "èò",
  ru: "ыэъё",
  uk: "іїєґ",
  be: "ўі",
  fa: "پچژگکی",
  ur: "ٹڈڑںےھ",
  ar: "ةىي",
};

// Shared accents still narrow the field (ö/ü: German, Hungarian, Turkish; á/é/í/ó/ú: several).
const SHARED_LETTERS: Record<string, string> = {
  de: "öü",
  hu: "öüáéíóú",
  tr: "öüç",
  es: "áéíóú",
  pt: "áéíóú",
  fr: "é",
  ro: "î",
  cs: "áéíóú",
};

const ELISIONS: Record<string, RegExp> = {
  fr: /^(?:j|l|d|qu|n|c|m|t|s|jusqu|lorsqu|puisqu)'\p{L}/u,
  it: /^(?:l|d|un|dell|all|nell|sull|c)'\p{L}/u,
  en: /\p{L}'(?:s|t|m|re|ve|ll|d)$/u,
};

const WORD_SETS = new Map(
  Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(" "))]),
);

const PRIOR_BONUS = 0.6;
const RELIABLE_MARGIN = 1;
const WORD_WEIGHT = 1;
const LETTER_WEIGHT = 2;

function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/’|‘|`|´/g, "'")
    .replace(/https?:\/\/\S+|www\.\S+/gi, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(/^\s*\d+[.)]\s*/, "")
    .replace(/[\p{N}_]+/gu, " ");
}

function countScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const [script, pattern] of SCRIPT_PATTERNS) {
    const n = text.match(pattern)?.length ?? 0;
    if (n > 0) counts.set(script, n * (SCRIPT_WEIGHT[script] ?? 1));
  }
  return counts;
}

function pickScript(counts: Map<Script, number>): Script | undefined {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return undefined;
  // Kana only occurs in Japanese (which mixes it with Han characters).
  if (counts.has("kana")) return "kana";
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, n] of counts) {
    if (script !== "latin" && n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  // Latin words (brands, acronyms, English terms) are common inside other scripts, rarely the reverse.
  if (best && bestCount >= 0.25 * total) return best;
  return counts.has("latin") ? "latin" : best;
}

function languagesForScript(supported: string[], script: Script): string[] {
  return supported.filter((code) => describeLanguage(code)?.scripts.includes(script));
}

function keepScriptWords(text: string, script: Script): string {
  const scripts: Script[] = script === "kana" ? ["kana", "han"] : [script];
  const patterns = SCRIPT_PATTERNS.filter(([s]) => scripts.includes(s)).map(
    ([, p]) => new RegExp(p.source, "u"),
  );
  return text
    .split(/\s+/)
    .filter((word) => patterns.some((p) => p.test(word)))
    .join(" ");
}

function scoreCandidates(text: string, candidates: string[]): Map<string, number> {
  const lower = text.toLowerCase();
  const letters = lower.match(/\p{L}/gu)?.length ?? 0;
  const scores = new Map<string, number>(candidates.map((c) => [c, 0]));

  // franc's trigram distances only become trustworthy with some length.
  const only = candidates.flatMap((c) => describeLanguage(c)?.franc ?? []);
  const lengthWeight = 5 * Math.min(1, letters / 40) ** 1.5;
  const francBest = new Map<string, number>();
  // franc's Romanian model was trained on text with cedilla ş/ţ, which most keyboards no longer produce.
  const francInput = lower.replace(/ș/g, "ş").replace(/ț/g, "ţ");
  for (const [code, similarity] of francAll(francInput, { only, minLength: 1 })) {
    const iso = mapFrancCode(code);
    if (iso && candidates.includes(iso)) francBest.set(iso, Math.max(francBest.get(iso) ?? 0, similarity));
  }
  for (const c of candidates) {
    const similarity = francBest.get(c) ?? 0;
    scores.set(c, (scores.get(c) ?? 0) + lengthWeight * (similarity - 1));
  }

  // A word shared by several candidates (de, la, a) says little; weight each hit by its specificity.
  const tokens = foldDiacritics(lower).match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];
  const hits = new Map<string, number>();
  for (const token of tokens) {
    const owners = candidates.filter((c) => WORD_SETS.get(c)?.has(token) || ELISIONS[c]?.test(token));
    for (const c of owners) hits.set(c, (hits.get(c) ?? 0) + 1 / owners.length);
  }
  for (const c of candidates)
    scores.set(c, (scores.get(c) ?? 0) + Math.min(hits.get(c) ?? 0, 6) * WORD_WEIGHT);

  for (const c of candidates) {
    let evidence = 0;
    const distinctive = DISTINCTIVE_LETTERS[c];
    const shared = SHARED_LETTERS[c];
    for (const ch of lower) {
      if (distinctive?.includes(ch)) evidence += LETTER_WEIGHT;
      else if (shared?.includes(ch)) evidence += 0.3;
    }
    scores.set(c, (scores.get(c) ?? 0) + Math.min(evidence, 4));
  }

  return scores;
}

/** Guesses the language of one message among the city's languages, leaning on the conversation's language. */
export function detectLanguage(text: string, options: DetectLanguageOptions): LanguageGuess {
  const supported = [...new Set(options.supported.map((l) => toIso1(l)).filter((l) => l !== undefined))];
  const prior = options.prior ? toIso1(options.prior) : undefined;
  const fallback = prior && supported.includes(prior) ? prior : (supported[0] ?? prior ?? "en");
  const keep = (confidence: number): LanguageGuess => ({ lang: fallback, confidence, reliable: false });

  const cleaned = cleanText(text);
  const script = pickScript(countScripts(cleaned));
  if (!script) return keep(0);
  const candidates = languagesForScript(supported, script);
  if (candidates.length === 0) return keep(0);

  const scriptText = keepScriptWords(cleaned, script);
  const letters = scriptText.match(/\p{L}/gu)?.length ?? 0;
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const sure = script === "latin" ? letters >= 8 : letters >= 2;
    if (!sure && only !== fallback) return keep(0.3);
    return { lang: only, confidence: sure ? 0.9 : 0.5, reliable: sure };
  }

  const scores = scoreCandidates(scriptText, candidates);
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [winner, top] = ranked[0]!;
  const margin = top - (ranked[1]?.[1] ?? top - 3);
  const reliable = margin >= RELIABLE_MARGIN;
  const confidence = Math.round((1 / (1 + Math.exp(-2 * (margin - 0.5)))) * 100) / 100;
  // Switching away from the conversation's language needs clear evidence, not a photo finish.
  const priorScore = prior ? scores.get(prior) : undefined;
  if (priorScore !== undefined && winner !== prior && top - priorScore < PRIOR_BONUS + RELIABLE_MARGIN) {
    return keep(confidence);
  }
  if (!reliable && priorScore === undefined) return keep(confidence);
  return { lang: winner, confidence, reliable };
}
