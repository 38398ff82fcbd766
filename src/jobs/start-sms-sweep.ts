import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { EnqueueDelivery } from "../services/deliveries/context";
import { findStrandedSmsWork } from "../services/sms/find-stranded-sms-work";
import { findStrandedVoiceTurns, type StrandedVoiceTurn } from "../services/voice/find-stranded-voice-turns";

export interface SmsSweepCounts {
  turns: number;
  deliveries: number;
  /** Spoken turns of the voice line queued again (the line had stopped waiting for them). */
  voiceTurns: number;
  /** Items whose enqueue failed again (Redis still out of reach); the next sweep tries them. */
  failed: number;
}

export interface SmsSweep {
  /** Runs a sweep now; waits for one already running. */
  sweep(): Promise<SmsSweepCounts>;
  stop(): Promise<void>;
}

/**
 * Queues again the SMS work PostgreSQL holds and no job will finish (see findStrandedSmsWork), and,
 * with `enqueueVoiceTurn`, the voice line's spoken turns whose job was lost (findStrandedVoiceTurns):
 * once at start and then every `intervalMs`. Every job is keyed by its message or call turn, so work
 * still in the queue is not doubled, and the handlers are idempotent (a stored reply is not produced
 * again, a sent message is not sent again, a case reference is texted once).
 */
export function startSmsSweep(options: {
  database: Database;
  logger: Logger;
  enqueueTurn: (messageId: string) => Promise<void>;
  enqueueDelivery: EnqueueDelivery;
  /** Queues a stranded spoken turn's job again (marked as answered after the call). */
  enqueueVoiceTurn?: (turn: StrandedVoiceTurn) => Promise<void>;
  /** Spoken turns younger than this are still the line's (default 30 s, past the line's own wait). */
  voiceMinAgeMs?: number;
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
        const counts: SmsSweepCounts = { turns: 0, deliveries: 0, voiceTurns: 0, failed: 0 };
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
        if (options.enqueueVoiceTurn) {
          const spoken = await findStrandedVoiceTurns({
            database: options.database,
            ...(options.voiceMinAgeMs === undefined ? {} : { minAgeMs: options.voiceMinAgeMs }),
          });
          for (const turn of spoken) {
            try {
              await options.enqueueVoiceTurn(turn);
              counts.voiceTurns += 1;
            } catch {
              counts.failed += 1;
            }
          }
        }
        if (counts.turns + counts.deliveries + counts.voiceTurns + counts.failed > 0)
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
