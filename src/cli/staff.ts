import { loadConfig } from "../config";
import { STAFF_ROLES } from "../services/cases/context";
import { parseOptions, runCli, UsageError } from "./run-cli";

const USAGE =
  "usage: npm run staff -- add-user EMAIL --roles R[,R] [--departments D,..] [--languages L,..] [--name NAME] (password on standard input) | npm run staff -- add-token EMAIL --roles R[,R] [--name NAME]";

await runCli(async () => {
  const [command, email, ...args] = process.argv.slice(2);
  if ((command !== "add-user" && command !== "add-token") || !email || email.startsWith("--")) {
    throw new UsageError(USAGE);
  }
  const options = parseOptions(
    args,
    command === "add-user"
      ? { roles: "string", departments: "string", languages: "string", name: "string" }
      : { roles: "string", name: "string" },
  );
  if (typeof options.roles !== "string")
    throw new UsageError(`--roles is required (${STAFF_ROLES.join(", ")})`);
  const roles = list(options.roles);
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new UsageError(`unknown role ${unknown.join(", ")} (roles: ${STAFF_ROLES.join(", ")})`);
  }
  const password = command === "add-user" ? await readPassword() : undefined;
  const config = loadConfig(process.env);

  const [{ createDatabase }, { migrateDatabase }, { addStaffUser }, { createStaffApiToken }] =
    await Promise.all([
      import("../db/client"),
      import("../db/migrate"),
      import("../services/staff/add-staff-user"),
      import("../services/staff/create-staff-api-token"),
    ]);
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateDatabase(database, config.DATABASE_URL);
    const ctx = { database, actor: { kind: "system" as const, name: "staff-cli" } };
    if (command === "add-user") {
      const user = await addStaffUser({
        ctx,
        input: {
          email,
          roles,
          password,
          departments: list(options.departments),
          languages: list(options.languages),
          ...(typeof options.name === "string" ? { name: options.name } : {}),
        },
      });
      process.stdout.write(
        `staff user ${user.email} ${user.created ? "created" : "updated"} (id ${user.id}, roles ${user.roles.join(", ")})\n`,
      );
      return undefined;
    }
    const token = await createStaffApiToken({
      ctx,
      input: { email, roles, ...(typeof options.name === "string" ? { name: options.name } : {}) },
    });
    process.stdout.write(
      `API token ${token.id} for ${email} (roles ${roles.join(", ")}); it is shown only once:\n`,
    );
    process.stdout.write(`${token.token}\n`);
    return undefined;
  } finally {
    await database.close();
  }
});

function list(value: string | boolean | undefined): string[] {
  return typeof value === "string"
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** The first line of standard input; on a terminal, typed without echo. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += chunk;
    const password = text.split(/\r?\n/)[0] ?? "";
    if (!password) throw new UsageError("the password is read from standard input, which was empty");
    return password;
  }
  process.stderr.write("Password: ");
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  const password = await new Promise<string>((resolve, reject) => {
    let typed = "";
    stdin.on("data", (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n") return resolve(typed);
        if (ch === "\u0003") return reject(new UsageError("cancelled"));
        typed = ch === "\u007f" ? typed.slice(0, -1) : typed + ch;
      }
    });
  });
  stdin.setRawMode(false);
  stdin.pause();
  process.stderr.write("\n");
  if (!password) throw new UsageError("an empty password was given");
  return password;
}
