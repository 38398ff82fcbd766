import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The published GeoReport v2 schemas, read where the repository's sibling `shared` folder keeps them. */
export const OPEN311_SCHEMA_DIR = fileURLToPath(
  new URL("../../../../shared/open311/georeport-v2", import.meta.url),
);

export function hasOpen311Schemas(): boolean {
  return existsSync(join(OPEN311_SCHEMA_DIR, "services.json"));
}

type Schema = { [keyword: string]: unknown };

/**
 * A validator for the part of JSON Schema the published files use. A keyword it does not know makes it
 * throw, so a schema that grows a new rule cannot pass unchecked.
 */
export class Open311Schemas {
  private readonly files = new Map<string, Schema>();

  private file(name: string): Schema {
    let schema = this.files.get(name);
    if (!schema) {
      schema = JSON.parse(readFileSync(join(OPEN311_SCHEMA_DIR, name), "utf8")) as Schema;
      this.files.set(name, schema);
    }
    return schema;
  }

  /** Problems found in `value` against a schema file, or a Swagger definition as "swagger.json#Name". */
  validate(value: unknown, target: string, options: { closed?: boolean } = {}): string[] {
    const [file, definition] = target.split("#") as [string, string | undefined];
    const root = this.file(file);
    const schema = definition ? this.definition(root, definition) : root;
    const problems: string[] = [];
    this.check(value, schema, root, "$", options.closed ?? true, problems);
    return problems;
  }

  private definition(root: Schema, name: string): Schema {
    const found = (root.definitions as Record<string, Schema> | undefined)?.[name];
    if (!found) throw new Error(`no definition ${name}`);
    return found;
  }

  private check(value: unknown, schema: Schema, root: Schema, path: string, closed: boolean, out: string[]) {
    for (const [keyword, rule] of Object.entries(schema)) {
      switch (keyword) {
        case "description":
        case "examples":
          break;
        case "$ref": {
          const ref = String(rule);
          if (ref.startsWith("#/definitions/")) {
            this.check(value, this.definition(root, ref.slice(14)), root, path, closed, out);
          } else {
            const target = this.file(ref);
            this.check(value, target, target, path, closed, out);
          }
          break;
        }
        case "type":
          if (!hasType(value, String(rule)))
            out.push(`${path}: expected ${String(rule)}, got ${JSON.stringify(value)}`);
          break;
        case "enum":
          if (!(rule as unknown[]).includes(value))
            out.push(`${path}: ${JSON.stringify(value)} is not one of the enum`);
          break;
        case "required":
          if (isObject(value)) {
            for (const key of rule as string[])
              if (!(key in value)) out.push(`${path}: missing required ${key}`);
          }
          break;
        case "properties":
          if (isObject(value)) {
            const properties = rule as Record<string, Schema>;
            for (const [key, member] of Object.entries(value)) {
              const sub = properties[key];
              if (sub) this.check(member, sub, root, `${path}.${key}`, closed, out);
              else if (closed) out.push(`${path}: ${key} is not a field of the published schema`);
            }
          }
          break;
        case "items":
          if (Array.isArray(value)) {
            value.forEach((item, i) => {
              this.check(item, rule as Schema, root, `${path}[${i}]`, closed, out);
            });
          }
          break;
        case "anyOf": {
          const branches = rule as Schema[];
          const passes = branches.some((branch) => {
            const branchProblems: string[] = [];
            this.check(value, branch, root, path, closed, branchProblems);
            return branchProblems.length === 0;
          });
          if (!passes) out.push(`${path}: ${JSON.stringify(value)} matches none of anyOf`);
          break;
        }
        case "maxLength":
          if (typeof value === "string" && [...value].length > Number(rule))
            out.push(`${path}: longer than ${rule}`);
          break;
        case "minItems":
          if (Array.isArray(value) && value.length < Number(rule))
            out.push(`${path}: fewer than ${rule} items`);
          break;
        case "uniqueItems":
          if (rule === true && Array.isArray(value)) {
            const seen = new Set(value.map((v) => JSON.stringify(v)));
            if (seen.size !== value.length) out.push(`${path}: items are not unique`);
          }
          break;
        case "format":
          if (!hasFormat(value, String(rule))) out.push(`${path}: ${JSON.stringify(value)} is not a ${rule}`);
          break;
        default:
          throw new Error(`schema keyword ${keyword} at ${path} is not supported by this validator`);
      }
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      throw new Error(`unknown type ${type}`);
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function hasFormat(value: unknown, format: string): boolean {
  switch (format) {
    case "date-time":
      return typeof value !== "string" || (RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
    case "uri":
      if (typeof value !== "string") return true;
      if (!/^[a-z][a-z\d+.-]*:/i.test(value)) return false;
      try {
        new URL(value);
        return true;
      } catch {
        return false;
      }
    // Swagger's own formats: "uid" is an opaque identifier, "double" a number, "uint" an integer ≥ 0.
    case "uid":
      return true;
    case "double":
      return typeof value !== "string";
    case "uint":
      return typeof value !== "number" || (Number.isInteger(value) && value >= 0);
    default:
      throw new Error(`unknown format ${format}`);
  }
}

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * A strict parser for the XML the API writes: the UTF-8 declaration, then one element tree without
 * attributes, comments or mixed content. Anything else, or a tag left open, throws.
 */
export function parseOpen311Xml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(xml);
  if (!declaration) throw new Error("missing the XML declaration with encoding utf-8");
  let at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let text = "";

  const decode = (raw: string) => {
    if (/[<>]/.test(raw)) throw new Error(`unescaped markup in text at ${at}`);
    return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
      if (!whole.endsWith(";")) throw new Error(`unterminated entity at ${at}`);
      if (name in ENTITIES) return ENTITIES[name]!;
      const numeric = /^#(x[\da-f]+|\d+)$/i.exec(name);
      if (!numeric) throw new Error(`unknown entity &${name}; at ${at}`);
      const n = numeric[1]!;
      return String.fromCodePoint(n[0] === "x" || n[0] === "X" ? Number.parseInt(n.slice(1), 16) : Number(n));
    });
  };

  while (at < xml.length) {
    const open = xml.indexOf("<", at);
    const chunk = xml.slice(at, open === -1 ? xml.length : open);
    if (stack.length === 0) {
      if (chunk.trim() !== "") throw new Error(`text outside the root element at ${at}`);
    } else {
      text += decode(chunk);
    }
    if (open === -1) break;
    const close = xml.indexOf(">", open);
    if (close === -1) throw new Error(`unterminated tag at ${open}`);
    const tag = xml.slice(open + 1, close);
    at = close + 1;
    const closing = /^\/([A-Za-z_][\w.-]*)$/.exec(tag);
    const opening = /^([A-Za-z_][\w.-]*)(\/?)$/.exec(tag);
    if (closing) {
      const current = stack.pop();
      if (!current || current.name !== closing[1])
        throw new Error(`</${closing[1]}> does not close <${current?.name}>`);
      if (current.children.length > 0 && text.trim() !== "")
        throw new Error(`mixed content in <${current.name}>`);
      current.text = current.children.length > 0 ? "" : text;
      text = "";
      if (stack.length === 0) root = current;
    } else if (opening) {
      if (stack.length === 0 && root) throw new Error("more than one root element");
      const parent = stack.at(-1);
      if (parent && text.trim() !== "") throw new Error(`mixed content in <${parent.name}>`);
      text = "";
      const element: XmlElement = { name: opening[1]!, children: [], text: "" };
      parent?.children.push(element);
      if (opening[2]) {
        if (!parent) root = element;
      } else {
        stack.push(element);
      }
    } else {
      throw new Error(`unsupported markup <${tag}>`);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error("no root element");
  return root;
}

/** GeoReport v2 list elements and the element of each member, as the specification's examples show them. */
const LISTS: Record<string, string> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
  errors: "error",
};

/** The XML tree read back as JSON would carry it, with every scalar as its text (null as ""). */
export function xmlToComparable(element: XmlElement): unknown {
  const member = LISTS[element.name];
  if (member) {
    for (const child of element.children) {
      if (child.name !== member)
        throw new Error(`<${element.name}> holds <${child.name}>, expected <${member}>`);
    }
    return element.children.map(xmlToComparable);
  }
  if (element.children.length === 0) return element.text;
  const object: Record<string, unknown> = {};
  for (const child of element.children) {
    if (child.name in object) throw new Error(`<${element.name}> repeats <${child.name}>`);
    object[child.name] = xmlToComparable(child);
  }
  return object;
}

/** A JSON document in the same shape: scalars as text, null as "", lists and objects kept. */
export function jsonToComparable(value: unknown): unknown {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(jsonToComparable);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, jsonToComparable(v)]));
  }
  return String(value);
}
