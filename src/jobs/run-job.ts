import { z } from "zod";
import type { Logger } from "../logger";
import type { AnyJobDefinition, JobContext, JobEvent, JobHandler } from "../ports/job-queue";

/** What a queue stores for one job, whatever the adapter. */
export const JobEnvelope = z.object({
  job: z.string(),
  version: z.number().int(),
  payload: z.unknown(),
  /** Scheduled time, ms since the epoch. */
  runAt: z.number(),
  key: z.string().nullable(),
});
export type JobEnvelope = z.infer<typeof JobEnvelope>;

export type RegisteredHandler = { definition: AnyJobDefinition; handler: JobHandler<AnyJobDefinition> };

/**
 * Validates a payload for enqueueing and returns the JSON copy the queue will store. Both adapters
 * store JSON, so a payload that only survives in memory (a Date, a Map) is refused here, not in Redis.
 */
export function encodePayload(definition: AnyJobDefinition, payload: unknown): unknown {
  const checked = definition.payload.safeParse(payload);
  if (!checked.success) {
    throw new Error(`job ${definition.id}: invalid payload: ${z.prettifyError(checked.error)}`);
  }
  const stored: unknown = JSON.parse(JSON.stringify(payload));
  if (!definition.payload.safeParse(stored).success) {
    throw new Error(`job ${definition.id}: payload does not survive JSON (use strings for dates)`);
  }
  return stored;
}

export type JobRunResult =
  | { outcome: "completed" }
  | {
      outcome: "failed";
      reason: "invalid_payload" | "handler_error" | "no_handler";
      retryable: boolean;
      error: string;
    };

/** Runs one try: re-validates the payload with the consumer's own definition, then calls the handler. */
export async function runJob(
  registered: RegisteredHandler | undefined,
  envelope: JobEnvelope,
  context: JobContext,
): Promise<JobRunResult> {
  if (!registered) {
    // Another deployment may know this job; let the retries give it a chance.
    return {
      outcome: "failed",
      reason: "no_handler",
      retryable: true,
      error: `no handler for ${envelope.job}`,
    };
  }
  const parsed = registered.definition.payload.safeParse(envelope.payload);
  if (!parsed.success) {
    return {
      outcome: "failed",
      reason: "invalid_payload",
      retryable: false,
      error: `payload of ${envelope.job} v${envelope.version} does not match v${registered.definition.version}: ${z.prettifyError(parsed.error)}`,
    };
  }
  try {
    await registered.handler(parsed.data, context);
    return { outcome: "completed" };
  } catch (error) {
    return {
      outcome: "failed",
      reason: "handler_error",
      retryable: true,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export function logJobEvent(logger: Logger | undefined, event: JobEvent): void {
  if (!logger || event.outcome === "completed") return;
  const fields = {
    job: event.job,
    jobId: event.jobId,
    key: event.key,
    attempt: event.attempt,
    reason: event.reason,
    willRetry: event.willRetry,
    error: event.error,
  };
  if (event.willRetry) logger.warn("job failed, will retry", fields);
  else logger.error("job failed", fields);
}
