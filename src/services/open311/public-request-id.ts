/**
 * The public Open311 id of a case: 48 random bits of its UUID in Crockford base 32 plus a check
 * character, e.g. CDP-7K3QX9MPA2Z. Staff references stay sequential (CD-2026-000123) and are never
 * shown by the public API, so counting through them reveals nothing there.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = "CDP-";
const DATA_CHARS = 10;
const PATTERN = /^CDP-?([0-9A-HJKMNP-TV-Z]{10})([0-9A-HJKMNP-TV-Z])$/;

/** Luhn mod 32: catches any single wrong character and most swaps of two neighbours. */
function checkCharacter(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    let value = ALPHABET.indexOf(data[data.length - 1 - i]!);
    if (i % 2 === 0) {
      value *= 2;
      value = Math.floor(value / 32) + (value % 32);
    }
    sum += value;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

export function publicRequestIdOf(caseId: string): string {
  const bits = BigInt(`0x${caseId.replaceAll("-", "").slice(0, 12)}`);
  let data = "";
  for (let i = DATA_CHARS - 1; i >= 0; i--) data += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${PREFIX}${data}${checkCharacter(data)}`;
}

/**
 * The span of case UUIDs a public id stands for (a range scan on the primary key), or null for a
 * malformed id or a wrong check character, which then costs no database work beyond the same query.
 */
export function caseIdRangeOf(publicId: string): { low: string; high: string } | null {
  const m = PATTERN.exec(publicId.trim().toUpperCase());
  if (!m || checkCharacter(m[1]!) !== m[2]) return null;
  let bits = 0n;
  for (const ch of m[1]!) bits = (bits << 5n) | BigInt(ALPHABET.indexOf(ch));
  if (bits >> 48n !== 0n) return null;
  const hex = bits.toString(16).padStart(12, "0");
  const head = `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
  return { low: `${head}-0000-0000-000000000000`, high: `${head}-ffff-ffff-ffffffffffff` };
}
