export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Applied to every message and string field, so personal data never reaches the log sink. */
  redact: (text: string) => string;
  write?: (line: string) => void;
}

/** JSON lines on stdout; one object per event. */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const threshold = RANK[options.level];
  const emit = (
    level: Exclude<LogLevel, "silent">,
    message: string,
    fields: Record<string, unknown> = {},
  ) => {
    if (RANK[level] < threshold) return;
    const safeFields = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? options.redact(v) : v]),
    );
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        message: options.redact(message),
        ...safeFields,
      }),
    );
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}
