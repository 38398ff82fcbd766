import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "civicdesk-kb-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm run kb -- …` as a user would, on an embedded database in the scratch folder. */
async function kb(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(scratch, "data"), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.OPENAI_API_KEY;
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", "src/cli/kb.ts", ...args], {
      cwd: REPO,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

it("kb sync loads a folder once, a second run changes nothing, import reads gzipped JSONL, bad input exits non-zero", async () => {
  const dir = join(scratch, "knowledge");
  mkdirSync(join(dir, "en"), { recursive: true });
  for (const id of ["kb-cli-one", "kb-cli-two"])
    writeFileSync(join(dir, "en", `${id}.md`), `---\nid: ${id}\nlang: en\ntitle: ${id}\n---\nAbout ${id}.\n`);
  const jsonl = join(scratch, "articles.jsonl.gz");
  writeFileSync(
    jsonl,
    gzipSync(
      `${JSON.stringify({ id: "F1", title: "Carte d'identité", body: "Comment la renouveler.", lang: "fr", url: null, category: null })}\n`,
    ),
  );

  const first = await kb("sync", "--dir", dir);
  expect(first.stdout.trim()).toBe(
    `kb sync ${dir}: 2 files, 2 added, 0 updated, 0 unchanged, 0 kept (edited in the app)`,
  );
  expect(first.code).toBe(0);

  const again = await kb("sync", "--dir", dir);
  expect(again.stdout).toContain("0 added, 0 updated, 2 unchanged");

  const imported = await kb("import", jsonl);
  expect(imported.code).toBe(0);
  expect(imported.stdout.trim()).toBe(
    `kb import ${jsonl}: 1 article, 1 added, 0 updated, 0 unchanged, 0 kept (edited in the app)`,
  );

  const missing = await kb("import", join(scratch, "nope.jsonl"));
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim().split("\n").at(-1)).toBe(
    `error: no such file: ${join(scratch, "nope.jsonl")}`,
  );

  const usage = await kb("synk");
  expect(usage.code).toBe(1);
  expect(usage.stderr).toContain("usage: npm run kb -- sync [--dir knowledge]");
}, 120_000);
