import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { caseEvents, caseFollowers, cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { syncCatalogue } from "../catalogue/sync-catalogue";
import { DEFAULT_CASE_SETTINGS } from "./context";
import { openCase } from "./open-case";
import { createCitizen, seedCatalogue } from "./test-fixtures";

const LIGHT = { serviceCode: "street-light", attributes: { light_state: "off" }, channel: "web", lang: "en" };

forEachDatabase("openCase", (use) => {
  beforeAll(async () => {
    await seedCatalogue(use());
  });

  const asCitizen = async () => {
    const citizen = await createCitizen(use());
    return {
      citizen,
      ctx: { database: use(), actor: { kind: "citizen" as const, contactId: citizen.contactId } },
    };
  };

  it("opens a case with a yearly reference, the service's department, policy and default priority", async () => {
    const { citizen, ctx } = await asCitizen();
    const now = new Date("2026-03-02T10:00:00Z");
    const first = await openCase({
      ctx: { ...ctx, now },
      input: {
        ...LIGHT,
        description: "Light out",
        location: { address: "3 Oak Avenue" },
        conversationId: citizen.conversationId,
      },
    });
    const second = await openCase({
      ctx: { ...ctx, now },
      input: { ...LIGHT, description: "Another light out", location: { address: "90 Mill Lane" } },
    });
    expect(first.outcome).toBe("opened");
    expect(first.case.reference).toMatch(/^CD-2026-\d{6}$/);
    expect(Number(second.case.reference.slice(-6))).toBe(Number(first.case.reference.slice(-6)) + 1);
    expect(first.case).toMatchObject({
      status: "new",
      priority: "normal",
      department: "highways",
      contactId: citizen.contactId,
      sla: { policyCode: "quick-repair" },
    });
    const events = await use().db.select().from(caseEvents).where(eq(caseEvents.caseId, first.case.id));
    expect(events.map((e) => e.type)).toEqual(["case.opened"]);
  });

  it("sends the case to the department of a matching location rule", async () => {
    const { ctx } = await asCitizen();
    const settings = {
      ...DEFAULT_CASE_SETTINGS,
      locationRules: [{ department: "street-scene", services: ["street-light"], district: "Old Town" }],
    };
    const inside = await openCase({
      ctx: { ...ctx, settings },
      input: { ...LIGHT, description: "Light out", location: { address: "4 Castle Lane, Old Town" } },
    });
    const outside = await openCase({
      ctx: { ...ctx, settings },
      input: { ...LIGHT, description: "Light out", location: { address: "4 Castle Lane, Newbury" } },
    });
    expect(inside.case.department).toBe("street-scene");
    expect(outside.case.department).toBe("highways");
  });

  it("applies the location rules synced from services.yaml when the settings bring none (every channel)", async () => {
    const { ctx } = await asCitizen();
    const files = await seedCatalogue(use());
    const rule = { department: "street-scene", services: ["street-light"], district: "Old Town" };
    await syncCatalogue({
      ctx: { database: use() },
      input: { ...files, services: { ...files.services, location_rules: [rule] } },
    });
    try {
      const inside = await openCase({
        ctx,
        input: { ...LIGHT, description: "Light out", location: { address: "9 Castle Lane, Old Town" } },
      });
      expect(inside.case.department).toBe("street-scene");
    } finally {
      await seedCatalogue(use());
    }
  });

  it("refuses a report without a required attribute or a location, naming each field", async () => {
    const { ctx } = await asCitizen();
    const error = await openCase({
      ctx,
      input: { ...LIGHT, attributes: { light_state: "purple" }, description: "Light out" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const paths = (error as DomainError).details.errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["attributes.light_state", "location"]));
  });

  it("does not let a citizen open a case in someone else's name", async () => {
    const { ctx } = await asCitizen();
    const other = await createCitizen(use());
    await expect(
      openCase({
        ctx,
        input: { ...LIGHT, description: "x", location: { address: "1 A Road" }, contactId: other.contactId },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  describe("duplicates", () => {
    const at = (lat: number, long: number) => ({ lat, long });
    const base = { lat: 51.5007, long: -0.1246 };

    it("links a report of the same service within the radius and window to the open case", async () => {
      const first = await asCitizen();
      const opened = await openCase({
        ctx: { ...first.ctx, now: new Date("2026-04-01T08:00:00Z") },
        input: { ...LIGHT, description: "Dark corner", location: at(base.lat, base.long) },
      });
      const second = await asCitizen();
      // About 30 m north.
      const linked = await openCase({
        ctx: { ...second.ctx, now: new Date("2026-04-02T08:00:00Z") },
        input: { ...LIGHT, description: "Lamp not working", location: at(base.lat + 0.00027, base.long) },
      });
      expect(linked.outcome).toBe("linked");
      expect(linked.case.reference).toBe(opened.case.reference);
      const followers = await use()
        .db.select()
        .from(caseFollowers)
        .where(eq(caseFollowers.caseId, opened.case.id));
      expect(followers.map((f) => f.contactId)).toEqual([second.citizen.contactId]);
      const events = await use().db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.case.id));
      expect(events.map((e) => e.type)).toContain("case.duplicate_report");
    });

    it("opens a new case when the report is farther, later, of another service, or the case is resolved", async () => {
      const { ctx } = await asCitizen();
      const point = { lat: 48.8584, long: 2.2945 };
      const opened = await openCase({
        ctx: { ...ctx, now: new Date("2026-05-01T08:00:00Z") },
        input: { ...LIGHT, description: "Out", location: point },
      });
      // About 80 m east at this latitude, beyond the default 50 m.
      const far = await openCase({
        ctx: { ...ctx, now: new Date("2026-05-01T09:00:00Z") },
        input: {
          ...LIGHT,
          description: "Out",
          location: at(point.lat, point.long + 0.0011),
          detectDuplicates: true,
        },
      });
      const late = await openCase({
        ctx: { ...ctx, now: new Date("2026-05-20T09:00:00Z") },
        input: { ...LIGHT, description: "Out", location: point },
      });
      const otherService = await openCase({
        ctx: { ...ctx, now: new Date("2026-05-01T10:00:00Z") },
        input: {
          serviceCode: "pothole",
          attributes: { surface: "road" },
          channel: "web",
          lang: "en",
          description: "Hole",
          location: point,
        },
      });
      expect([far.outcome, late.outcome, otherService.outcome]).toEqual(["opened", "opened", "opened"]);
      expect(far.case.reference).not.toBe(opened.case.reference);

      await use().db.update(cases).set({ status: "resolved" }).where(eq(cases.id, opened.case.id));
      await use().db.update(cases).set({ status: "resolved" }).where(eq(cases.id, late.case.id));
      const afterResolved = await openCase({
        ctx: { ...ctx, now: new Date("2026-05-20T10:00:00Z") },
        input: { ...LIGHT, description: "Out again", location: point },
      });
      expect(afterResolved.outcome).toBe("opened");
    });

    it("links reports at the same address written differently, and honours a wider configured radius", async () => {
      const { ctx } = await asCitizen();
      const now = new Date("2026-06-01T08:00:00Z");
      const opened = await openCase({
        ctx: { ...ctx, now },
        input: { ...LIGHT, description: "Out", location: { address: "12 Elm Street" } },
      });
      const again = await openCase({
        ctx: { ...ctx, now },
        input: { ...LIGHT, description: "Still out", location: { address: "Elm St. nr 12" } },
      });
      expect(again).toMatchObject({ outcome: "linked", case: { reference: opened.case.reference } });

      const point = { lat: 45.0, long: 7.0 };
      await openCase({ ctx: { ...ctx, now }, input: { ...LIGHT, description: "Out", location: point } });
      const wide = await openCase({
        ctx: { ...ctx, now, settings: { duplicateRadiusMetres: 200, duplicateWindowHours: 24 } },
        input: { ...LIGHT, description: "Out", location: at(45.0011, 7.0) },
      });
      expect(wide.outcome).toBe("linked");
    });
  });
});
