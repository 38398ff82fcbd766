const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL_PATTERN = /\S+@\S+\.\S+/gu;
// Exports that drop line breaks glue sentences together ("SpechwegGehweg"); a capital after a small
// letter, in any cased script, is taken as a word boundary.
const JOINED_WORDS = /(\p{Ll})(\p{Lu})/gu;
// Accents are folded only on alphabets where they are optional decorations; in Indic or Thai scripts the
// combining marks are vowels and must stay.
const FOLDABLE_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+/gu;

/**
 * Script-level normalisation shared by fitting and prediction: compatibility forms, case, accents,
 * digits (a house number says nothing about the service, its shape might), links and e-mail addresses.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(JOINED_WORDS, "$1 $2")
    .toLowerCase()
    .replace(URL_PATTERN, " ")
    .replace(EMAIL_PATTERN, " ")
    .normalize("NFD")
    .replace(FOLDABLE_MARKS, "$1")
    .normalize("NFC")
    .replace(/ß/gu, "ss")
    .replace(/\p{Nd}/gu, "0");
}

const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;

/** Words as runs of letters, marks and digits; scripts without spaces give long runs that char n-grams cover. */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN_PATTERN) ?? [];
}
