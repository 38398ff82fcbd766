/**
 * Lower case, no diacritics, straight quotes, no zero-width characters, no stretched letters, single spaces:
 * citizens type "nu respira" as often as "nu respiră".
 */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/ß/g, "ss")
      .replace(/[øǿ]/g, "o")
      .replace(/æ/g, "ae")
      .replace(/œ/g, "oe")
      .replace(/ł/g, "l")
      .replace(/đ/g, "d")
      .replace(/[’‘`´ʼ]/g, "'")
      .replace(/[“”„«»]/g, '"')
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
      // "heeeelp", "pleaaase": stretched letters collapse (the rare real triple, as in "Schifffahrt", loses nothing here).
      .replace(/(\p{L})\1{2,}/gu, "$1")
      .replace(/\s+/g, " ")
      // "Lampe Nr. 13 brennt nicht" is one sentence: rules that look within a sentence must not stop at "Nr.".
      .replace(/\b(nr|no|st|str|dr|mr|mrs|ms|ca|bzw|etc|ggf|vs)\./g, "$1")
      .trim()
  );
}

// Cyrillic and Greek letters that look like Latin ones, used to dodge keyword filters.
const LOOKALIKES: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  х: "x",
  у: "y",
  і: "i",
  ј: "j",
  ѕ: "s",
  к: "k",
  м: "m",
  т: "t",
  в: "b",
  н: "h",
  ο: "o",
  α: "a",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  τ: "t",
  ρ: "p",
};
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

/**
 * Variants of an already folded text that undo common obfuscation: look-alike letters, leetspeak,
 * s p a c e d  o u t letters, reversed text, ROT13 and base64 payloads.
 */
export function deobfuscate(raw: string, folded: string): string[] {
  const variants = new Set<string>();
  const latin = folded.replace(/[\u0370-\u03FF\u0400-\u04FF]/g, (ch) => LOOKALIKES[ch] ?? ch);
  variants.add(latin);
  if (/[a-z][0-9@$!]|[0-9@$!][a-z]/.test(latin)) {
    variants.add(latin.replace(/[013457@$!]/g, (ch) => LEET[ch] ?? ch));
  }
  // Spaced-out words keep a wider gap between them, so collapse each segment between wide gaps separately.
  const spaced = raw
    .toLowerCase()
    .split(/\s{2,}|\s*[/|]\s*/)
    .map((segment) =>
      segment.replace(/(?:\b\p{L}[ .\-_*+]){2,}\p{L}\b/gu, (run) => run.replace(/[^\p{L}]/gu, "")),
    )
    .join(" ");
  if (spaced !== raw.toLowerCase()) variants.add(foldText(spaced));
  variants.add([...latin].reverse().join(""));
  variants.add(
    latin.replace(/[a-z]/g, (ch) => String.fromCharCode(((ch.charCodeAt(0) - 97 + 13) % 26) + 97)),
  );
  for (const decoded of decodeBase64Runs(raw)) variants.add(foldText(decoded));
  variants.delete(folded);
  return [...variants];
}

function decodeBase64Runs(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) out.push(...tryDecode(m[0]));
  return out;
}

function tryDecode(candidate: string): string[] {
  try {
    const decoded = atob(candidate);
    return /^[\x20-\x7E\s]+$/.test(decoded) ? [decoded] : [];
  } catch {
    return [];
  }
}
