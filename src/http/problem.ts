import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { type ErrorCode, isDomainError } from "../domain/errors";

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

/** The one place where any thrown error becomes an HTTP answer; internals never leak to clients. */
export function respondToError(c: Context, error: unknown, log: (line: string) => void) {
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
  log(
    `request ${requestId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return problemResponse(c, problemFor("internal", "Something went wrong on our side.", requestId));
}
