const EARTH_RADIUS_METRES = 6_371_008.8;

export interface Point {
  lat: number;
  long: number;
}

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

const ABBREVIATIONS: Record<string, string> = {
  st: "street",
  str: "strada",
  rd: "road",
  ave: "avenue",
  av: "avenue",
  ln: "lane",
  dr: "drive",
  cl: "close",
  ct: "court",
  cres: "crescent",
  pl: "place",
  sq: "square",
  bd: "bulevardul",
  bvd: "boulevard",
  blvd: "boulevard",
  nr: "",
  no: "",
  number: "",
};

/**
 * A comparable form of an address: "12, Elm St.", "12 elm street" and "Elm Street nr. 12" become the
 * same string (words are sorted because countries put the house number on either side).
 */
export function normalizeAddress(address: string): string {
  return address
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map((word) => ABBREVIATIONS[word] ?? word)
    .filter(Boolean)
    .sort()
    .join(" ");
}
