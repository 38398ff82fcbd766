import { runCli, UsageError } from "../src/cli/run-cli";

const BENCHES: Record<string, () => Promise<(args: string[]) => Promise<unknown>>> = {
  retrieval: async () => (await import("./retrieval")).runRetrievalBench,
  turn: async () => (await import("./turn")).runTurnBench,
  "turn-cost": async () => (await import("./turn-cost")).runTurnCostBench,
  sla: async () => (await import("./sla")).runSlaBench,
  "model-wait": async () => (await import("./model-wait")).runModelWaitBench,
  load: async () => (await import("./load")).runLoadBench,
  sms: async () => (await import("./sms")).runSmsBench,
};

await runCli(async () => {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? BENCHES[name] : undefined;
  if (!load) throw new UsageError(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]`);
  const run = await load();
  return run(args);
});
