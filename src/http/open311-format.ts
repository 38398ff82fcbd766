export type Open311Format = "json" | "xml";

export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  json: "application/json; charset=utf-8",
  xml: "text/xml; charset=utf-8",
};

/** A value of a GeoReport document: JSON-like, with `undefined` members left out. */
export type Open311Value =
  | string
  | number
  | boolean
  | null
  | Open311Value[]
  | { [key: string]: Open311Value | undefined };

/** XML wraps each list in a plural element and each member in its singular one, as the specification does. */
const MEMBER_ELEMENT: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
  errors: "error",
};

const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/;

/** Splits "services.xml" into the resource name and the format; an unknown format gives null. */
export function splitFormat(file: string): { name: string; format: Open311Format | null } {
  const dot = file.lastIndexOf(".");
  if (dot <= 0) return { name: file, format: null };
  const extension = file.slice(dot + 1).toLowerCase();
  const format = extension === "json" || extension === "xml" ? extension : null;
  return { name: file.slice(0, dot), format };
}

/** Serialises a document; `root` names the XML root element (JSON has none, lists are top-level arrays). */
export function renderOpen311(format: Open311Format, root: string, body: Open311Value): string {
  if (format === "json") return JSON.stringify(body);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body)}`;
}

function element(name: string, value: Open311Value | undefined): string {
  if (!ELEMENT_NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === undefined) return "";
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const member = MEMBER_ELEMENT[name];
    if (!member) throw new Error(`no member element is defined for the list ${name}`);
    return `<${name}>${value.map((v) => element(member, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value)
      .map(([key, v]) => element(key, v))
      .join("");
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

// Characters XML 1.0 cannot carry at all, even escaped: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
