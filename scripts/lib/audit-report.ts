/**
 * Reads `npm audit --json` output and an allow-list, and says which advisories at or above a severity
 * still need attention. Kept free of I/O so the rules can be tested with fixed reports.
 */

export const SEVERITIES = ["info", "low", "moderate", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AllowEntry {
  /** The advisory's GHSA id (`GHSA-xxxx-xxxx-xxxx`), as in its github.com/advisories URL. */
  id: string;
  package: string;
  /** Why the advisory does not apply or cannot be fixed yet; required. */
  reason: string;
  /** ISO date after which the entry no longer counts and must be reviewed again. */
  expires: string;
}

export interface Advisory {
  id: string;
  package: string;
  severity: Severity;
  title: string;
  url: string;
}

export type AuditOutcome =
  | { kind: "unreachable"; detail: string }
  | {
      kind: "checked";
      /** At or above the level and not allowed: these fail CI. */
      failing: Advisory[];
      allowed: Advisory[];
      /** Below the level: listed, never failing. */
      below: Advisory[];
      /** Allow-list entries that matched nothing, or expired ones. */
      unusedEntries: AllowEntry[];
      expiredEntries: AllowEntry[];
    };

/** Checks the allow-list's shape; every problem is listed so a bad file fails loudly. */
export function parseAllowList(raw: unknown): { entries: AllowEntry[]; problems: string[] } {
  const problems: string[] = [];
  const list = (raw as { advisories?: unknown } | null)?.advisories;
  if (!Array.isArray(list)) return { entries: [], problems: ['the file needs an "advisories" array'] };
  const entries: AllowEntry[] = [];
  list.forEach((item, index) => {
    const entry = item as Partial<Record<keyof AllowEntry, unknown>>;
    const where = `advisories[${index}]`;
    if (typeof entry.id !== "string" || !/^GHSA(-[0-9a-z]{4}){3}$/.test(entry.id))
      problems.push(`${where}.id must be a GHSA id such as GHSA-abcd-1234-wxyz`);
    if (typeof entry.package !== "string" || entry.package === "")
      problems.push(`${where}.package is required`);
    if (typeof entry.reason !== "string" || entry.reason.trim().length < 20)
      problems.push(`${where}.reason must say why, in a sentence (20+ characters)`);
    if (typeof entry.expires !== "string" || Number.isNaN(Date.parse(entry.expires)))
      problems.push(`${where}.expires must be a date (YYYY-MM-DD)`);
    if (problems.length === 0) entries.push(entry as AllowEntry);
  });
  return { entries, problems };
}

/** Applies the allow-list to one `npm audit --json` report (npm 7+ format). */
export function evaluateAudit(
  report: unknown,
  allowList: AllowEntry[],
  level: Severity,
  today: Date,
): AuditOutcome {
  const body = report as {
    vulnerabilities?: Record<string, { via?: unknown[] }>;
    error?: { summary?: string };
    message?: string;
    statusCode?: number;
  } | null;
  if (!body || typeof body !== "object" || !body.vulnerabilities) {
    const detail = body?.message ?? body?.error?.summary ?? "npm audit printed no vulnerability report";
    return { kind: "unreachable", detail: body?.statusCode ? `${detail} (HTTP ${body.statusCode})` : detail };
  }

  const advisories = new Map<string, Advisory>();
  for (const [name, vulnerability] of Object.entries(body.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package; its advisories are listed under that package.
      if (typeof via !== "object" || via === null) continue;
      const source = via as {
        url?: string;
        severity?: string;
        title?: string;
        name?: string;
        source?: number;
      };
      const url = source.url ?? "";
      const id = url.match(/GHSA(-[0-9a-z]{4}){3}/i)?.[0] ?? `npm-${source.source ?? "unknown"}`;
      const severity = (SEVERITIES as readonly string[]).includes(source.severity ?? "")
        ? (source.severity as Severity)
        : "critical";
      advisories.set(`${id} ${source.name ?? name}`, {
        id,
        package: source.name ?? name,
        severity,
        title: source.title ?? "",
        url,
      });
    }
  }

  const live = allowList.filter((entry) => Date.parse(entry.expires) >= today.getTime());
  const expiredEntries = allowList.filter((entry) => !live.includes(entry));
  const used = new Set<AllowEntry>();
  const failing: Advisory[] = [];
  const allowed: Advisory[] = [];
  const below: Advisory[] = [];
  const threshold = SEVERITIES.indexOf(level);
  for (const advisory of advisories.values()) {
    const entry = live.find(
      (e) => e.id.toLowerCase() === advisory.id.toLowerCase() && e.package === advisory.package,
    );
    if (entry) {
      used.add(entry);
      allowed.push(advisory);
    } else if (SEVERITIES.indexOf(advisory.severity) >= threshold) failing.push(advisory);
    else below.push(advisory);
  }
  const unusedEntries = live.filter((entry) => !used.has(entry));
  return { kind: "checked", failing, allowed, below, unusedEntries, expiredEntries };
}
