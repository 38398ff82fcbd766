import type { Logger } from "../logger";
import { onHandoffActivity } from "../services/handoff/handoff-activity";
import type { TeamsContext } from "../services/teams/context";
import { syncTeamsHandoffs, type TeamsSyncCounts } from "../services/teams/teams-handoffs";

export interface TeamsSync {
  /** Runs a pass now, or waits for the one running. */
  run(): Promise<TeamsSyncCounts | undefined>;
  stop(): Promise<void>;
}

/** Announcements this close together are carried by one pass (a request for a person and its assignment). */
const SETTLE_MS = 20;

/**
 * Carries the handoff queue to Teams: new escalation cards, card refreshes after an owner change, and
 * citizen messages into the cards' threads. A pass runs as soon as a handoff verb or a citizen message
 * of this process announces activity (`onHandoffActivity`); announcements during a pass earn one more
 * pass after it. The loop every `intervalMs` is the safety net for anything the announcements missed
 * (another process that stopped before its pass, a connector that refused a card, a Redis wipe), so
 * it can be slow. One pass at a time per process.
 */
export function startTeamsSync(options: {
  ctx: () => TeamsContext;
  intervalMs: number;
  logger: Logger;
}): TeamsSync {
  let running: Promise<TeamsSyncCounts | undefined> | undefined;
  let again = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = (): Promise<TeamsSyncCounts | undefined> => {
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
        if (again && !stopped) {
          again = false;
          void run();
        }
      });
    return running;
  };
  const unsubscribe = onHandoffActivity(() => {
    if (stopped) return;
    // A pass already under way may have read before this change: one more follows it.
    if (running) {
      again = true;
      return;
    }
    if (settle) return;
    settle = setTimeout(() => {
      settle = undefined;
      if (!stopped) void run();
    }, SETTLE_MS);
    settle.unref?.();
  });
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, options.intervalMs);
  timer.unref?.();
  return {
    run,
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      if (settle) clearTimeout(settle);
      await running;
    },
  };
}
