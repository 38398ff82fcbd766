import type { Logger } from "../logger";
import type { TeamsContext } from "../services/teams/context";
import { syncTeamsHandoffs, type TeamsSyncCounts } from "../services/teams/teams-handoffs";

export interface TeamsSync {
  /** Runs a pass now, or waits for the one running. */
  run(): Promise<TeamsSyncCounts | undefined>;
  stop(): Promise<void>;
}

/**
 * Carries the handoff queue to Teams every `intervalMs`: new escalation cards, card refreshes after an
 * owner change, and citizen messages into the cards' threads. One pass at a time per process.
 */
export function startTeamsSync(options: {
  ctx: () => TeamsContext;
  intervalMs: number;
  logger: Logger;
}): TeamsSync {
  let running: Promise<TeamsSyncCounts | undefined> | undefined;
  let stopped = false;
  const run = () => {
    if (running) return running;
    running = syncTeamsHandoffs({ ctx: options.ctx() })
      .catch((error: unknown) => {
        options.logger.warn("teams sync failed", {
          error: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, options.intervalMs);
  timer.unref?.();
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
