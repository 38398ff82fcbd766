/** Writing systems the detector tells apart before looking at words. */
export type Script =
  | "latin"
  | "cyrillic"
  | "arabic"
  | "hebrew"
  | "greek"
  | "devanagari"
  | "bengali"
  | "gurmukhi"
  | "gujarati"
  | "tamil"
  | "telugu"
  | "kannada"
  | "malayalam"
  | "sinhala"
  | "thai"
  | "lao"
  | "khmer"
  | "myanmar"
  | "ethiopic"
  | "georgian"
  | "armenian"
  | "hangul"
  | "kana"
  | "han";

interface LanguageInfo {
  /** ISO 639-1 */
  code: string;
  /** Codes franc uses for it (ISO 639-3, individual languages). */
  franc: string[];
  /** Other labels data sets use: ISO 639-2/B and /T, macrolanguage codes, English names. */
  aliases: string[];
  scripts: Script[];
}

const LANGUAGES: LanguageInfo[] = [
  { code: "en", franc: ["eng", "sco"], aliases: ["eng", "english"], scripts: ["latin"] },
  {
    code: "fr",
    franc: ["fra"],
    aliases: ["fra", "fre", "french", "français", "francais"],
    scripts: ["latin"],
  },
  { code: "de", franc: ["deu"], aliases: ["deu", "ger", "german", "deutsch"], scripts: ["latin"] },
  { code: "es", franc: ["spa"], aliases: ["spa", "spanish", "español", "espanol"], scripts: ["latin"] },
  { code: "ro", franc: ["ron"], aliases: ["ron", "rum", "romanian", "română", "romana"], scripts: ["latin"] },
  { code: "hu", franc: ["hun"], aliases: ["hun", "hungarian", "magyar"], scripts: ["latin"] },
  { code: "it", franc: ["ita"], aliases: ["ita", "italian", "italiano"], scripts: ["latin"] },
  {
    code: "pt",
    franc: ["por"],
    aliases: ["por", "portuguese", "português", "portugues"],
    scripts: ["latin"],
  },
  { code: "nl", franc: ["nld"], aliases: ["nld", "dut", "dutch", "nederlands"], scripts: ["latin"] },
  { code: "pl", franc: ["pol"], aliases: ["pol", "polish", "polski"], scripts: ["latin"] },
  { code: "cs", franc: ["ces"], aliases: ["ces", "cze", "czech"], scripts: ["latin"] },
  { code: "sk", franc: ["slk"], aliases: ["slk", "slo", "slovak"], scripts: ["latin"] },
  { code: "sl", franc: ["slv"], aliases: ["slv", "slovenian", "slovene"], scripts: ["latin"] },
  { code: "hr", franc: ["hrv"], aliases: ["hrv", "croatian"], scripts: ["latin"] },
  { code: "bs", franc: ["bos"], aliases: ["bos", "bosnian"], scripts: ["latin", "cyrillic"] },
  { code: "sr", franc: ["srp"], aliases: ["srp", "serbian"], scripts: ["cyrillic", "latin"] },
  { code: "sq", franc: ["als"], aliases: ["sqi", "alb", "als", "albanian"], scripts: ["latin"] },
  { code: "tr", franc: ["tur"], aliases: ["tur", "turkish"], scripts: ["latin"] },
  { code: "sv", franc: ["swe"], aliases: ["swe", "swedish"], scripts: ["latin"] },
  { code: "da", franc: ["dan"], aliases: ["dan", "danish"], scripts: ["latin"] },
  {
    code: "no",
    franc: ["nob", "nno"],
    aliases: ["nor", "nob", "nno", "nb", "nn", "norwegian"],
    scripts: ["latin"],
  },
  { code: "fi", franc: ["fin"], aliases: ["fin", "finnish"], scripts: ["latin"] },
  { code: "et", franc: ["ekk"], aliases: ["est", "ekk", "estonian"], scripts: ["latin"] },
  { code: "lv", franc: ["lvs"], aliases: ["lav", "lvs", "latvian"], scripts: ["latin"] },
  { code: "lt", franc: ["lit"], aliases: ["lit", "lithuanian"], scripts: ["latin"] },
  { code: "ca", franc: ["cat"], aliases: ["cat", "catalan"], scripts: ["latin"] },
  { code: "gl", franc: ["glg"], aliases: ["glg", "galician"], scripts: ["latin"] },
  { code: "ht", franc: ["hat"], aliases: ["hat", "haitian", "haitian creole", "kreyòl"], scripts: ["latin"] },
  { code: "af", franc: ["afr"], aliases: ["afr", "afrikaans"], scripts: ["latin"] },
  { code: "sw", franc: ["swh"], aliases: ["swa", "swh", "swahili"], scripts: ["latin"] },
  { code: "so", franc: ["som"], aliases: ["som", "somali"], scripts: ["latin"] },
  { code: "ha", franc: ["hau"], aliases: ["hau", "hausa"], scripts: ["latin"] },
  { code: "yo", franc: ["yor"], aliases: ["yor", "yoruba"], scripts: ["latin"] },
  { code: "ig", franc: ["ibo"], aliases: ["ibo", "igbo"], scripts: ["latin"] },
  { code: "tl", franc: ["tgl"], aliases: ["tgl", "fil", "tagalog", "filipino"], scripts: ["latin"] },
  { code: "id", franc: ["ind"], aliases: ["ind", "indonesian"], scripts: ["latin"] },
  { code: "ms", franc: ["zlm"], aliases: ["msa", "may", "zlm", "malay"], scripts: ["latin"] },
  { code: "vi", franc: ["vie"], aliases: ["vie", "vietnamese"], scripts: ["latin"] },
  { code: "uz", franc: ["uzn"], aliases: ["uzb", "uzn", "uzbek"], scripts: ["latin", "cyrillic"] },
  { code: "az", franc: ["azj"], aliases: ["aze", "azj", "azerbaijani"], scripts: ["latin"] },
  { code: "ru", franc: ["rus"], aliases: ["rus", "russian"], scripts: ["cyrillic"] },
  { code: "uk", franc: ["ukr"], aliases: ["ukr", "ukrainian"], scripts: ["cyrillic"] },
  { code: "be", franc: ["bel"], aliases: ["bel", "belarusian"], scripts: ["cyrillic"] },
  { code: "bg", franc: ["bul"], aliases: ["bul", "bulgarian"], scripts: ["cyrillic"] },
  { code: "mk", franc: ["mkd"], aliases: ["mkd", "mac", "macedonian"], scripts: ["cyrillic"] },
  { code: "kk", franc: ["kaz"], aliases: ["kaz", "kazakh"], scripts: ["cyrillic"] },
  { code: "ar", franc: ["arb"], aliases: ["ara", "arb", "arabic"], scripts: ["arabic"] },
  {
    code: "fa",
    franc: ["pes", "prs"],
    aliases: ["fas", "per", "pes", "prs", "persian", "farsi", "dari"],
    scripts: ["arabic"],
  },
  { code: "ur", franc: ["urd"], aliases: ["urd", "urdu"], scripts: ["arabic"] },
  { code: "ps", franc: ["pbu"], aliases: ["pus", "pbu", "pashto"], scripts: ["arabic"] },
  { code: "he", franc: ["heb"], aliases: ["heb", "hebrew"], scripts: ["hebrew"] },
  { code: "el", franc: ["ell"], aliases: ["ell", "gre", "greek"], scripts: ["greek"] },
  { code: "hi", franc: ["hin"], aliases: ["hin", "hindi"], scripts: ["devanagari"] },
  { code: "mr", franc: ["mar"], aliases: ["mar", "marathi"], scripts: ["devanagari"] },
  { code: "ne", franc: ["npi"], aliases: ["nep", "npi", "nepali"], scripts: ["devanagari"] },
  { code: "bn", franc: ["ben"], aliases: ["ben", "bengali", "bangla"], scripts: ["bengali"] },
  { code: "pa", franc: ["pan"], aliases: ["pan", "punjabi"], scripts: ["gurmukhi"] },
  { code: "gu", franc: ["guj"], aliases: ["guj", "gujarati"], scripts: ["gujarati"] },
  { code: "ta", franc: ["tam"], aliases: ["tam", "tamil"], scripts: ["tamil"] },
  { code: "te", franc: ["tel"], aliases: ["tel", "telugu"], scripts: ["telugu"] },
  { code: "kn", franc: ["kan"], aliases: ["kan", "kannada"], scripts: ["kannada"] },
  { code: "ml", franc: ["mal"], aliases: ["mal", "malayalam"], scripts: ["malayalam"] },
  { code: "si", franc: ["sin"], aliases: ["sin", "sinhala"], scripts: ["sinhala"] },
  { code: "th", franc: ["tha"], aliases: ["tha", "thai"], scripts: ["thai"] },
  { code: "lo", franc: ["lao"], aliases: ["lao"], scripts: ["lao"] },
  { code: "km", franc: ["khm"], aliases: ["khm", "khmer"], scripts: ["khmer"] },
  { code: "my", franc: ["mya"], aliases: ["mya", "bur", "burmese"], scripts: ["myanmar"] },
  { code: "am", franc: ["amh"], aliases: ["amh", "amharic"], scripts: ["ethiopic"] },
  { code: "ti", franc: ["tir"], aliases: ["tir", "tigrinya"], scripts: ["ethiopic"] },
  { code: "ka", franc: ["kat"], aliases: ["kat", "geo", "georgian"], scripts: ["georgian"] },
  { code: "hy", franc: ["hye"], aliases: ["hye", "arm", "armenian"], scripts: ["armenian"] },
  { code: "ko", franc: ["kor"], aliases: ["kor", "korean"], scripts: ["hangul"] },
  { code: "ja", franc: ["jpn"], aliases: ["jpn", "japanese"], scripts: ["kana", "han"] },
  {
    code: "zh",
    franc: ["cmn"],
    aliases: ["zho", "chi", "cmn", "chinese", "mandarin", "zh-cn", "zh-tw", "zh-hans", "zh-hant"],
    scripts: ["han"],
  },
];

const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));
const BY_LABEL = new Map<string, string>();
for (const l of LANGUAGES) {
  BY_LABEL.set(l.code, l.code);
  for (const a of [...l.franc, ...l.aliases]) BY_LABEL.set(a, l.code);
}

/** Maps an ISO 639-1/639-2/639-3 code, a BCP 47 tag or an English name to ISO 639-1; undefined if unknown. */
export function toIso1(label: string): string | undefined {
  const key = label.trim().toLowerCase().replace(/_/g, "-");
  return BY_LABEL.get(key) ?? BY_LABEL.get(key.split("-")[0] ?? "");
}

export function describeLanguage(code: string): LanguageInfo | undefined {
  return BY_CODE.get(code);
}

export function mapFrancCode(francCode: string): string | undefined {
  return BY_LABEL.get(francCode);
}
