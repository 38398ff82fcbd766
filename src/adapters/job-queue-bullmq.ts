import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { encodePayload, JobEnvelope, logJobEvent, type RegisteredHandler, runJob } from "../jobs/run-job";
import type { Logger } from "../logger";
import type {
  AnyJobDefinition,
  EnqueueOptions,
  EnqueueOutcome,
  JobEvent,
  JobHandler,
  JobPayloadInput,
  JobQueue,
  JobRequest,
} from "../ports/job-queue";

export type BullmqJobQueueOptions = {
  /** redis://host:port/db */
  redisUrl: string;
  queueName?: string;
  /** Prefix of every Redis key of the queue; tests use a fresh one per run. */
  prefix?: string;
  /** Jobs one worker runs at the same time. Timer handlers mostly wait on I/O, so this is high. */
  concurrency?: number;
  /**
   * A killed worker's running jobs are noticed after this long and run again. Lower means faster
   * recovery, at the price of more Redis checks.
   */
  stalledIntervalMs?: number;
  /** How long a running job stays locked to its worker without a lock renewal. */
  lockDurationMs?: number;
  logger?: Logger;
  onEvent?: (event: JobEvent) => void;
};

const PENDING_STATES = ["delayed", "waiting", "prioritized", "paused", "waiting-children"] as const;
/** Jobs per addBulk call (one MULTI); bigger batches hold Redis longer without saving much. */
const BULK_SIZE = 1000;
const isPendingState = (state: string) => (PENDING_STATES as readonly string[]).includes(state);

/** BullMQ refuses custom ids that look like integers or contain ":"; keys may be anything. */
function jobIdOfKey(key: string): string {
  return `k-${encodeURIComponent(key)}`;
}

/**
 * BullMQ on Redis. Delayed jobs carry the idempotency key as their job id, so two producers adding
 * the same key keep one job. BullMQ 5 workers promote delayed jobs themselves: they block on a
 * marker (BZPOPMIN) until the next due time. Redis checks blocking timeouts `hz` times a second, so
 * with the default `hz 10` a delayed job runs up to ~100 ms late; `hz 100` brings that to ~10 ms.
 */
export function createBullmqJobQueue(options: BullmqJobQueueOptions): JobQueue {
  const queueName = options.queueName ?? "civicdesk-jobs";
  const prefix = options.prefix ?? "civicdesk";
  const handlers = new Map<string, RegisteredHandler>();
  let queue: Queue | null = null;
  let queueConnection: Redis | null = null;
  let worker: Worker | null = null;
  let workerConnection: Redis | null = null;

  const getQueue = (): Queue => {
    if (!queue) {
      // Producers fail fast while Redis is out of reach (BullMQ's advice for request paths) instead of
      // holding a webhook or a turn until it returns: callers leave the work in PostgreSQL for a sweep.
      queueConnection = new Redis(options.redisUrl, {
        maxRetriesPerRequest: null,
        enableOfflineQueue: false,
      });
      queueConnection.on("error", () => {});
      queue = new Queue(queueName, { connection: queueConnection, prefix });
      // Without a listener BullMQ prints each connection error to stderr; these go through the logger.
      queue.on("error", (error) =>
        options.logger?.warn("job queue connection error", { error: error.message }),
      );
    }
    return queue;
  };

  const emit = (event: JobEvent) => {
    logJobEvent(options.logger, event);
    options.onEvent?.(event);
  };

  const processJob = async (job: Job) => {
    const startedAt = new Date();
    const attempt = job.attemptsMade + 1;
    const parsedEnvelope = JobEnvelope.safeParse(job.data);
    const envelope: JobEnvelope = parsedEnvelope.success
      ? parsedEnvelope.data
      : { job: job.name, version: 0, payload: job.data, runAt: job.timestamp + (job.delay ?? 0), key: null };
    const context = { jobId: job.id ?? "", key: envelope.key, attempt, runAt: new Date(envelope.runAt) };
    const result = parsedEnvelope.success
      ? await runJob(handlers.get(job.name), envelope, context)
      : ({
          outcome: "failed",
          reason: "invalid_payload",
          retryable: false,
          error: "not a job envelope",
        } as const);
    const base = {
      job: job.name,
      jobId: context.jobId,
      key: envelope.key,
      attempt,
      runAt: context.runAt,
      startedAt,
    };
    if (result.outcome === "completed") {
      emit({ ...base, finishedAt: new Date(), outcome: "completed" });
      return;
    }
    const willRetry = result.retryable && attempt < (job.opts.attempts ?? 1);
    emit({
      ...base,
      finishedAt: new Date(),
      outcome: "failed",
      reason: result.reason,
      willRetry,
      error: result.error,
    });
    throw result.retryable ? new Error(result.error) : new UnrecoverableError(result.error);
  };

  const jobOptions = (definition: AnyJobDefinition, envelope: JobEnvelope, jobId: string | undefined) => {
    // BullMQ runs a job at timestamp + delay; pinning the timestamp makes that exactly runAt.
    const now = Date.now();
    return {
      jobId,
      timestamp: now,
      delay: Math.max(0, envelope.runAt - now),
      attempts: definition.retry.attempts,
      backoff: { type: "exponential", delay: definition.retry.backoffMs },
      removeOnComplete: true,
      // Kept a week for inspection; enqueueing the same key again clears the failed one first.
      removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    } satisfies JobsOptions;
  };

  const addJob = async (definition: AnyJobDefinition, envelope: JobEnvelope, jobId: string | undefined) => {
    await getQueue().add(definition.id, envelope, jobOptions(definition, envelope, jobId));
  };

  const toEnvelope = (request: JobRequest): JobEnvelope => ({
    job: request.job.id,
    version: request.job.version,
    payload: encodePayload(request.job, request.payload),
    runAt: request.options?.runAt?.getTime() ?? Date.now(),
    key: request.options?.key ?? null,
  });

  /** The keyed path once the job with the key (if any) has been read. */
  const placeKeyed = async (
    definition: AnyJobDefinition,
    envelope: JobEnvelope,
    jobId: string,
    existing: Job | undefined,
  ): Promise<EnqueueOutcome> => {
    if (!existing) {
      await addJob(definition, envelope, jobId);
      return "added";
    }
    const existingEnvelope = JobEnvelope.safeParse(existing.data);
    const same =
      existingEnvelope.success &&
      existing.name === definition.id &&
      existingEnvelope.data.runAt === envelope.runAt &&
      JSON.stringify(existingEnvelope.data.payload) === JSON.stringify(envelope.payload);
    if (same && !existing.finishedOn) return "unchanged";

    const state = await existing.getState();
    if (state === "active") return "running";
    try {
      await existing.remove();
    } catch {
      // Locked: a worker took the job between our two reads.
      return "running";
    }
    await addJob(definition, envelope, jobId);
    return isPendingState(state) ? "replaced" : "added";
  };

  return {
    async enqueue<J extends AnyJobDefinition>(
      job: J,
      payload: JobPayloadInput<J>,
      enqueueOptions: EnqueueOptions = {},
    ): Promise<EnqueueOutcome> {
      const envelope = toEnvelope({ job, payload, options: enqueueOptions });
      if (envelope.key === null) {
        await addJob(job, envelope, undefined);
        return "added";
      }
      const jobId = jobIdOfKey(envelope.key);
      return placeKeyed(job, envelope, jobId, await getQueue().getJob(jobId));
    },

    async enqueueMany(requests: readonly JobRequest[]): Promise<EnqueueOutcome[]> {
      const envelopes = requests.map(toEnvelope);
      const outcomes: EnqueueOutcome[] = new Array(requests.length);
      for (let start = 0; start < requests.length; start += BULK_SIZE) {
        const indexes = [...envelopes.keys()].slice(start, start + BULK_SIZE);
        // Concurrent reads share the connection's pipeline: one round trip for the whole slice.
        const existing = await Promise.all(
          indexes.map((i) => {
            const key = envelopes[i]!.key;
            return key === null ? undefined : getQueue().getJob(jobIdOfKey(key));
          }),
        );
        const fresh: number[] = [];
        const seen = new Set<string>();
        const others: Array<{ i: number; job: Job | undefined; repeated: boolean }> = [];
        indexes.forEach((i, n) => {
          const key = envelopes[i]!.key;
          const repeated = key !== null && seen.has(key);
          if (existing[n] || repeated) others.push({ i, job: existing[n], repeated });
          else fresh.push(i);
          if (key !== null) seen.add(key);
        });
        await getQueue().addBulk(
          fresh.map((i) => {
            const envelope = envelopes[i]!;
            const jobId = envelope.key === null ? undefined : jobIdOfKey(envelope.key);
            return {
              name: envelope.job,
              data: envelope,
              opts: jobOptions(requests[i]!.job, envelope, jobId),
            };
          }),
        );
        for (const i of fresh) outcomes[i] = "added";
        // Jobs already there (and repeated keys within the batch) take the one-by-one path.
        for (const { i, job, repeated } of others) {
          const envelope = envelopes[i]!;
          const jobId = jobIdOfKey(envelope.key!);
          const current = repeated ? await getQueue().getJob(jobId) : job;
          outcomes[i] = await placeKeyed(requests[i]!.job, envelope, jobId, current);
        }
      }
      return outcomes;
    },

    async cancel(key: string): Promise<boolean> {
      const existing = await getQueue().getJob(jobIdOfKey(key));
      if (!existing) return false;
      const state = await existing.getState();
      if (!isPendingState(state)) return false;
      try {
        await existing.remove();
        return true;
      } catch {
        return false;
      }
    },

    registerHandler<J extends AnyJobDefinition>(job: J, handler: JobHandler<J>): void {
      handlers.set(job.id, { definition: job, handler: handler as JobHandler<AnyJobDefinition> });
    },

    async start(): Promise<void> {
      if (worker) return;
      workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      worker = new Worker(queueName, processJob, {
        connection: workerConnection,
        prefix,
        concurrency: options.concurrency ?? 32,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        lockDuration: options.lockDurationMs ?? 30_000,
        autorun: true,
      });
      worker.on("error", (error) => options.logger?.error("job worker error", { error: error.message }));
      await worker.waitUntilReady();
    },

    async stop(): Promise<void> {
      // Worker.close waits for the running jobs before it resolves.
      await worker?.close();
      await queue?.close();
      await Promise.all(
        [workerConnection, queueConnection].map((connection) => connection?.quit().catch(() => {})),
      );
      worker = null;
      queue = null;
      workerConnection = null;
      queueConnection = null;
    },

    async pending(): Promise<number> {
      const counts = await getQueue().getJobCounts(...PENDING_STATES, "active");
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
  };
}
