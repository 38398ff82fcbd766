/**
 * Supply-chain gate: runs `npm audit --omit=dev --json`, removes the advisories allowed in
 * `.ci/audit-allowlist.json` (each with a reason and an expiry date) and fails on any other advisory at
 * or above the level (high by default).
 *
 *   npx tsx scripts/check-audit.ts [--level high] [--allowlist FILE] [--report FILE]
 *
 * Exit codes: 0 nothing to act on; 1 advisories to act on, or a bad allow-list; 3 the registry's audit
 * endpoint could not be reached, so nothing was checked (.ci/run decides what that means).
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { type Advisory, evaluateAudit, parseAllowList, SEVERITIES, type Severity } from "./lib/audit-report";

export const EXIT_UNREACHABLE = 3;

async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const level = (option("level") ?? "high") as Severity;
  if (!SEVERITIES.includes(level)) {
    console.error(`--level must be one of ${SEVERITIES.join(", ")}`);
    return 1;
  }
  const allowListPath = option("allowlist") ?? ".ci/audit-allowlist.json";
  const { entries, problems } = parseAllowList(JSON.parse(await readFile(allowListPath, "utf8")));
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${allowListPath}: ${problem}`);
    return 1;
  }

  const reportPath = option("report");
  const reportText = reportPath ? await readFile(reportPath, "utf8") : await runNpmAudit();
  let report: unknown;
  try {
    report = JSON.parse(reportText);
  } catch {
    report = { message: `npm audit printed something that is not JSON: ${reportText.slice(0, 200)}` };
  }

  const outcome = evaluateAudit(report, entries, level, new Date());
  if (outcome.kind === "unreachable") {
    console.error(
      `npm audit could not get advisories from the registry: ${outcome.detail}\n` +
        "NO AUDIT WAS PERFORMED: the dependencies were not checked against any advisory database.",
    );
    return EXIT_UNREACHABLE;
  }
  const line = (a: Advisory) => `  ${a.severity.padEnd(8)} ${a.package}  ${a.id}  ${a.title}  ${a.url}`;
  if (outcome.allowed.length > 0)
    console.log(`allowed by ${allowListPath}:\n${outcome.allowed.map(line).join("\n")}`);
  if (outcome.below.length > 0)
    console.log(`below ${level} (not failing):\n${outcome.below.map(line).join("\n")}`);
  for (const entry of outcome.expiredEntries)
    console.log(`allow-list entry ${entry.id} (${entry.package}) expired on ${entry.expires}; review it`);
  for (const entry of outcome.unusedEntries)
    console.log(`allow-list entry ${entry.id} (${entry.package}) matches no current advisory; remove it`);
  if (outcome.failing.length > 0) {
    console.error(`advisories at ${level} or above to act on:\n${outcome.failing.map(line).join("\n")}`);
    return 1;
  }
  console.log(`npm audit: no ${level} or critical advisory outside the allow-list`);
  return 0;
}

/** npm audit exits 1 when it finds anything; only its JSON matters here. */
async function runNpmAudit(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)("npm", ["audit", "--omit=dev", "--json"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return stdout;
    return JSON.stringify({ message: `npm audit failed to run: ${(error as Error).message}` });
  }
}

process.exitCode = await main(process.argv.slice(2));
