/** Words for money, per language: [major unit, minor unit]. */
const CURRENCY: Record<string, Record<string, [string, string]>> = {
  "£": {
    en: ["pounds", "pence"],
    fr: ["livres", "pence"],
    ro: ["lire", "penny"],
    de: ["Pfund", "Pence"],
    es: ["libras", "peniques"],
    hu: ["font", "penny"],
  },
  "€": {
    en: ["euros", "cents"],
    fr: ["euros", "centimes"],
    ro: ["euro", "cenți"],
    de: ["Euro", "Cent"],
    es: ["euros", "céntimos"],
    hu: ["euró", "cent"],
  },
  $: {
    en: ["dollars", "cents"],
    fr: ["dollars", "cents"],
    ro: ["dolari", "cenți"],
    de: ["Dollar", "Cent"],
    es: ["dólares", "centavos"],
    hu: ["dollár", "cent"],
  },
};
const AND: Record<string, string> = { en: "and", fr: "et", ro: "și", de: "und", es: "y", hu: "és" };

export interface VoiceRenderOptions {
  lang: string;
  /** Longest reply spoken, in characters; whole sentences are kept up to it. */
  maxChars?: number;
}

/**
 * The assistant's written reply made fit for the ear: no links, lists or markup; phone numbers and
 * case references read digit by digit in groups; times and prices as people say them; a few sentences.
 */
export function renderForVoice(text: string, options: VoiceRenderOptions): string {
  const { lang } = options;
  const maxChars = options.maxChars ?? 320;
  let out = text
    .replace(/\[([^\]]+)\]\((?:https?:\/\/|\/)[^)]*\)/g, "$1")
    .replace(/\(?\s*(?:https?:\/\/|www\.)\S+\s*\)?/gi, "")
    .replace(/[*_`#>]+/g, "")
    .replace(/\u2013|\u2014/g, " to ");
  // List lines become one sentence each, so nothing is read as "dash" or "one full stop".
  out = out
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-•·]|\d+[.)])\s+/, "").trim())
    .filter(Boolean)
    .map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`))
    .join(" ");
  out = out.replace(/(?<![\d:])(\+?\d[\d ]{6,}\d)(?![\d:])/g, (match) => readPhoneNumber(match));
  out = out.replace(
    /\b([A-Z]{2,4})-(\d{4})-(\d{3,8})\b/g,
    (_m, prefix: string, year: string, serial: string) =>
      [prefix.split("").join(" "), spellDigits(year), spellDigits(serial)].join(", "),
  );
  out = out.replace(
    /([£€$])\s?(\d+)(?:[.,](\d{2}))?\b/g,
    (_m, symbol: string, major: string, minor?: string) => readPrice(symbol, major, minor, lang),
  );
  out = out.replace(/\b(\d{1,2})[:.](\d{2})\b(?!\s?(?:am|pm))/gi, (match, h: string, m: string) =>
    Number(h) > 24 || Number(m) > 59 ? match : readTime(Number(h), Number(m), lang),
  );
  out = out
    .replace(/\s+([.,!?;:])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .replace(/:\s*\./g, ".")
    .trim();
  return shorten(out, maxChars);
}

/** "CD-2026-000123" or "012" → "0 1 2": one digit at a time. */
export function spellDigits(digits: string): string {
  return digits.replace(/\D/g, "").split("").join(" ");
}

function readPhoneNumber(number: string): string {
  const groups = number.trim().split(/\s+/);
  const spoken = (groups.length > 1 ? groups : chunk(groups[0] ?? "", 3)).map((g) =>
    g
      .replace(/^\+/, "plus ")
      .replace(/\d/g, (d) => `${d} `)
      .trim(),
  );
  return spoken.join(", ");
}

function chunk(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

function readPrice(symbol: string, major: string, minor: string | undefined, lang: string): string {
  const [big, small] = CURRENCY[symbol]?.[lang] ?? CURRENCY[symbol]?.en ?? ["", ""];
  const whole = `${Number(major)} ${big}`;
  if (!minor || Number(minor) === 0) return whole;
  return `${whole} ${AND[lang] ?? AND.en} ${Number(minor)} ${small}`;
}

function readTime(hours: number, minutes: number, lang: string): string {
  if (lang === "en") {
    const suffix = hours < 12 || hours === 24 ? "am" : "pm";
    const h = hours % 12 === 0 ? 12 : hours % 12;
    if (hours === 12 && minutes === 0) return "noon";
    return minutes === 0 ? `${h} ${suffix}` : `${h}:${String(minutes).padStart(2, "0")} ${suffix}`;
  }
  // Other languages say the 24-hour clock; the leading zero only trips up speech engines.
  return minutes === 0 ? `${hours}:00` : `${hours}:${String(minutes).padStart(2, "0")}`;
}

function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [text];
  let kept = "";
  for (const sentence of sentences) {
    if (kept && kept.length + sentence.length > maxChars) break;
    kept += sentence;
  }
  return kept.trim();
}
