import { existsSync } from "node:fs";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import type { ArticleInput, UpsertSummary } from "../services/knowledge/article-input";
import type { KnowledgeContext } from "../services/knowledge/context";
import { readArticlesJsonl } from "../services/knowledge/read-articles-jsonl";
import { parseOptions, runCli, UsageError } from "./run-cli";

const USAGE = "usage: npm run kb -- sync [--dir knowledge] | npm run kb -- import FILE.jsonl[.gz]";

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "sync" && command !== "import") throw new UsageError(USAGE);
  const input = command === "import" ? readImportArgs(args) : readSyncArgs(args);

  const config = loadConfig(process.env);
  // Logs go to stderr so stdout carries only the summary line.
  const logger = createLogger({
    level: config.LOG_LEVEL,
    redact: (t) => t,
    write: (line) => process.stderr.write(`${line}\n`),
  });
  // A bad import file fails here, before the database is opened or touched.
  const articles: ArticleInput[] = [];
  if (input.command === "import")
    for await (const article of readArticlesJsonl(input.file)) articles.push(article);

  // Loaded only once the input is known good, so mistakes are reported without the seconds these take.
  const [
    { createDatabase },
    { migrateDatabase },
    { createEmbedder },
    { upsertArticles },
    { syncKnowledgeDir },
  ] = await Promise.all([
    import("../db/client"),
    import("../db/migrate"),
    import("../configured-adapters"),
    import("../services/knowledge/upsert-articles"),
    import("../services/knowledge/sync-knowledge-dir"),
  ]);
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateDatabase(database, config.DATABASE_URL);
    const ctx: KnowledgeContext = {
      database,
      embedder: await createEmbedder({ config, database }),
      logger,
    };
    if (input.command === "import") {
      const summary = await upsertArticles({ ctx, articles, origin: "import" });
      printSummary(`kb import ${input.file}: ${count(articles.length, "article")}`, summary);
      return undefined;
    }
    const dir = input.dir ?? config.KNOWLEDGE_DIR;
    const { summary, problems } = await syncKnowledgeDir({ ctx, dir });
    printSummary(`kb sync ${dir}: ${count(summary.files, "file")}`, summary, problems.length);
    for (const problem of problems) process.stderr.write(`skipped ${problem.message}\n`);
    if (problems.length > 0)
      throw new Error(
        `${problems.length} of ${summary.files} files were skipped (listed above); the other files were loaded`,
      );
    return undefined;
  } finally {
    await database.close();
  }
});

function readSyncArgs(args: string[]) {
  const options = parseOptions(args, { dir: "string" });
  return { command: "sync" as const, dir: options.dir as string | undefined };
}

function readImportArgs(args: string[]) {
  const [file, ...rest] = args;
  if (!file || file.startsWith("--")) throw new UsageError(USAGE);
  parseOptions(rest, {});
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return { command: "import" as const, file };
}

function printSummary(subject: string, summary: UpsertSummary, skipped = 0) {
  const parts = [
    `${summary.added} added`,
    `${summary.updated} updated`,
    `${summary.unchanged} unchanged`,
    `${summary.keptAppEdits} kept (edited in the app)`,
  ];
  if (skipped > 0) parts.push(`${skipped} skipped`);
  process.stdout.write(`${subject}, ${parts.join(", ")}\n`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
