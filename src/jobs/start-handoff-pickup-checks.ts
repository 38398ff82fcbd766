import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { JobQueue } from "../ports/job-queue";
import type { Translate } from "../services/conversations/context";
import type { EnqueueDelivery } from "../services/deliveries/context";
import { assignQueuedConversations } from "../services/handoff/assign-conversation";
import { handlePickupTimeout, sweepPickupChecks } from "../services/handoff/handle-pickup-timeout";
import { handoffPickupTimeoutJob } from "./catalogue";

export type StartHandoffPickupChecksOptions = {
  database: Database;
  queue: JobQueue;
  logger: Logger;
  translate: Translate;
  pickupTimeoutMinutes: number;
  enqueueDelivery?: EnqueueDelivery | undefined;
  /** How often waiting conversations are checked for a lost pick-up job; 0 checks only at start. */
  sweepIntervalMs?: number;
};

/**
 * Wires the pick-up check job and plans the checks of every conversation already waiting: at start
 * (an in-process queue forgets its jobs in a restart) and then every `sweepIntervalMs` (requests
 * made on the Workers runtime, which has no queue, are planned here). Each sweep also assigns the
 * waiting conversations that found nobody free when they arrived.
 */
export async function startHandoffPickupChecks(
  options: StartHandoffPickupChecksOptions,
): Promise<{ sweep(): Promise<number>; stop(): void }> {
  const { database, queue, logger } = options;
  queue.registerHandler(handoffPickupTimeoutJob, async (payload) => {
    const result = await handlePickupTimeout(
      {
        database,
        translate: options.translate,
        pickupTimeoutMinutes: options.pickupTimeoutMinutes,
        enqueueDelivery: options.enqueueDelivery,
      },
      payload,
      new Date(),
    );
    if (result.outcome === "told") {
      logger.info("handoff not picked up in time", { conversationId: payload.conversationId });
    }
  });
  const settings = { jobQueue: queue, pickupTimeoutMinutes: options.pickupTimeoutMinutes };
  // Each sweep also assigns waiting conversations nobody could take when they arrived (a place has come
  // free since, or someone became available on another process).
  const sweep = async () => {
    const planned = await sweepPickupChecks(database, settings, new Date());
    await assignQueuedConversations(database.db, new Date());
    return planned;
  };
  const sweepLogged = () =>
    sweep().catch((error: unknown) => {
      logger.error("handoff pick-up sweep failed", {
        error: error instanceof Error ? error.message : String(error),
      });
      return 0;
    });
  void sweepLogged();
  const interval = options.sweepIntervalMs ?? 60_000;
  const timer = interval > 0 ? setInterval(sweepLogged, interval) : null;
  timer?.unref();
  return {
    sweep,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
