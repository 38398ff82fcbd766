import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");
const probeDirs: string[] = [];

afterAll(() => {
  for (const dir of probeDirs) rmSync(dir, { recursive: true, force: true });
});

/** Lints one probe file placed in `folder` with the project's Biome configuration. */
async function lintProbe(folder: string, source: string): Promise<{ refused: boolean; output: string }> {
  const dir = join(ROOT, folder, `lint-probe-${randomBytes(4).toString("hex")}`);
  probeDirs.push(dir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "probe.ts");
  writeFileSync(file, source);
  try {
    const { stdout, stderr } = await run("npx", ["biome", "lint", relative(ROOT, file)], { cwd: ROOT });
    return { refused: false, output: stdout + stderr };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    return { refused: /noRestrictedImports/.test(stdout + stderr), output: stdout + stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.(test|fixture|db-fixture)\.ts$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^"';]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
}

describe("layering", () => {
  it("Biome refuses drizzle-orm, its subpaths and the table definitions in routes and channels", async () => {
    const refused = [
      'import { eq } from "drizzle-orm";\nconsole.log(eq);\n',
      'import { pgTable } from "drizzle-orm/pg-core";\nconsole.log(pgTable);\n',
      'import { messages } from "../../src/db/schema";\nconsole.log(messages);\n',
      'import { cases } from "../../src/db/schema/cases";\nconsole.log(cases);\n',
    ];
    for (const folder of ["channels", "src/http"]) {
      for (const source of refused) {
        const result = await lintProbe(folder, source);
        expect(result.refused, `${folder}: ${source}\n${result.output}`).toBe(true);
      }
    }
    const allowed = await lintProbe("channels", 'import { z } from "zod";\nconsole.log(z);\n');
    expect(allowed.refused).toBe(false);
  }, 60_000);

  it("services import no adapter, config or job module, and ports import no service", () => {
    const offending: string[] = [];
    for (const file of sourceFiles("src/services")) {
      for (const spec of importsOf(file)) {
        if (/\/(adapters|jobs)\//.test(spec) || /\/config$/.test(spec)) offending.push(`${file} -> ${spec}`);
      }
    }
    for (const file of sourceFiles("src/ports")) {
      for (const spec of importsOf(file)) if (/\/services\//.test(spec)) offending.push(`${file} -> ${spec}`);
    }
    expect(offending).toEqual([]);
  });
});
