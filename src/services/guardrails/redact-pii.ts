import {
  computeMrzCheckDigit,
  expectedIbanLength,
  isValidCnp,
  isValidNino,
  isValidNir,
  isValidSteuerId,
  passesIbanCheck,
  passesLuhn,
} from "./pii-checks";

/*
 * Postcodes, street addresses and names are deliberately kept: a pothole or a missed bin needs a place, and the
 * citizen's own case needs their name. What goes are identifiers that unlock accounts, money or identity.
 */
export type PiiType = "email" | "phone" | "iban" | "card" | "national_id";

export interface PiiMatch {
  type: PiiType;
  /** For national identifiers, which scheme matched. */
  scheme?: "uk_nino" | "fr_nir" | "ro_cnp" | "de_steuer_id" | "de_id_card";
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
}

export interface RedactedText {
  text: string;
  found: PiiMatch[];
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
}

type Detector = (text: string) => PiiMatch[];

// Written-out separators people use to dodge address harvesters: "jane dot doe at example dot com",
// "jane (at) example [dot] com", "jane.doe @ example . com"; "arobase", "arroba", "kukac", "punct", "pont"...
const AT_WORDS = "at|arobase|arroba|kukac|la";
const DOT_WORDS = "dot|point|punkt|punto|punct|pont";
const OPEN = "[[({<]";
const CLOSE = String.raw`[\])}>]`;
const AT = String.raw`(?:\s*@\s*|\s*${OPEN}\s*(?:${AT_WORDS}|@)\s*${CLOSE}\s*)`;
const BARE_AT = String.raw`\s+(?:${AT_WORDS})\s+`;
const DOT = String.raw`(?:\s?\.\s?|\s*${OPEN}\s*(?:${DOT_WORDS}|\.)\s*${CLOSE}\s*|\s+(?:${DOT_WORDS})\s+)`;
const LOCAL_PART = String.raw`(?<![\p{L}\p{N}_%+-])[\p{L}\p{N}_%+-]+(?:${DOT}[\p{L}\p{N}_%+-]+)*`;
const DOMAIN = String.raw`[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`;
const EMAIL = new RegExp(`${LOCAL_PART}${AT}${DOMAIN}`, "giu");
const EMAIL_BARE_AT = new RegExp(`${LOCAL_PART}${BARE_AT}${DOMAIN}`, "giu");
const HAS_AT = new RegExp(String.raw`@|${OPEN}\s*(?:${AT_WORDS})\s*${CLOSE}`, "i");
const HAS_BARE_AT = new RegExp(String.raw`\s(?:${AT_WORDS})\s`, "i");
const OBFUSCATED_DOT = new RegExp(
  String.raw`\s(?:${DOT_WORDS})\s|${OPEN}\s*(?:${DOT_WORDS}|\.)\s*${CLOSE}`,
  "i",
);
// An IBAN as typed: country, check digits, then groups of up to four characters separated by single spaces.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}/giu;
const CARD = /(?<![\d.,-])\d(?:[ -]?\d){12,18}(?![\d]|[.,]\d)/g;
const NINO = /\b[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]\b/gi;
const NINO_CONTEXT = /\b(?:NI|NINO|national insurance)\b/i;
const NIR =
  /(?<![\d])[12378][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\d])/gi;
const CNP = /(?<![\d])[1-9]\d{12}(?![\d])/g;
const STEUER_ID = /(?<![\d])[1-9]\d[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}(?![\d])/g;
const ID_CARD = /\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?\b/gi;
const ID_CARD_CONTEXT =
  /(?:personalausweis|ausweis|ausweisnummer|ausweis-?nr|dokumentennummer|id[ -]?card|identity card|carte d'identit[ée]|carte d'identite)/i;
const PHONE_CONTEXT =
  /(?:phone|mobile|cell|tel|call me|text me|whatsapp|t[ée]l[ée]phone|portable|joindre|appelez|telefon|handy|mobil|rufnummer|anrufen|tel[ée]fono|m[óo]vil|llamar|llámame|telefonsz[áa]m|mobilsz[áa]m|h[íi]vj|num[ăa]r(?:ul)?\s+de\s+telefon|sunați|sunati)/i;

function findAll(pattern: RegExp, text: string): Candidate[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
}

function compact(value: string): string {
  return value.replace(/[\s.\-/()]/g, "").toUpperCase();
}

function hasNearby(text: string, start: number, end: number, pattern: RegExp, reach = 40): boolean {
  return (
    pattern.test(text.slice(Math.max(0, start - reach), start)) || pattern.test(text.slice(end, end + 12))
  );
}

// With spaces inside, the last label must be a real top-level domain: "at the point where" is prose.
const SPACED_TLD =
  /(?:^|[\s.\])}>])(?:com|org|net|edu|gov|info|biz|io|eu|uk|fr|de|ro|es|hu|ie|ca|ch|nl|pl|pt|co|se|dk|fi|cz|sk|gr|lu|md)$/i;

const findEmails: Detector = (text) =>
  [
    // Both patterns are costly on long runs of dots; most texts have neither an at sign nor an at word.
    ...(HAS_AT.test(text) ? findAll(EMAIL, text) : []),
    // A bare " at " is ordinary prose ("the page at riverton.gov.uk") unless a dot is written out too, or the
    // part before it looks like a mailbox name ("j.smith at example.com").
    ...(HAS_BARE_AT.test(text) ? findAll(EMAIL_BARE_AT, text) : []).filter(
      (c) => OBFUSCATED_DOT.test(c.raw) || /^\S*[._\d]\S*\s/u.test(c.raw),
    ),
  ]
    .filter((c) => !/\s/.test(c.raw) || SPACED_TLD.test(c.raw))
    .map((c) => ({ type: "email", ...span(c) }));

/*
 * An address or phone number typed with a space between every character ("j a n e @ e x a m p l e . c o m"):
 * the run is read without its spaces, and redacted whole when that reading holds an e-mail address.
 */
const SPACED_RUN = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@._+-] ){5,}[\p{L}\p{N}](?![\p{L}\p{N}])/gu;

const findSpacedOut: Detector = (text) => {
  const found: PiiMatch[] = [];
  for (const c of findAll(SPACED_RUN, text)) {
    const squeezed = c.raw.replace(/ /g, "");
    if (findEmails(squeezed).length > 0) found.push({ type: "email", start: c.start, end: c.end });
    else if (
      /^[+\d]/.test(squeezed) &&
      findPhones(squeezed).some((p) => p.end - p.start === squeezed.length)
    ) {
      found.push({ type: "phone", start: c.start, end: c.end });
    }
  }
  return found;
};

const findIbans: Detector = (text) => {
  const found: PiiMatch[] = [];
  for (const c of findAll(IBAN, text)) {
    // The greedy match may run into a following word or number; cut it to the country's length.
    const chars: number[] = [];
    for (let i = 0; i < c.raw.length; i++) if (/[A-Z0-9]/i.test(c.raw[i]!)) chars.push(i);
    const compacted = compact(c.raw);
    const length = expectedIbanLength(compacted.slice(0, 2));
    if (!length || length > compacted.length || !passesIbanCheck(compacted.slice(0, length))) continue;
    found.push({ type: "iban", start: c.start, end: c.start + chars[length - 1]! + 1 });
  }
  return found;
};

const findCards: Detector = (text) =>
  findAll(CARD, text)
    .filter((c) => {
      const digits = compact(c.raw);
      // Issuers' numbers start with 2-6 (Mastercard, Visa, Amex, Discover, UnionPay, Maestro...).
      return /^[2-6]/.test(digits) && passesLuhn(digits);
    })
    .map((c) => ({ type: "card", ...span(c) }));

function findNationalIds(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const add = (
    candidates: Candidate[],
    scheme: NonNullable<PiiMatch["scheme"]>,
    valid: (v: string) => boolean,
  ) => {
    for (const c of candidates)
      if (valid(compact(c.raw))) found.push({ type: "national_id", scheme, ...span(c) });
  };
  // With "NI number" next to it, a typo in the prefix letters is still somebody's insurance number.
  for (const c of findAll(NINO, text)) {
    const withContext = hasNearby(text, c.start, c.end, NINO_CONTEXT, 30);
    if (isValidNino(compact(c.raw)) || withContext)
      found.push({ type: "national_id", scheme: "uk_nino", ...span(c) });
  }
  add(findAll(NIR, text), "fr_nir", isValidNir);
  add(findAll(CNP, text), "ro_cnp", isValidCnp);
  add(findAll(STEUER_ID, text), "de_steuer_id", isValidSteuerId);
  // Nine letters and digits are common in reference codes, so a bare number needs its check digit or context.
  for (const c of findAll(ID_CARD, text)) {
    if (isIdCardNumber(compact(c.raw), hasNearby(text, c.start, c.end, ID_CARD_CONTEXT, 60))) {
      found.push({ type: "national_id", scheme: "de_id_card", ...span(c) });
    }
  }
  return found;
}

function isIdCardNumber(value: string, withContext: boolean): boolean {
  if (!/\d/.test(value)) return false;
  if (value.length === 10 && computeMrzCheckDigit(value.slice(0, 9)) === Number(value[9])) {
    // Cards issued since 2010 start with one of these letters.
    return withContext || /^[LMNPRTVWXY]/.test(value);
  }
  return withContext && value.length === 9;
}

// Between digits: nothing, one separator, or a separator with a space on either side ("07700 - 900 123",
// "0770_0900_123", "07700|900|123"); dashes and dots of every script are read as "-" and "." first.
const SEP = String.raw`(?:[ .\-/_|~]| [.\-/_|~] ?|[.\-/_|~] )?`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+\-/.])(?:(?:\+|00)[1-9]\d{0,2}${SEP}(?:\(0?\d{0,4}\)${SEP})?|\(0\d{1,4}\)${SEP}|0)\d(?:${SEP}\d){5,13}(?![\p{N}]|[-/.]?\p{L})`,
  "gu",
);
const LOOSE_PHONE = /(?<![\p{L}\p{N}+\-/.])\(?\d{2,4}\)?(?:[ .-]?\d){6,11}(?![\p{N}]|[-/.]?\p{L})/gu;
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
// A run of digits right after "invoice", "dossier", "Aktenzeichen"... is a reference, not a phone number.
const REFERENCE_BEFORE =
  /(?:ref(?:erence)?|r[ée]f[ée]rence|dossier|facture|invoice|order|case|ticket|n°|no\.|nr\.?|rechnung|aktenzeichen|vorgang|kundennummer|bestell\w*|factura|expediente|pedido|dosar\w*|factur[ăa]\w*|[üu]gysz[áa]m|sz[áa]mla\w*|rendel[ée]s\w*)\W{0,3}$/i;

const findPhones: Detector = (text) => {
  const found: PiiMatch[] = [];
  for (const c of findAll(PHONE, text)) {
    const digits = compact(c.raw).replace(/^\+/, "");
    const international = /^(?:\+|00[1-9])/.test(c.raw);
    if (DATE_LIKE.test(c.raw.trim())) continue;
    const contiguous = /^\+?\d+$/.test(c.raw.trim());
    if (contiguous && REFERENCE_BEFORE.test(text.slice(Math.max(0, c.start - 25), c.start))) continue;
    // "00" followed by a bare run of digits is more often a zero-padded reference than a dialling prefix.
    if (contiguous && /^00/.test(c.raw) && digits.length < 12) continue;
    if (international ? digits.length < 8 || digits.length > 15 : digits.length < 9 || digits.length > 13)
      continue;
    found.push({ type: "phone", ...span(c) });
  }
  // Numbers without a trunk zero (Spain, North America) only count when the text talks about a phone.
  for (const c of findAll(LOOSE_PHONE, text)) {
    const digits = compact(c.raw);
    if (digits.length < 9 || digits.length > 12 || DATE_LIKE.test(c.raw.trim())) continue;
    if (hasNearby(text, c.start, c.end, PHONE_CONTEXT)) found.push({ type: "phone", ...span(c) });
  }
  return found;
};

function span(c: Candidate): { start: number; end: number } {
  // Trailing separators are punctuation, not part of the number.
  const trimmed = c.raw.replace(/[\s.\-/_|~]+$/, "");
  return { start: c.start, end: c.start + trimmed.length };
}

// Order matters: the first detector to claim a span wins (a valid NIR is not also reported as a card).
const DETECTORS: Detector[] = [findEmails, findSpacedOut, findIbans, findNationalIds, findCards, findPhones];

/**
 * A copy of the text, the same length, in which look-alike characters are plain ASCII: full-width letters,
 * digits and signs ("０７７００", "＠"), digits of other scripts, dashes, middle dots and odd spaces. Detectors
 * read this copy, so offsets still point into the original.
 */
function toPlainCharacters(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\p{Nd}\p{Pd}\u2212\u00B7\u2022\u2027\u30FB\p{Zs}]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if (/\p{Zs}/u.test(ch)) return " ";
    if (/\p{Pd}|\u2212/u.test(ch)) return "-";
    if (/[\u00B7\u2022\u2027\u30FB]/u.test(ch)) return ".";
    return String(digitValue(code));
  });
}

// Unicode lays each script's digits out as ten consecutive code points from zero.
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  let zero = code;
  while (zero > code - 9 && /\p{Nd}/u.test(String.fromCharCode(zero - 1))) zero -= 1;
  return code - zero;
}

/** Replaces personal identifiers with typed placeholders such as [email] or [iban]; offsets refer to the input. */
export function redactPii(text: string): RedactedText {
  const found: PiiMatch[] = [];
  const plain = toPlainCharacters(text);
  for (const detect of DETECTORS) {
    for (const m of detect(plain)) {
      if (found.some((f) => m.start < f.end && f.start < m.end)) continue;
      found.push(m);
    }
  }
  found.sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const m of found) {
    out += `${text.slice(cursor, m.start)}[${m.type}]`;
    cursor = m.end;
  }
  return { text: out + text.slice(cursor), found };
}
