import { describe, expect, it } from "vitest";
import { jobCatalogue, slaBreachJob } from "./catalogue";

describe("job catalogue", () => {
  it("lists each job id once, dotted", () => {
    const ids = jobCatalogue.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it("SLA timer payloads carry the case, the key and a UTC due time", () => {
    const valid = { caseId: "c1", key: "sla:c1", timer: "resolution", dueAt: "2026-06-01T08:00:00.000Z" };
    expect(slaBreachJob.payload.safeParse(valid).success).toBe(true);
    expect(slaBreachJob.payload.safeParse({ ...valid, timer: "lunch" }).success).toBe(false);
    expect(slaBreachJob.payload.safeParse({ ...valid, dueAt: "tomorrow" }).success).toBe(false);
  });
});
