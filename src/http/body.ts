import type { Context, MiddlewareHandler } from "hono";
import { DomainError } from "../domain/errors";

/** Deeper JSON than any honest client sends; the check runs before the parser sees the text. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** NUL and unpaired UTF-16 halves: PostgreSQL cannot store them and no person types them. */
export function isWellFormedText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

export function invalidText(where: string): DomainError {
  return new DomainError("invalid_input", `${where} contains a NUL character or invalid Unicode.`, {
    errors: [{ path: where, message: "NUL characters and unpaired surrogates are not allowed" }],
  });
}

export function bodyTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    "payload_too_large",
    `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  );
}

/**
 * Caps the request body at `maxBytes` while it streams: a declared Content-Length over the cap is refused
 * at once, and a chunked body errors as soon as the count passes it. Nothing is read here, so a route's
 * credential check still runs before any byte of the body is consumed.
 */
export function limitBody(maxBytes: number | ((path: string) => number)): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const max = typeof maxBytes === "number" ? maxBytes : maxBytes(c.req.path);
    const declared = c.req.header("content-length");
    if (declared !== undefined && !c.req.header("transfer-encoding")) {
      if (!/^\d+$/.test(declared)) throw new DomainError("invalid_input", "Content-Length is not a number.");
      if (Number(declared) > max) throw bodyTooLarge(max);
    }
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > max) controller.error(bodyTooLarge(max));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: "half" } as RequestInit);
    await next();
  };
}

/** The body as text; a body cut by limitBody surfaces as its 413 rather than a parse error. */
export async function readBodyText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    const cause = error instanceof DomainError ? error : (error as { cause?: unknown })?.cause;
    if (cause instanceof DomainError) throw cause;
    throw error;
  }
}

/**
 * Parses a JSON body after checking its nesting depth by a plain scan (the parser and every later walk
 * recurse), and refuses any string or key holding NUL or unpaired surrogates.
 */
export async function readJsonBody(c: Context, { optional = false } = {}): Promise<unknown> {
  const text = await readBodyText(c);
  if (!text.trim()) {
    if (optional) return undefined;
    throw new DomainError("invalid_input", "The request body must be a JSON object.");
  }
  return parseJsonText(text);
}

export function parseJsonText(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new DomainError("invalid_input", `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  let bad = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value) => {
      if (!isWellFormedText(key) || (typeof value === "string" && !isWellFormedText(value))) bad = true;
      return value;
    });
  } catch {
    throw new DomainError("invalid_input", "The request body is not valid JSON.");
  }
  if (bad) throw invalidText("body");
  return parsed;
}

/** Deepest bracket nesting outside strings; stops counting once past the limit. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return deepest;
}

/**
 * Refuses a path or query holding NUL, unpaired surrogates or a malformed percent escape, before any
 * route turns it into a database parameter.
 */
export function rejectMalformedUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new DomainError("invalid_input", "The path holds an invalid percent escape.");
    }
    if (!isWellFormedText(path)) throw invalidText("path");
    for (const part of url.search.slice(1).split("&")) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(part.replaceAll("+", " "));
      } catch {
        throw new DomainError("invalid_input", "The query string holds an invalid percent escape.");
      }
      if (!isWellFormedText(decoded)) throw invalidText("query");
    }
    await next();
  };
}
