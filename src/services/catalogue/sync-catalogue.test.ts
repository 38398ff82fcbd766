import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { serviceAttributes, services, slaPolicies } from "../../db/schema";
import { seedCatalogue } from "../cases/test-fixtures";
import { loadLocationRules } from "./location-rules";
import { syncCatalogue } from "./sync-catalogue";

forEachDatabase("syncCatalogue", (use) => {
  it("loads every service with its attributes, department and SLA policy", async () => {
    const files = await seedCatalogue(use());
    const rows = await use().db.select().from(services);
    expect(rows).toHaveLength(files.services.services.length);
    const [light] = rows.filter((r) => r.code === "street-light");
    expect(light).toMatchObject({
      departmentCode: "highways",
      slaPolicyCode: "quick-repair",
      locationRequired: true,
    });
    expect(light?.names.fr).toBe("Éclairage public en panne");
    const attributes = await use()
      .db.select()
      .from(serviceAttributes)
      .where(eq(serviceAttributes.serviceCode, "street-light"));
    const state = attributes.find((a) => a.code === "light_state");
    expect(state?.required).toBe(true);
    expect(state?.values.map((v) => v.key)).toEqual(["off", "flickering", "on_in_day", "damaged"]);
  });

  it("stores the location rules in file order, replacing the previous list", async () => {
    const files = await seedCatalogue(use());
    const rules = [
      { department: "street-scene", services: ["street-light"], district: "Old Town" },
      {
        department: "waste",
        polygon: [
          [51.5, -0.13],
          [51.51, -0.13],
          [51.51, -0.12],
        ] as [number, number][],
      },
    ];
    const withRules = { ...files, services: { ...files.services, location_rules: rules } };
    expect((await syncCatalogue({ ctx: { database: use() }, input: withRules })).locationRules).toBe(2);
    expect(await loadLocationRules(use().db)).toEqual(rules);
    const fewer = { ...files, services: { ...files.services, location_rules: rules.slice(1) } };
    await syncCatalogue({ ctx: { database: use() }, input: fewer });
    expect(await loadLocationRules(use().db)).toEqual(rules.slice(1));
    await syncCatalogue({ ctx: { database: use() }, input: files });
    expect(await loadLocationRules(use().db)).toEqual([]);
  });

  it("is idempotent: a second run leaves the same rows and no duplicate attributes", async () => {
    const files = await seedCatalogue(use());
    const before = await use().db.select().from(serviceAttributes);
    await syncCatalogue({ ctx: { database: use() }, input: files });
    const after = await use().db.select().from(serviceAttributes);
    expect(after).toHaveLength(before.length);
  });

  it("keeps rows edited in the app and deactivates what left the files", async () => {
    const files = await seedCatalogue(use());
    await use()
      .db.update(services)
      .set({ origin: "app", locationRequired: false })
      .where(eq(services.code, "pothole"));
    const trimmed = {
      ...files,
      services: { ...files.services, services: files.services.services.filter((s) => s.code !== "graffiti") },
      sla: { ...files.sla, policies: files.sla.policies.filter((p) => p.code !== "enquiry-callback") },
    };
    // callback-request uses the removed policy, so drop it from the files too.
    trimmed.services.services = trimmed.services.services.filter((s) => s.sla !== "enquiry-callback");
    const result = await syncCatalogue({ ctx: { database: use() }, input: trimmed });
    expect(result.keptAppEdits).toBe(1);
    const [pothole] = await use().db.select().from(services).where(eq(services.code, "pothole"));
    expect(pothole?.locationRequired).toBe(false);
    const [graffiti] = await use().db.select().from(services).where(eq(services.code, "graffiti"));
    expect(graffiti?.active).toBe(false);
    const [policy] = await use()
      .db.select()
      .from(slaPolicies)
      .where(eq(slaPolicies.code, "enquiry-callback"));
    expect(policy?.active).toBe(false);
  });

  it("rejects files that point at unknown codes", async () => {
    const files = await seedCatalogue(use());
    const broken = {
      ...files,
      services: {
        ...files.services,
        services: files.services.services.map((s) =>
          s.code === "pothole" ? { ...s, department: "roads" } : s,
        ),
      },
    };
    await expect(syncCatalogue({ ctx: { database: use() }, input: broken })).rejects.toThrow(
      /unknown department roads/,
    );
  });
});
