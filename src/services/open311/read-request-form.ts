const ATTRIBUTE_KEY = /^attribute\[([^\][]+)\](\[\])?$/;

/**
 * Turns the form fields of a GeoReport POST into the submit verb's input. `attribute[CODE]=v` gives a value,
 * `attribute[CODE][]=v` (or the same code repeated) a list; other empty fields count as absent, as the
 * specification asks, and the first non-empty value of a repeated field wins.
 */
export function readRequestForm(pairs: Iterable<[string, string]>): Record<string, unknown> {
  const fields: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const attribute = ATTRIBUTE_KEY.exec(key);
    if (attribute) {
      const code = attribute[1]!;
      const previous = attributes[code];
      if (attribute[2] || previous !== undefined) {
        attributes[code] = [
          ...(previous === undefined ? [] : Array.isArray(previous) ? previous : [previous]),
          value,
        ];
      } else {
        attributes[code] = value;
      }
      continue;
    }
    if (value.trim() !== "" && !(key in fields)) fields[key] = value;
  }
  return { ...fields, attributes };
}
