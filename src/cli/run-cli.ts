/**
 * Shared shape of the CLIs: a command prints its result object as JSON on the last line of stdout;
 * any failure ends with one clear line on stderr and a non-zero exit.
 */
export async function runCli(main: () => Promise<unknown>): Promise<void> {
  try {
    const result = await main();
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message.split("\n")[0]}\n`);
    process.exit(1);
  }
}

export class UsageError extends Error {}

/** `--name value` and `--flag` parsing; unknown options are errors so typos never pass silently. */
export function parseOptions(
  args: string[],
  spec: Record<string, "string" | "boolean">,
): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    const kind = spec[name];
    if (!kind)
      throw new UsageError(
        `unknown option --${name} (known: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(", ")})`,
      );
    if (kind === "boolean") {
      out[name] = true;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`option --${name} needs a value`);
    out[name] = value;
    i++;
  }
  return out;
}
