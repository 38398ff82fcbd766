import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { EnqueueDelivery } from "../services/deliveries/context";
import { findStrandedSmsWork } from "../services/sms/find-stranded-sms-work";

export interface SmsSweepCounts {
  turns: number;
  deliveries: number;
  /** Items whose enqueue failed again (Redis still out of reach); the next sweep tries them. */
  failed: number;
}

export interface SmsSweep {
  /** Runs a sweep now; waits for one already running. */
  sweep(): Promise<SmsSweepCounts>;
  stop(): Promise<void>;
}

/**
 * Queues again the SMS work PostgreSQL holds and no job will finish (see findStrandedSmsWork): once
 * at start and then every `intervalMs`. Both jobs are keyed by the message, so work still in the queue
 * is not doubled, and the handlers are idempotent (a stored reply is not produced again, a sent message
 * is not sent again).
 */
export function startSmsSweep(options: {
  database: Database;
  logger: Logger;
  enqueueTurn: (messageId: string) => Promise<void>;
  enqueueDelivery: EnqueueDelivery;
  intervalMs: number;
  minAgeMs?: number;
  staleClaimMs?: number;
}): SmsSweep {
  const { logger } = options;
  let running: Promise<SmsSweepCounts> | null = null;
  const sweep = () => {
    running ??= (async () => {
      try {
        const work = await findStrandedSmsWork({
          database: options.database,
          ...(options.minAgeMs === undefined ? {} : { minAgeMs: options.minAgeMs }),
          ...(options.staleClaimMs === undefined ? {} : { staleClaimMs: options.staleClaimMs }),
        });
        const counts: SmsSweepCounts = { turns: 0, deliveries: 0, failed: 0 };
        for (const messageId of work.turns) {
          try {
            await options.enqueueTurn(messageId);
            counts.turns += 1;
          } catch {
            counts.failed += 1;
          }
        }
        for (const { kind, target } of work.deliveries) {
          try {
            await options.enqueueDelivery(kind, target);
            counts.deliveries += 1;
          } catch {
            counts.failed += 1;
          }
        }
        if (counts.turns + counts.deliveries + counts.failed > 0)
          logger.info("SMS sweep queued work again", { ...counts });
        return counts;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const logged = () =>
    sweep().catch((error: unknown) =>
      logger.warn("SMS sweep failed; the next one tries again", {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  void logged();
  const timer = options.intervalMs > 0 ? setInterval(logged, options.intervalMs) : null;
  timer?.unref();
  return {
    sweep,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
