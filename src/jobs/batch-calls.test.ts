import { describe, expect, it } from "vitest";
import { batchCalls } from "./batch-calls";

function deferred() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { done, release };
}

describe("batchCalls", () => {
  it("sends inputs of the same turn together and answers each in order", async () => {
    const calls: number[][] = [];
    const double = batchCalls(
      async (inputs: number[]) => {
        calls.push(inputs);
        return inputs.map((n) => n * 2);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it("holds inputs while the calls in flight run, then sends them as one batch", async () => {
    const calls: number[][] = [];
    const gate = deferred();
    const echo = batchCalls(
      async (inputs: number[]) => {
        calls.push(inputs);
        if (calls.length === 1) await gate.done;
        return inputs;
      },
      { maxBatch: 2, maxInFlight: 1 },
    );
    const first = echo(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [echo(2), echo(3), echo(4)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([[1]]);
    gate.release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([[1], [2, 3], [4]]);
  });

  it("keeps inputs that may not join a batch for the next call", async () => {
    const calls: string[][] = [];
    const send = batchCalls(
      async (inputs: string[]) => {
        calls.push(inputs);
        return inputs;
      },
      { maxBatch: 10, maxInFlight: 1, canJoin: (batch, input) => !batch.includes(input) },
    );
    await Promise.all(["a", "b", "a", "c"].map(send));
    expect(calls).toEqual([["a", "b", "c"], ["a"]]);
  });

  it("rejects every input of a failed call, and goes on with the next ones", async () => {
    let fail = true;
    const send = batchCalls(
      async (inputs: number[]) => {
        if (fail) throw new Error("down");
        return inputs;
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled([send(1), send(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await send(3)).toBe(3);
  });
});
