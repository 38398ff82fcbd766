import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { evaluateAudit, parseAllowList } from "../../scripts/lib/audit-report";

/** Trimmed from a real `npm audit --json` report (npm 11): one direct and one transitive finding. */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    "path-to-regexp": {
      name: "path-to-regexp",
      severity: "high",
      isDirect: false,
      via: [
        {
          source: 1101850,
          name: "path-to-regexp",
          dependency: "path-to-regexp",
          title: "path-to-regexp outputs backtracking regular expressions",
          url: "https://github.com/advisories/GHSA-9wv6-86v2-598j",
          severity: "high",
          range: "<0.1.10",
        },
      ],
      effects: ["express"],
    },
    express: { name: "express", severity: "high", isDirect: true, via: ["path-to-regexp"], effects: [] },
    cookie: {
      name: "cookie",
      severity: "low",
      via: [
        {
          source: 1099846,
          name: "cookie",
          title: "cookie accepts cookie name, path, and domain with out of bounds characters",
          url: "https://github.com/advisories/GHSA-pxg6-pf52-xh8x",
          severity: "low",
        },
      ],
    },
  },
  metadata: { vulnerabilities: { low: 1, high: 2, total: 3 } },
};

const allow = {
  id: "GHSA-9wv6-86v2-598j",
  package: "path-to-regexp",
  reason: "Only reached through a dev tool's local server, never in the running service.",
  expires: "2027-06-30",
};
const today = new Date("2026-12-07");

describe("npm audit gate", () => {
  it("fails on a high advisory that is not allowed, and not on a low one", () => {
    const outcome = evaluateAudit(report, [], "high", today);
    expect(outcome.kind).toBe("checked");
    if (outcome.kind !== "checked") return;
    expect(outcome.failing.map((a) => `${a.package} ${a.id}`)).toEqual([
      "path-to-regexp GHSA-9wv6-86v2-598j",
    ]);
    expect(outcome.below.map((a) => a.package)).toEqual(["cookie"]);
  });

  it("an allow-listed advisory passes until its entry expires", () => {
    const passing = evaluateAudit(report, [allow], "high", today);
    expect(passing.kind === "checked" && passing.failing).toEqual([]);
    const expired = evaluateAudit(report, [allow], "high", new Date("2027-07-01"));
    expect(expired.kind === "checked" && expired.failing.map((a) => a.id)).toEqual(["GHSA-9wv6-86v2-598j"]);
    expect(expired.kind === "checked" && expired.expiredEntries).toEqual([allow]);
  });

  it("names allow-list entries that match nothing any more", () => {
    const stale = { ...allow, id: "GHSA-aaaa-bbbb-cccc" };
    const outcome = evaluateAudit(report, [stale], "high", today);
    expect(outcome.kind === "checked" && outcome.unusedEntries).toEqual([stale]);
  });

  it("an entry without a reason or expiry is refused", () => {
    const { problems } = parseAllowList({ advisories: [{ id: "GHSA-9wv6-86v2-598j", package: "x" }] });
    expect(problems).toEqual([
      "advisories[0].reason must say why, in a sentence (20+ characters)",
      "advisories[0].expires must be a date (YYYY-MM-DD)",
    ]);
  });

  it("an error from the registry is reported as 'not checked', never as a clean audit", () => {
    const outcome = evaluateAudit(
      {
        message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
        statusCode: 405,
      },
      [],
      "high",
      today,
    );
    expect(outcome).toEqual({
      kind: "unreachable",
      detail:
        "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk (HTTP 405)",
    });
  });

  it("the script's exit codes: 1 for an advisory to act on, 0 once allowed, 3 when unreachable", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-"));
    const write = async (name: string, value: unknown) => {
      await writeFile(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const reportFile = await write("report.json", report);
    const emptyList = await write("empty.json", { advisories: [] });
    const list = await write("list.json", { advisories: [allow] });
    const unreachable = await write("error.json", { message: "getaddrinfo ENOTFOUND registry.npmjs.org" });
    const run = async (...args: string[]) => {
      try {
        const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", [
          "scripts/check-audit.ts",
          ...args,
        ]);
        return { code: 0, out: stdout };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, out: e.stdout + e.stderr };
      }
    };
    const failing = await run("--report", reportFile, "--allowlist", emptyList);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain("path-to-regexp  GHSA-9wv6-86v2-598j");
    expect((await run("--report", reportFile, "--allowlist", list)).code).toBe(0);
    const notChecked = await run("--report", unreachable, "--allowlist", emptyList);
    expect(notChecked.code).toBe(3);
    expect(notChecked.out).toContain("NO AUDIT WAS PERFORMED");
  }, 60_000);
});
