export type ExtractedLocation =
  | { kind: "coordinates"; lat: number; long: number }
  | { kind: "address"; address: string };

const COORDINATES =
  /(?<![\d.])(-?\d{1,2}(?:\.\d+)?)\s*°?\s*[NS]?\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*°?\s*[EW]?(?![\d.])/i;

/** Street types written after the name (English, and German compounds written apart). */
const SUFFIXES = [
  "street",
  "st",
  "road",
  "rd",
  "avenue",
  "ave",
  "lane",
  "ln",
  "way",
  "drive",
  "dr",
  "close",
  "crescent",
  "place",
  "square",
  "terrace",
  "hill",
  "parade",
  "gardens",
  "grove",
  "row",
  "court",
  "walk",
  "mews",
  "boulevard",
  "embankment",
  "quay",
  "wharf",
  "green",
  "rise",
  "park",
  "strasse",
  "straße",
  "weg",
  "gasse",
  "platz",
  "allee",
  "ring",
  "damm",
  "ufer",
];
/** Street types written before the name (French, Romanian, Spanish, Italian, German "Am ..."). */
const PREFIXES = [
  "rue",
  "avenue",
  "boulevard",
  "bd",
  "place",
  "chemin",
  "impasse",
  "allée",
  "allee",
  "quai",
  "route",
  "cours",
  "strada",
  "str",
  "bulevardul",
  "calea",
  "piața",
  "piata",
  "aleea",
  "șoseaua",
  "soseaua",
  "splaiul",
  "intrarea",
  "calle",
  "avenida",
  "plaza",
  "paseo",
  "camino",
  "carrer",
  "viale",
  "piazza",
];
/** Small words that may sit inside a street name ("rue de la Paix", "Calle de los Reyes"). */
const CONNECTORS = new Set([
  "de",
  "la",
  "le",
  "les",
  "du",
  "des",
  "d",
  "l",
  "del",
  "los",
  "las",
  "di",
  "della",
  "lui",
  "cel",
]);
/** Words that end a name even when capitalised at the start of a sentence. */
const STOP_WORDS = new Set([
  "the",
  "a",
  "an",
  "my",
  "our",
  "this",
  "that",
  "outside",
  "near",
  "on",
  "at",
  "in",
  "by",
  "i",
  "it",
  "no",
  "yes",
  "there",
  "please",
  "hi",
  "hello",
]);

const WORD = "[\\p{L}][\\p{L}'’.-]*";
const NUMBER = "\\d{1,4}[a-zA-Z]?";
const HOUSE_NUMBER_AFTER = `(?:,?\\s*(?:nr\\.?|no\\.?|number|numărul|numero|núm\\.?)?\\s*${NUMBER}\\b)?`;

const suffixGroup = SUFFIXES.join("|");
// Either case for the first letter only: "Street" and "street", but the name before it stays capitalised.
const suffixGroupCased = SUFFIXES.map((s) => `[${s[0]!.toUpperCase()}${s[0]}]${s.slice(1)}`).join("|");
const prefixGroup = PREFIXES.join("|");

// "12 Elm Street", "12, Elm St"
const NUMBER_FIRST = new RegExp(
  `\\b(${NUMBER})\\s*,?\\s+((?:${WORD}\\s+){0,3}?(?:${suffixGroup}))\\b\\.?`,
  "iu",
);
// "Elm Street 12", "Bridge Street", "Elm Street nr. 12"; the name must be capitalised.
const NAME_FIRST = new RegExp(
  `((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}(?:${suffixGroupCased}))(?!\\p{L})\\.?(${HOUSE_NUMBER_AFTER})`,
  "gu",
);
// "Bahnhofstraße 5", "Mühlenweg"
const GERMAN_COMPOUND = new RegExp(
  `\\b(\\p{Lu}\\p{L}+(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer))(?!\\p{L})(\\s+${NUMBER}\\b)?`,
  "u",
);
// "12 rue de la Paix", "strada Mihai Eminescu nr. 5", "calle Mayor 3"
const PREFIX_FIRST = new RegExp(
  `(?:\\b(${NUMBER}),?\\s+)?\\b(${prefixGroup})\\.?\\s+((?:${WORD}\\s*){1,6})`,
  "iu",
);

/**
 * Finds where a problem is from the citizen's own words: coordinates ("51.5, -0.12") or a street
 * address or street name. Place names without a street ("by the park gate") are left for the
 * intake to ask about, because guessing them wrongly sends a crew to the wrong place.
 */
export function extractLocation(text: string): ExtractedLocation | null {
  const coordinates = COORDINATES.exec(text);
  if (coordinates) {
    const lat = Number(coordinates[1]);
    const long = Number(coordinates[2]);
    // Both parts with decimals, three decimal digits in all: "2.5, 3" is a measurement, "51.5, -0.12" a place.
    const decimals = [coordinates[1]!, coordinates[2]!].map((part) => part.split(".")[1]?.length ?? 0);
    const looksLikeCoordinates = decimals.every((d) => d > 0) && decimals[0]! + decimals[1]! >= 3;
    if (looksLikeCoordinates && Math.abs(lat) <= 90 && Math.abs(long) <= 180)
      return { kind: "coordinates", lat, long };
  }
  const address = findAddress(text);
  return address ? { kind: "address", address } : null;
}

function findAddress(text: string): string | null {
  const numberFirst = NUMBER_FIRST.exec(text);
  if (numberFirst && !startsWithStopWord(numberFirst[2]!)) return tidy(`${numberFirst[1]} ${numberFirst[2]}`);

  const prefixed = PREFIX_FIRST.exec(text);
  if (prefixed) {
    const tail = text.slice(prefixed.index + prefixed[0].length - prefixed[3]!.length);
    const name = takeNameWords(tail);
    if (name) {
      const rest = tail.slice(tail.indexOf(name) + name.length);
      const houseNumber = new RegExp(`^${HOUSE_NUMBER_AFTER}`, "iu").exec(rest)?.[0] ?? "";
      return tidy(`${prefixed[1] ? `${prefixed[1]} ` : ""}${prefixed[2]} ${name}${houseNumber}`);
    }
  }

  const compound = GERMAN_COMPOUND.exec(text);
  if (compound) return tidy(`${compound[1]}${compound[2] ?? ""}`);

  for (const m of text.matchAll(NAME_FIRST)) {
    const words = m[1]!.trim().split(/\s+/);
    // Keep the capitalised run just before the street type ("The lamp on Bridge Street" → "Bridge Street").
    let start = words.length - 1;
    while (
      start > 0 &&
      /^\p{Lu}/u.test(words[start - 1]!) &&
      !STOP_WORDS.has(words[start - 1]!.toLowerCase())
    )
      start--;
    const name = words.slice(start);
    if (name.length < 2 || !/^\p{Lu}/u.test(name[0]!)) continue;
    return tidy(`${name.join(" ")}${m[2] ?? ""}`);
  }
  return null;
}

/** Capitalised words and connectors after a prefix type: "de la Paix depuis hier" → "de la Paix". */
function takeNameWords(tail: string): string | null {
  const words = tail.split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[,.;:!?]+$/, "");
    const isName = /^\p{Lu}/u.test(word) || /^\d/.test(word);
    if (!isName && !CONNECTORS.has(word.toLowerCase().replace(/['’]$/, ""))) break;
    taken.push(word);
    if (word !== raw) break;
  }
  while (taken.length > 0 && CONNECTORS.has(taken.at(-1)!.toLowerCase())) taken.pop();
  if (!taken.some((w) => /^\p{Lu}/u.test(w))) return null;
  return taken.join(" ");
}

function startsWithStopWord(name: string): boolean {
  return STOP_WORDS.has(name.trim().split(/\s+/)[0]!.toLowerCase());
}

function tidy(address: string): string {
  return address
    .replace(/\s+/g, " ")
    .replace(/[\s,]+$/, "")
    .trim();
}
