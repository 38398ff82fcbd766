import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { signInAs } from "../../test/staff-session";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { createDatabase } from "../db/client";
import { createLogger } from "../logger";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "civicdesk-staff-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm run staff -- …` as a city's administrator would, on an embedded database, with stdin. */
function staff(stdin: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(scratch, "data"), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "src/cli/staff.ts", ...args],
      { cwd: REPO, env },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

it("bootstraps an admin and a token from the command line; the service then accepts both; bad input exits 1", async () => {
  const added = await staff(
    "first admin password\n",
    "add-user",
    "Admin@City.example",
    "--roles",
    "admin,agent",
    "--departments",
    "highways,waste",
    "--languages",
    "en,fr",
  );
  expect(added.code).toBe(0);
  expect(added.stdout).toMatch(
    /^staff user admin@city\.example created \(id staff-[0-9a-f-]+, roles admin, agent\)\n$/,
  );

  const token = await staff("", "add-token", "admin@city.example", "--roles", "agent");
  expect(token.code).toBe(0);
  const lastLine = token.stdout.trim().split("\n").at(-1)!;
  expect(lastLine).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);

  for (const [stdin, args, message] of [
    ["", ["add-user", "x@city.example", "--roles", "boss"], "unknown role boss"],
    ["", ["add-user", "x@city.example", "--roles", "agent"], "standard input, which was empty"],
    [
      "short\n",
      ["add-user", "x@city.example", "--roles", "agent"],
      "password must be at least 12 characters",
    ],
    ["", ["add-token", "admin@city.example", "--roles", "editor"], "does not hold the roles: editor"],
    ["", ["add-token", "nobody@city.example", "--roles", "agent"], "No staff user nobody@city.example"],
    ["", ["add-user", "x@city.example"], "--roles is required"],
    ["", ["remove-user", "x@city.example"], "usage: npm run staff"],
  ] as const) {
    const failed = await staff(stdin, ...args);
    expect(failed.code, args.join(" ")).toBe(1);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toContain(message);
  }

  const database = await createDatabase({ dataDir: join(scratch, "data") });
  try {
    const app = buildApp({
      config: loadConfig({}),
      database,
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });
    const session = await signInAs(app, "admin@city.example", "first admin password");
    const me = await app.request("/v1/staff/me", { headers: { cookie: session.cookie } });
    expect(await me.json()).toMatchObject({ roles: ["admin", "agent"], departments: ["highways", "waste"] });
    const viaToken = await app.request("/v1/staff/me", { headers: { authorization: `Bearer ${lastLine}` } });
    expect((await viaToken.json()).roles).toEqual(["agent"]);
  } finally {
    await database.close();
  }
}, 120_000);
