export type BatchOptions<In> = {
  /** Most inputs one call of `run` takes. */
  maxBatch: number;
  /** Calls of `run` under way at once; later inputs wait and go together in the next one. */
  maxInFlight: number;
  /** Whether `input` may go in the same call as `batch` (false leaves it for a later call). */
  canJoin?: (batch: readonly In[], input: In) => boolean;
};

type Waiting<In, Out> = { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void };

/**
 * Turns a one-at-a-time call into batched calls of `run`, which answers each input in order. Under
 * light load an input goes out on the next turn of the event loop, alone; under load the inputs that
 * arrive while `maxInFlight` calls are running wait for one to finish and then go out together, so
 * the number of round trips grows with the batches, not with the inputs. A failed call rejects every
 * input it carried.
 */
export function batchCalls<In, Out>(
  run: (inputs: In[]) => Promise<Out[]>,
  options: BatchOptions<In>,
): (input: In) => Promise<Out> {
  const waiting: Array<Waiting<In, Out>> = [];
  let inFlight = 0;
  let scheduled = false;

  const takeBatch = (): Array<Waiting<In, Out>> => {
    const batch: Array<Waiting<In, Out>> = [];
    const inputs: In[] = [];
    for (let i = 0; i < waiting.length && batch.length < options.maxBatch; ) {
      const item = waiting[i]!;
      if (inputs.length > 0 && options.canJoin && !options.canJoin(inputs, item.input)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      batch.push(item);
      inputs.push(item.input);
    }
    return batch;
  };

  const send = async (batch: Array<Waiting<In, Out>>) => {
    try {
      const outs = await run(batch.map((item) => item.input));
      for (const [i, item] of batch.entries()) item.resolve(outs[i]!);
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      inFlight--;
      pump();
    }
  };

  const pump = () => {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      inFlight++;
      void send(takeBatch());
    }
  };

  return (input: In) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      // Wait for the current turn to finish so inputs queued in the same turn share one call.
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        pump();
      });
    });
}
