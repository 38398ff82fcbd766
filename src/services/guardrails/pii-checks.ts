/** Check-digit and structure rules for the identifiers redactPii looks for; input is digits/letters only. */

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// IBAN length per country (ISO 13616 registry); a country code outside this table is not an IBAN.
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

export function expectedIbanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1. */
export function passesIbanCheck(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** UK National Insurance number: prefix letters from the allocated set, six digits, suffix A-D. */
export function isValidNino(value: string): boolean {
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(value);
  if (!m) return false;
  const [, first, second] = m as unknown as [string, string, string];
  if ("DFIQUV".includes(first) || "DFIOQUV".includes(second)) return false;
  return !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].includes(first + second);
}

/** French NIR: 13 characters (Corsica's 2A/2B count as 19/18) and a key equal to 97 - (number mod 97). */
export function isValidNir(value: string): boolean {
  const m = /^([12378]\d{4})(\d{2}|2A|2B)(\d{6})(\d{2})$/.exec(value);
  if (!m) return false;
  const [, head, dept, tail, key] = m as unknown as [string, string, string, string, string];
  const month = Number(head.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || month > 99) return false;
  const deptDigits = dept === "2A" ? "19" : dept === "2B" ? "18" : dept;
  const number = BigInt(head + deptDigits + tail);
  return 97n - (number % 97n) === BigInt(key);
}

/** Romanian CNP: sex/century digit, birth date, county, serial and a weighted mod-11 control digit. */
export function isValidCnp(value: string): boolean {
  if (!/^[1-9]\d{12}$/.test(value)) return false;
  const month = Number(value.slice(3, 5));
  const day = Number(value.slice(5, 7));
  const county = Number(value.slice(7, 9));
  if (month < 1 || month > 12 || day < 1 || day > 31 || county < 1 || county > 52) return false;
  const weights = "279146358279";
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(value[i]) * Number(weights[i]);
  const control = sum % 11 === 10 ? 1 : sum % 11;
  return control === Number(value[12]);
}

/** German tax id (Steuer-ID): no leading zero, one digit repeated two or three times, ISO 7064 MOD 11,10. */
export function isValidSteuerId(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const d of value.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  let product = 10;
  for (const d of value.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product === 10 ? 0 : 11 - product;
  return check === Number(value[10]);
}

/** ICAO 9303 check digit (weights 7, 3, 1; letters A=10..Z=35), as printed after a German ID card number. */
export function computeMrzCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const v = ch >= "A" && ch <= "Z" ? ch.charCodeAt(0) - 55 : Number(ch);
    sum += v * weights[i % 3]!;
  }
  return sum % 10;
}
