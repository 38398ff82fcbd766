import { DomainError } from "../domain/errors";

/** How long a client is asked to wait before trying again while the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket failures that mean the server cannot be reached at all. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** A reset or broken pipe at the top is the citizen's connection going away; only a driver's cause counts. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE"]);
/** SQLSTATEs of a server that is shutting down, starting, or out of connection slots. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** node-postgres and PGlite say these in words, without a code. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is clos(ed|ing))/;

/**
 * When an error means the database (or another backing store) cannot be reached, the 503 to answer with
 * instead of a 500; otherwise undefined. Driver errors arrive wrapped (drizzle's query error, Node's
 * AggregateError for each address tried), so the causes are searched too.
 */
export function unavailableProblemFor(error: unknown): DomainError | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 12) {
    const current = queue.shift();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    const isUnavailable =
      (typeof code === "string" &&
        (UNREACHABLE_CODES.has(code) ||
          (RESET_CODES.has(code) && current !== error) ||
          UNAVAILABLE_SQLSTATES.has(code) ||
          code.startsWith("08"))) ||
      UNAVAILABLE_MESSAGES.test(current.message);
    if (isUnavailable)
      return new DomainError(
        "unavailable",
        "The service cannot reach its database at the moment; please try again shortly.",
        { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      );
    queue.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return undefined;
}
