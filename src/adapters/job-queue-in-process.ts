import {
  encodePayload,
  type JobEnvelope,
  logJobEvent,
  type RegisteredHandler,
  runJob,
} from "../jobs/run-job";
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

/** setTimeout fires at once for delays above 2^31-1 ms (~24.8 days), so longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647;

type Entry = {
  seq: number;
  jobId: string;
  envelope: JobEnvelope;
  maxAttempts: number;
  backoffMs: number;
  /** The try that runs next (1 = first). */
  attempt: number;
  /** When the entry becomes runnable: the scheduled time, or the end of a retry backoff. */
  dueAt: number;
  state: "scheduled" | "running" | "cancelled" | "done";
};

function before(a: Entry, b: Entry): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}

/** Binary min-heap on (dueAt, seq); cancelled entries are skipped when they surface. */
class EntryHeap {
  items: Entry[] = [];

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(entry, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  peek(): Entry | undefined {
    return this.items[0];
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  rebuild(entries: Entry[]): void {
    this.items = [];
    for (const entry of entries) this.push(entry);
  }
}

export type InProcessJobQueueOptions = {
  /** Handlers running at the same time. */
  concurrency?: number;
  logger?: Logger;
  onEvent?: (event: JobEvent) => void;
};

/**
 * The embedded scheduler: one min-heap and a single timer armed for the earliest job, so a hundred
 * thousand scheduled jobs cost one heap entry each. Nothing survives a restart; the reconciliation
 * sweep rebuilds SLA timers from PostgreSQL at start.
 */
export function createInProcessJobQueue(options: InProcessJobQueueOptions = {}): JobQueue {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const handlers = new Map<string, RegisteredHandler>();
  const heap = new EntryHeap();
  const byKey = new Map<string, Entry>();
  const inFlight = new Set<Promise<void>>();
  let scheduledCount = 0;
  let runningCount = 0;
  let sequence = 0;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Number.POSITIVE_INFINITY;

  const cancelEntry = (entry: Entry) => {
    entry.state = "cancelled";
    scheduledCount--;
    if (entry.envelope.key !== null) byKey.delete(entry.envelope.key);
    // Cancelled entries linger in the heap; rebuild once they outnumber the live ones.
    if (heap.items.length > 1024 && heap.items.length > 2 * scheduledCount) {
      heap.rebuild(heap.items.filter((item) => item.state === "scheduled"));
    }
  };

  const firstLive = (): Entry | undefined => {
    let top = heap.peek();
    while (top && top.state !== "scheduled") {
      heap.pop();
      top = heap.peek();
    }
    return top;
  };

  const arm = () => {
    if (!started || runningCount >= concurrency) return;
    const top = firstLive();
    if (!top) return;
    if (timer !== null && timerAt <= top.dueAt) return;
    if (timer !== null) clearTimeout(timer);
    timerAt = top.dueAt;
    const delay = Math.min(Math.max(0, top.dueAt - Date.now()), MAX_TIMEOUT_MS);
    timer = setTimeout(() => {
      timer = null;
      timerAt = Number.POSITIVE_INFINITY;
      pump();
    }, delay);
  };

  const pump = () => {
    if (!started) return;
    const now = Date.now();
    while (runningCount < concurrency) {
      const top = firstLive();
      if (!top || top.dueAt > now) break;
      heap.pop();
      scheduledCount--;
      execute(top);
    }
    arm();
  };

  const execute = (entry: Entry) => {
    entry.state = "running";
    runningCount++;
    const startedAt = new Date();
    const { envelope } = entry;
    const context = {
      jobId: entry.jobId,
      key: envelope.key,
      attempt: entry.attempt,
      runAt: new Date(envelope.runAt),
    };
    const task = runJob(handlers.get(envelope.job), envelope, context).then((result) => {
      runningCount--;
      const willRetry = result.outcome === "failed" && result.retryable && entry.attempt < entry.maxAttempts;
      if (willRetry) {
        entry.dueAt = Date.now() + entry.backoffMs * 2 ** (entry.attempt - 1);
        entry.attempt++;
        entry.state = "scheduled";
        scheduledCount++;
        heap.push(entry);
      } else {
        entry.state = "done";
        if (envelope.key !== null && byKey.get(envelope.key) === entry) byKey.delete(envelope.key);
      }
      const base = { job: envelope.job, jobId: entry.jobId, key: envelope.key, attempt: context.attempt };
      const times = { runAt: context.runAt, startedAt, finishedAt: new Date() };
      const event: JobEvent =
        result.outcome === "completed"
          ? { ...base, ...times, outcome: "completed" }
          : { ...base, ...times, outcome: "failed", reason: result.reason, willRetry, error: result.error };
      logJobEvent(options.logger, event);
      options.onEvent?.(event);
      pump();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  const add = (definition: AnyJobDefinition, payload: unknown, runAt: number, key: string | null) => {
    sequence++;
    const entry: Entry = {
      seq: sequence,
      jobId: `job-${sequence}`,
      envelope: { job: definition.id, version: definition.version, payload, runAt, key },
      maxAttempts: definition.retry.attempts,
      backoffMs: definition.retry.backoffMs,
      attempt: 1,
      dueAt: runAt,
      state: "scheduled",
    };
    heap.push(entry);
    scheduledCount++;
    if (key !== null) byKey.set(key, entry);
    arm();
  };

  const place = (
    definition: AnyJobDefinition,
    stored: unknown,
    runAt: number,
    key: string | null,
  ): EnqueueOutcome => {
    const existing = key === null ? undefined : byKey.get(key);
    if (!existing) {
      add(definition, stored, runAt, key);
      return "added";
    }
    const same =
      existing.envelope.job === definition.id &&
      existing.envelope.runAt === runAt &&
      JSON.stringify(existing.envelope.payload) === JSON.stringify(stored);
    if (same) return "unchanged";
    if (existing.state === "running") return "running";
    cancelEntry(existing);
    add(definition, stored, runAt, key);
    return "replaced";
  };

  return {
    async enqueue<J extends AnyJobDefinition>(
      job: J,
      payload: JobPayloadInput<J>,
      enqueueOptions: EnqueueOptions = {},
    ): Promise<EnqueueOutcome> {
      const stored = encodePayload(job, payload);
      return place(job, stored, enqueueOptions.runAt?.getTime() ?? Date.now(), enqueueOptions.key ?? null);
    },

    async enqueueMany(requests: readonly JobRequest[]): Promise<EnqueueOutcome[]> {
      const stored = requests.map((request) => encodePayload(request.job, request.payload));
      const now = Date.now();
      return requests.map((request, i) =>
        place(request.job, stored[i], request.options?.runAt?.getTime() ?? now, request.options?.key ?? null),
      );
    },

    async cancel(key: string): Promise<boolean> {
      const existing = byKey.get(key);
      if (existing?.state !== "scheduled") return false;
      cancelEntry(existing);
      return true;
    },

    registerHandler<J extends AnyJobDefinition>(job: J, handler: JobHandler<J>): void {
      handlers.set(job.id, { definition: job, handler: handler as JobHandler<AnyJobDefinition> });
    },

    async start(): Promise<void> {
      if (started) return;
      started = true;
      pump();
    },

    async stop(): Promise<void> {
      started = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      timerAt = Number.POSITIVE_INFINITY;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    async pending(): Promise<number> {
      return scheduledCount + runningCount;
    },
  };
}
