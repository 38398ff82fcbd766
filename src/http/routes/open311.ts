import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { ZodError } from "zod";
import type { Config } from "../../config";
import type { Database } from "../../db/client";
import { DomainError, isDomainError } from "../../domain/errors";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { Notifier } from "../../ports/notifier";
import type { Open311Context } from "../../services/open311/context";
import { describeOpen311Discovery } from "../../services/open311/describe-open311-discovery";
import { getOpen311Request } from "../../services/open311/get-open311-request";
import { getOpen311ServiceDefinition } from "../../services/open311/get-open311-service-definition";
import { listOpen311Requests } from "../../services/open311/list-open311-requests";
import { listOpen311Services } from "../../services/open311/list-open311-services";
import { readRequestForm } from "../../services/open311/read-request-form";
import { resolveOpen311Token } from "../../services/open311/resolve-open311-token";
import { submitOpen311Request, verifyOpen311ApiKey } from "../../services/open311/submit-open311-request";
import { invalidText, isWellFormedText, limitBody, readBodyText } from "../body";
import type { AppEnv } from "../context";
import {
  OPEN311_CONTENT_TYPES,
  type Open311Format,
  type Open311Value,
  renderOpen311,
  splitFormat,
} from "../open311-format";
import { logUnexpectedError } from "../problem";

interface Open311RouteDeps {
  config: Pick<
    Config,
    | "OPEN311_API_KEYS"
    | "DEFAULT_LANGUAGE"
    | "CITY_NAME"
    | "PUBLIC_BASE_URL"
    | "CASE_DUPLICATE_RADIUS_METRES"
    | "CASE_DUPLICATE_WINDOW_HOURS"
  > &
    Partial<Pick<Config, "OPEN311_JURISDICTION_ID" | "CASE_LIMIT_PER_CONTACT" | "CASE_LIMIT_PER_MINUTE">>;
  /** Throttles request and token lookups per client. */
  limitLookups?: (c: Context<AppEnv>) => Promise<void>;
  /** Throttles submissions per client, after the API key was accepted. */
  limitSubmissions?: (c: Context<AppEnv>) => Promise<void>;
  database: Database;
  notifier?: Notifier;
  /** Where the SLA timers of new requests are queued. */
  jobQueue?: JobQueue;
  logger?: Logger;
}

const BASE = "/open311/v2";
/** Far above any honest request: a 4000-character description plus attributes and contact fields. */
const MAX_FORM_BYTES = 64 * 1024;

interface Answer {
  root: string;
  body: Open311Value;
}

/** Open311 GeoReport v2 under /open311/v2: XML and JSON, errors as a list of {code, description}. */
export function open311Routes(deps: Open311RouteDeps) {
  const app = new Hono<AppEnv>();
  const apiKeys = (deps.config.OPEN311_API_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  /** With a configured jurisdiction, any other one is unknown here (404); without it, all are accepted. */
  const checkJurisdiction = (given: string) => {
    const expected = deps.config.OPEN311_JURISDICTION_ID;
    if (expected && given.trim() !== "" && given.trim() !== expected) {
      throw new DomainError("not_found", `jurisdiction_id ${given} was not found.`);
    }
  };
  const ctx = (c: Context<AppEnv>): Open311Context => ({
    database: deps.database,
    lang: deps.config.DEFAULT_LANGUAGE,
    apiKeys,
    settings: {
      duplicateRadiusMetres: deps.config.CASE_DUPLICATE_RADIUS_METRES,
      duplicateWindowHours: deps.config.CASE_DUPLICATE_WINDOW_HOURS,
      ...(deps.config.CASE_LIMIT_PER_CONTACT !== undefined && deps.config.CASE_LIMIT_PER_MINUTE !== undefined
        ? {
            creationLimits: {
              perContactPerHour: deps.config.CASE_LIMIT_PER_CONTACT,
              perMinute: deps.config.CASE_LIMIT_PER_MINUTE,
            },
          }
        : {}),
    },
    ...(deps.notifier ? { notifier: deps.notifier } : {}),
    ...(deps.jobQueue ? { jobQueue: deps.jobQueue } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    requestId: c.var.requestId,
  });

  /** Answers in the format the path names; the work runs only for a known format. */
  const serve = async (c: Context<AppEnv>, file: string, work: (name: string) => Promise<Answer | null>) => {
    const { name, format } = splitFormat(file);
    if (!format)
      return errorResponse(c, "xml", new DomainError("not_found", "Unknown format: use .xml or .json."));
    try {
      const answer = await work(name);
      if (!answer) return errorResponse(c, format, new DomainError("not_found", `No resource ${file}.`));
      return c.body(renderOpen311(format, answer.root, answer.body), 200, {
        "content-type": OPEN311_CONTENT_TYPES[format],
      });
    } catch (error) {
      return errorResponse(c, format, error);
    }
  };

  const errorResponse = (c: Context<AppEnv>, format: Open311Format, error: unknown) =>
    respondWithOpen311Error(c, format, error, deps.logger);

  app.use(`${BASE}/*`, cors({ origin: "*", allowMethods: ["GET", "POST"] }));
  app.use(`${BASE}/*`, limitBody(MAX_FORM_BYTES));
  app.use(`${BASE}/*`, async (c, next) => {
    const jurisdiction = c.req.query("jurisdiction_id");
    if (jurisdiction) checkJurisdiction(jurisdiction);
    await next();
  });

  app.get(`${BASE}/:file`, (c) =>
    serve(c, c.req.param("file"), async (name) => {
      switch (name) {
        case "discovery":
          return {
            root: "discovery",
            body: describeOpen311Discovery({ endpointUrl: endpointUrl(c), cityName: deps.config.CITY_NAME }),
          };
        case "services":
          return { root: "services", body: await listOpen311Services({ ctx: ctx(c) }) };
        case "requests":
          if (c.req.query("service_request_id")) await deps.limitLookups?.(c);
          return {
            root: "service_requests",
            body: await listOpen311Requests({ ctx: ctx(c), input: c.req.query() }),
          };
        default:
          return null;
      }
    }),
  );

  app.get(`${BASE}/services/:file`, (c) =>
    serve(c, c.req.param("file"), async (serviceCode) => ({
      root: "service_definition",
      body: await getOpen311ServiceDefinition({ ctx: ctx(c), input: { serviceCode } }),
    })),
  );

  app.post(`${BASE}/:file`, (c) => {
    if (splitFormat(c.req.param("file")).name !== "requests") return wrongMethodOrMissing(c);
    return serve(c, c.req.param("file"), async () => {
      // A key in the query string is checked before a byte of the body is read; one in the body right after.
      const queryKey = c.req.query("api_key");
      if (queryKey !== undefined) await verifyOpen311ApiKey(apiKeys, queryKey);
      const form = readRequestForm(await readForm(c));
      if (typeof form.jurisdiction_id === "string") checkJurisdiction(form.jurisdiction_id);
      await verifyOpen311ApiKey(apiKeys, form.api_key);
      await deps.limitSubmissions?.(c);
      const receipt = await submitOpen311Request({ ctx: ctx(c), input: form });
      return { root: "service_requests", body: [receipt] };
    });
  });

  app.get(`${BASE}/requests/:file`, (c) =>
    serve(c, c.req.param("file"), async (serviceRequestId) => {
      await deps.limitLookups?.(c);
      return {
        root: "service_requests",
        body: await getOpen311Request({ ctx: ctx(c), input: { serviceRequestId } }),
      };
    }),
  );

  app.get(`${BASE}/tokens/:file`, (c) =>
    serve(c, c.req.param("file"), async (token) => {
      await deps.limitLookups?.(c);
      return {
        root: "service_requests",
        body: await resolveOpen311Token({ ctx: ctx(c), input: { token } }),
      };
    }),
  );

  /** 405 with Allow for a known path, 404 for anything else. */
  const wrongMethodOrMissing = (c: Context<AppEnv>) => {
    const format = open311FormatOf(c.req.path);
    const allow = open311Methods(c.req.path.slice(BASE.length));
    if (allow.length === 0)
      return errorResponse(c, format, new DomainError("not_found", "No such Open311 resource."));
    const description = `${c.req.method} is not allowed here; use ${allow.join(", ")}.`;
    return c.body(renderOpen311(format, "errors", [{ code: 405, description }]), 405, {
      "content-type": OPEN311_CONTENT_TYPES[format],
      allow: allow.join(", "),
    });
  };
  app.all(`${BASE}/*`, wrongMethodOrMissing);

  function endpointUrl(c: Context<AppEnv>): string {
    const origin = deps.config.PUBLIC_BASE_URL ?? new URL(c.req.url).origin;
    return `${origin.replace(/\/+$/, "")}${BASE}`;
  }

  return app;
}

/** The methods each Open311 path answers, for 405's Allow header; none for a path that does not exist. */
function open311Methods(path: string): string[] {
  const { name, format } = splitFormat(path.split("/").at(-1) ?? "");
  if (!format) return [];
  const parent = path.split("/").slice(1, -1).join("/");
  if (parent === "" && name === "requests") return ["GET", "HEAD", "POST"];
  if (parent === "" && (name === "discovery" || name === "services")) return ["GET", "HEAD"];
  if (["services", "requests", "tokens"].includes(parent) && name !== "") return ["GET", "HEAD"];
  return [];
}

/** An error as the Open311 list of {code, description}; anything unexpected is logged without its data. */
export function respondWithOpen311Error(
  c: Context<AppEnv>,
  format: Open311Format,
  error: unknown,
  logger?: Logger,
) {
  const { status, errors } = toOpen311Errors(error);
  if (!isDomainError(error) && !(error instanceof ZodError) && logger) logUnexpectedError(c, error, logger);
  const retryAfter = isDomainError(error) ? error.details.retryAfterSeconds : undefined;
  return c.body(renderOpen311(format, "errors", errors), status, {
    "content-type": OPEN311_CONTENT_TYPES[format],
    ...(retryAfter !== undefined ? { "retry-after": String(retryAfter) } : {}),
  });
}

/** The format an Open311 path asks for, XML when it names none. */
export function open311FormatOf(path: string): Open311Format {
  return splitFormat(path.split("/").at(-1) ?? "").format ?? "xml";
}

/** Form fields from the query string (some clients send api_key there) and the url-encoded or multipart body. */
async function readForm(c: Context<AppEnv>): Promise<[string, string][]> {
  const pairs: [string, string][] = [...new URL(c.req.url).searchParams];
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (error) {
      const cause = (error as { cause?: unknown })?.cause;
      if (isDomainError(error) || isDomainError(cause)) throw isDomainError(error) ? error : cause;
      throw new DomainError("invalid_input", "The multipart body could not be read.");
    }
    for (const [key, value] of form) if (typeof value === "string") pairs.push([key, value]);
  } else if (type !== "" && !type.startsWith("application/x-www-form-urlencoded")) {
    throw new DomainError("invalid_input", "Send the request as application/x-www-form-urlencoded.");
  } else {
    pairs.push(...new URLSearchParams(await readBodyText(c)));
  }
  for (const [key, value] of pairs) {
    if (!isWellFormedText(key) || !isWellFormedText(value)) throw invalidText(key);
  }
  return pairs;
}

type Open311Status = 400 | 403 | 404 | 413 | 429 | 503;
/** Beyond the specification's three, a few statuses a client must tell apart from a bad request. */
const OPEN311_STATUS: Partial<Record<string, Open311Status>> = {
  not_found: 404,
  forbidden: 403,
  unauthorized: 403,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

type Open311Error = {
  code: number;
  description: string;
};

/**
 * The specification's error mapping: 404 for what does not exist, 403 for a missing or wrong api_key and
 * 400 for everything else; the body lists each problem with the HTTP status as its code.
 */
function toOpen311Errors(error: unknown): { status: Open311Status; errors: Open311Error[] } {
  if (isDomainError(error)) {
    const status = OPEN311_STATUS[error.code] ?? 400;
    const fields = error.details.errors ?? [];
    const errors =
      fields.length > 0
        ? fields.map((f) => ({ code: status, description: `${f.path}: ${f.message}` }))
        : [
            {
              code: status,
              description: error.code === "internal" ? "General service error." : error.message,
            },
          ];
    return { status, errors };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      errors: error.issues.map((i) => ({
        code: 400,
        description: i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message,
      })),
    };
  }
  return {
    status: 400,
    errors: [{ code: 400, description: "General service error: the request could not be processed." }],
  };
}
