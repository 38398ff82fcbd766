import type { z } from "zod";

export type JobRetry = {
  /** Total tries, the first one included. */
  attempts: number;
  /** Wait before the first retry; each further retry waits twice as long. */
  backoffMs: number;
};

export type JobDefinition<Id extends string = string, Schema extends z.ZodType = z.ZodType> = {
  /** Dotted id, e.g. "sla.breach"; also the job's name on the queue. */
  readonly id: Id;
  readonly version: number;
  readonly payload: Schema;
  readonly retry: JobRetry;
};

// biome-ignore lint/suspicious/noExplicitAny: the schema's variance needs `any` to accept every definition
export type AnyJobDefinition = JobDefinition<string, any>;
export type JobPayloadInput<J extends AnyJobDefinition> = z.input<J["payload"]>;
export type JobPayload<J extends AnyJobDefinition> = z.output<J["payload"]>;

export function defineJob<const Id extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Id, Schema>,
): JobDefinition<Id, Schema> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(definition.id)) {
    throw new Error(`job id "${definition.id}" must be dotted lower case, e.g. "sla.breach"`);
  }
  if (!Number.isInteger(definition.retry.attempts) || definition.retry.attempts < 1) {
    throw new Error(`job ${definition.id}: retry.attempts must be a whole number >= 1`);
  }
  if (!(definition.retry.backoffMs >= 0))
    throw new Error(`job ${definition.id}: retry.backoffMs must be >= 0`);
  return Object.freeze({ ...definition, retry: Object.freeze({ ...definition.retry }) });
}

export type EnqueueOptions = {
  /** When to run; omitted or in the past means as soon as possible. */
  runAt?: Date;
  /**
   * Idempotency key: while a job with this key is pending, enqueueing it again keeps one job
   * (replacing it when `runAt` or the payload differ). Once it has run, the key is free again.
   */
  key?: string;
};

/**
 * added: a new job. replaced: a pending job with the key got the new time or payload. unchanged: a
 * job with the key already has this time and payload. running: a different job with the key is
 * running right now and was left alone.
 */
export type EnqueueOutcome = "added" | "replaced" | "unchanged" | "running";

/** One job of a batch for `enqueueMany`; build it with `jobRequest` to keep the payload typed. */
export type JobRequest<J extends AnyJobDefinition = AnyJobDefinition> = {
  job: J;
  payload: JobPayloadInput<J>;
  options?: EnqueueOptions;
};

export function jobRequest<J extends AnyJobDefinition>(
  job: J,
  payload: JobPayloadInput<J>,
  options?: EnqueueOptions,
): JobRequest<J> {
  return options ? { job, payload, options } : { job, payload };
}

export type JobContext = {
  jobId: string;
  key: string | null;
  /** 1 on the first try. */
  attempt: number;
  /** The time the job was scheduled for. */
  runAt: Date;
};

export type JobHandler<J extends AnyJobDefinition> = (
  payload: JobPayload<J>,
  context: JobContext,
) => Promise<void>;

/** What happened to one try of a job; adapters report it to their observer and log failures. */
export type JobEvent = {
  job: string;
  jobId: string;
  key: string | null;
  attempt: number;
  runAt: Date;
  startedAt: Date;
  finishedAt: Date;
} & (
  | { outcome: "completed" }
  | {
      outcome: "failed";
      reason: "invalid_payload" | "handler_error" | "no_handler";
      willRetry: boolean;
      error: string;
    }
);

/**
 * Delayed, at-least-once jobs. Handlers must be idempotent: a job can run twice (a worker dies
 * mid-job, a sweep re-enqueues it after it ran). The consumer re-validates every payload with the
 * job's schema; an invalid payload fails at once, without retries.
 */
export interface JobQueue {
  enqueue<J extends AnyJobDefinition>(
    job: J,
    payload: JobPayloadInput<J>,
    options?: EnqueueOptions,
  ): Promise<EnqueueOutcome>;
  /**
   * Enqueues a batch with the same per-key rules as `enqueue`, in far fewer round trips; outcomes
   * come back in request order. Every payload is validated first: one invalid payload enqueues nothing.
   */
  enqueueMany(requests: readonly JobRequest[]): Promise<EnqueueOutcome[]>;
  /** Removes the pending job with this key; false when there is none (or it is already running). */
  cancel(key: string): Promise<boolean>;
  registerHandler<J extends AnyJobDefinition>(job: J, handler: JobHandler<J>): void;
  /** Starts consuming. A queue that is never started only produces. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish; pending jobs stay queued. */
  stop(): Promise<void>;
  /** Jobs not finished yet: scheduled, waiting for a retry, or running. */
  pending(): Promise<number>;
}
