import type { Config } from "./config";
import { createLogger, type Logger } from "./logger";
import { redactPii } from "./services/guardrails/redact-pii";

/**
 * The service's logger on every runtime: personal data never reaches the log sink, because every
 * logged string goes through the redactor. Node writes to stdout; Workers pass console.log.
 */
export function createServiceLogger(
  config: Pick<Config, "LOG_LEVEL">,
  write?: (line: string) => void,
): Logger {
  return createLogger({
    level: config.LOG_LEVEL,
    redact: (text) => redactPii(text).text,
    ...(write ? { write } : {}),
  });
}
