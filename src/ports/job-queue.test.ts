import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./job-queue";

describe("defineJob", () => {
  const payload = z.object({ id: z.string() });

  it("accepts a dotted id and a sane retry policy, and freezes the definition", () => {
    const job = defineJob({
      id: "case.escalate",
      version: 2,
      payload,
      retry: { attempts: 3, backoffMs: 500 },
    });
    expect(job.id).toBe("case.escalate");
    expect(Object.isFrozen(job)).toBe(true);
    expect(Object.isFrozen(job.retry)).toBe(true);
  });

  it("rejects ids that are not dotted lower case and retry policies that never run", () => {
    expect(() =>
      defineJob({ id: "Escalate", version: 1, payload, retry: { attempts: 1, backoffMs: 0 } }),
    ).toThrow(/dotted/);
    expect(() =>
      defineJob({ id: "case.escalate", version: 1, payload, retry: { attempts: 0, backoffMs: 0 } }),
    ).toThrow(/attempts/);
    expect(() =>
      defineJob({ id: "case.escalate", version: 1, payload, retry: { attempts: 2, backoffMs: -1 } }),
    ).toThrow(/backoffMs/);
  });
});
