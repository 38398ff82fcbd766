import { basename, dirname } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { DomainError, type FieldError } from "../../domain/errors";
import { describeLanguage } from "../language/language-codes";
import { ARTICLE_STATUSES, ArticleInput } from "./article-input";

/** Larger files are refused: no council page is this long, and chunking and embedding stay bounded. */
const MAX_ARTICLE_FILE_BYTES = 1024 * 1024;

const FIELDS = [
  "id",
  "lang",
  "title",
  "category",
  "service",
  "department",
  "url",
  "owner",
  "reviewed",
  "status",
] as const;
type Field = (typeof FIELDS)[number];
/** Per-language fields: a mapping from a language code to a title, or to a list of search terms. */
const LANGUAGE_FIELDS = ["titles", "terms"] as const;

const FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Reads one `knowledge/<lang>/<id>.md` file (YAML front matter, then the Markdown body). Every
 * failure is a DomainError("invalid_input") whose message starts with the file's path.
 */
export function parseArticleFile(file: { path: string; text: string }): ArticleInput {
  const fail = (message: string, errors?: FieldError[]) => invalidFile(file.path, message, errors);
  checkArticleFileSize(file.path, Buffer.byteLength(file.text, "utf8"));

  const lines = file.text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---")
    fail("the file must start with a '---' line that opens the YAML front matter");
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) fail("the front matter opened on line 1 is never closed with a '---' line");

  const { meta, titles, terms } = readFrontMatter(file.path, lines.slice(1, close).join("\n"));
  const body = lines
    .slice(close + 1)
    .join("\n")
    .trim();

  const id = meta.id;
  const lang = meta.lang;
  if (!id) fail("front matter field 'id' is required", [{ path: "id", message: "required" }]);
  if (!meta.title) fail("front matter field 'title' is required", [{ path: "title", message: "required" }]);
  if (!lang) fail("front matter field 'lang' is required", [{ path: "lang", message: "required" }]);

  if (!/^[a-z]{2}$/.test(lang!) || !describeLanguage(lang!))
    fail(`'${lang}' is not a known two-letter ISO 639-1 language code`, [
      { path: "lang", message: "unknown language" },
    ]);
  const folder = basename(dirname(file.path));
  if (folder !== lang)
    fail(`lang '${lang}' does not match the folder '${folder}/'; put the file in knowledge/${lang}/`, [
      { path: "lang", message: "does not match the folder" },
    ]);
  const fileId = basename(file.path).replace(/\.md$/i, "");
  if (fileId !== id)
    fail(`id '${id}' does not match the file name; name the file '${id}.md'`, [
      { path: "id", message: "does not match the file name" },
    ]);
  if (!body) fail("the article has no body after the front matter", [{ path: "body", message: "empty" }]);

  if (meta.status && !(ARTICLE_STATUSES as readonly string[]).includes(meta.status))
    fail(`status '${meta.status}' is not one of ${ARTICLE_STATUSES.join(", ")}`, [
      { path: "status", message: "unknown status" },
    ]);
  if (meta.url && !/^https?:\/\/\S+$/.test(meta.url))
    fail(`url '${meta.url}' is not an http(s) address`, [{ path: "url", message: "not an http(s) URL" }]);
  for (const [field, byLang] of [
    ["titles", titles],
    ["terms", terms],
  ] as const) {
    for (const code of Object.keys(byLang ?? {})) {
      if (!/^[a-z]{2}$/.test(code) || !describeLanguage(code))
        fail(`'${code}' in '${field}' is not a known two-letter ISO 639-1 language code`, [
          { path: `${field}.${code}`, message: "unknown language" },
        ]);
    }
  }
  if (titles && lang && titles[lang] !== undefined)
    fail(`'titles' repeats the article's own language '${lang}'; its title is the 'title' field`, [
      { path: `titles.${lang}`, message: "same language as the article" },
    ]);
  if (meta.reviewed && !isIsoDate(meta.reviewed))
    fail(`reviewed '${meta.reviewed}' is not a date written YYYY-MM-DD`, [
      { path: "reviewed", message: "not a YYYY-MM-DD date" },
    ]);

  const parsed = ArticleInput.safeParse({
    articleId: id,
    lang,
    title: meta.title,
    body,
    url: meta.url,
    category: meta.category,
    service: meta.service,
    department: meta.department,
    owner: meta.owner,
    reviewed: meta.reviewed,
    status: meta.status,
    ...(titles ? { titles } : {}),
    ...(terms ? { terms } : {}),
    sourcePath: file.path,
  });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: issue.path.join(".") === "articleId" ? "id" : issue.path.join("."),
      message: issue.message,
    }));
    return fail(errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
  }
  return parsed.data;
}

/** Throws for a file over the size cap; callers that can stat a file use it before reading it. */
export function checkArticleFileSize(path: string, bytes: number): void {
  if (bytes > MAX_ARTICLE_FILE_BYTES)
    invalidFile(
      path,
      `the file is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_ARTICLE_FILE_BYTES)} an article may have; split it into several articles`,
    );
}

interface FrontMatter {
  meta: Partial<Record<Field, string>>;
  titles?: Record<string, string>;
  terms?: Record<string, string[]>;
}

/** The front matter: known single-value fields as non-empty strings, and the per-language mappings. */
function readFrontMatter(path: string, source: string): FrontMatter {
  const fail = (message: string, errors?: FieldError[]) => invalidFile(path, message, errors);
  let value: unknown;
  try {
    // The failsafe schema keeps every scalar a string: ids like 2024 or dates stay as written.
    value = parseYaml(source, { schema: "failsafe", uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    // The front matter starts on the file's second line.
    const where = error.linePos ? ` on line ${error.linePos[0].line + 1}` : "";
    const hint = /mapping/i.test(reason) ? " (quote values that contain ': ')" : "";
    return fail(`the front matter is not valid YAML${where}: ${reason}${hint}`);
  }
  if (value === null || value === undefined) return { meta: {} };
  if (typeof value !== "object" || Array.isArray(value))
    return fail("the front matter must be a YAML mapping of 'field: value' lines");

  const out: FrontMatter = { meta: {} };
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (key === "titles") {
      out.titles = readLanguageMap(path, key, raw, (text) => text);
      continue;
    }
    if (key === "terms") {
      out.terms = readLanguageMap(path, key, raw, (text) =>
        text
          .split(",")
          .map((term) => term.trim())
          .filter(Boolean),
      );
      continue;
    }
    if (!(FIELDS as readonly string[]).includes(key))
      fail(`unknown front matter field '${key}' (known: ${[...FIELDS, ...LANGUAGE_FIELDS].join(", ")})`, [
        { path: key, message: "unknown field" },
      ]);
    if (typeof raw !== "string")
      fail(`front matter field '${key}' must be a single value, not a list or mapping`, [
        { path: key, message: "not a single value" },
      ]);
    const text = (raw as string).trim();
    if (text) out.meta[key as Field] = text;
  }
  return out;
}

/**
 * `titles: {de: ..., fr: ...}` or `terms: {de: [a, b], fr: "a, b"}`: a mapping from language codes to
 * a text or (for terms) a list; a text of terms is split at commas. Empty entries are dropped.
 */
function readLanguageMap<T extends string | string[]>(
  path: string,
  field: string,
  raw: unknown,
  fromText: (text: string) => T,
): Record<string, T> | undefined {
  const fail = (message: string) =>
    invalidFile(path, message, [{ path: field, message: "not a language mapping" }]);
  if (typeof raw === "string" && raw.trim() === "") return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return fail(
      `front matter field '${field}' must map language codes to values, e.g. '${field}: {de: ...}'`,
    );
  const out: Record<string, T> = {};
  for (const [code, entry] of Object.entries(raw as Record<string, unknown>)) {
    let value: T;
    if (typeof entry === "string") value = fromText(entry.trim());
    else if (field === "terms" && Array.isArray(entry) && entry.every((e) => typeof e === "string"))
      value = entry.map((e: string) => e.trim()).filter(Boolean) as T;
    else
      return fail(
        `'${field}.${code}' must be ${field === "terms" ? "a list of words or a comma-separated text" : "a text"}`,
      );
    if (value.length > 0) out[code] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function invalidFile(path: string, message: string, errors: FieldError[] = []): never {
  throw new DomainError("invalid_input", `${path}: ${message}`, { errors });
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
