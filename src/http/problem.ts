import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { type ErrorCode, isDomainError } from "../domain/errors";
import type { Logger } from "../logger";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  invalid_input: "Invalid input",
  unauthorized: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors: { path: string; message: string }[];
}

export function problemFor(
  code: ErrorCode,
  detail: string,
  requestId: string,
  errors: Problem["errors"] = [],
) {
  return {
    type: `https://civicdesk.dev/problems/${code.replaceAll("_", "-")}`,
    title: TITLE[code],
    status: STATUS[code],
    detail,
    requestId,
    errors,
  } satisfies Problem;
}

export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...headers,
  });
}

/** A logger, or a bare line sink (tests). */
export type ErrorLog = Pick<Logger, "error" | "info"> | ((line: string) => void);

/** The one place where any thrown error becomes an HTTP answer; internals never leak to clients. */
export function respondToError(c: Context, error: unknown, log: ErrorLog) {
  const requestId = (c.get("requestId" as never) as string | undefined) ?? "unknown";
  if (isDomainError(error)) {
    const headers: Record<string, string> = {};
    if (error.details.retryAfterSeconds !== undefined)
      headers["retry-after"] = String(error.details.retryAfterSeconds);
    return problemResponse(
      c,
      problemFor(error.code, error.message, requestId, error.details.errors),
      headers,
    );
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return problemResponse(c, problemFor("invalid_input", "The request is not valid.", requestId, errors));
  }
  logUnexpectedError(c, error, log);
  return problemResponse(c, problemFor("internal", "Something went wrong on our side.", requestId));
}

/**
 * Logs an unexpected failure without the data it carried: driver errors put the query's parameters
 * (names, addresses) in their message, so only the error's kind, its database code and the stack frames
 * are written. A client that went away mid-request is routine, noted at info level without a stack.
 */
export function logUnexpectedError(c: Context, error: unknown, log: ErrorLog) {
  const logger: Pick<Logger, "error" | "info"> =
    typeof log === "function"
      ? {
          error: (message, fields) => log(`${message} ${JSON.stringify(fields ?? {})}`),
          info: (message, fields) => log(`${message} ${JSON.stringify(fields ?? {})}`),
        }
      : log;
  const requestId = (c.get("requestId" as never) as string | undefined) ?? "unknown";
  if (isClientAbort(c, error)) {
    logger.info("client closed the connection before the answer", { requestId, path: c.req.path });
    return;
  }
  logger.error(`request ${requestId} failed`, { requestId, path: c.req.path, ...describeError(error) });
}

function isClientAbort(c: Context, error: unknown): boolean {
  if (c.req.raw.signal?.aborted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || code === "ABORT_ERR";
}

/** Error kind, SQLSTATE and stack frames; never the message text of a query error or its parameters. */
export function describeError(error: unknown): Record<string, string> {
  if (!(error instanceof Error)) return { error: typeof error };
  const chain: Error[] = [error];
  while (chain.length < 5) {
    const cause = (chain.at(-1) as { cause?: unknown }).cause;
    if (!(cause instanceof Error)) break;
    chain.push(cause);
  }
  const codes = chain
    .map((e) => (e as { code?: unknown }).code)
    .filter((code): code is string => typeof code === "string");
  const fromDatabase = codes.length > 0 || chain.some((e) => /query|database|postgres/i.test(e.name));
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join("\n");
  return {
    error: chain.map((e) => e.name).join(" <- "),
    ...(codes.length > 0 ? { code: codes.join(",") } : {}),
    // Query errors repeat their parameters in the message; other errors' messages are ours and safe.
    ...(fromDatabase ? {} : { message: error.message.slice(0, 300) }),
    ...(frames ? { stack: frames } : {}),
  };
}
