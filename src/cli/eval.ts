import { runCli, UsageError } from "./run-cli";

const EVALS: Record<string, () => Promise<(args: string[]) => Promise<unknown>>> = {
  retrieval: async () => (await import("../evals/retrieval")).runRetrievalEval,
  routing: async () => (await import("../evals/routing")).runRoutingEval,
  safety: async () => (await import("../evals/safety")).runSafetyEval,
  "false-alarms": async () => (await import("../evals/false-alarms")).runFalseAlarmEval,
  langid: async () => (await import("../evals/langid")).runLangidEval,
  answers: async () => (await import("../evals/answers")).runAnswersEval,
};

await runCli(async () => {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? EVALS[name] : undefined;
  if (!load) throw new UsageError(`usage: npm run eval -- <${Object.keys(EVALS).join("|")}> [options]`);
  const run = await load();
  return run(args);
});
