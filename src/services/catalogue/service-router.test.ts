import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { serviceRouters, services } from "../../db/schema";
import { seedCatalogue } from "../cases/test-fixtures";
import { createRoutingEngine } from "./routing-engine";
import { buildRoutingExamples, loadServiceRouter, NOT_A_REQUEST } from "./service-router";

forEachDatabase("service router", (use) => {
  beforeAll(async () => {
    await seedCatalogue(use());
  });

  const countingEngine = () => {
    const engine = createRoutingEngine();
    const counts = { fit: 0, load: 0 };
    return {
      counts,
      engine: {
        ...engine,
        fit: (...args: Parameters<typeof engine.fit>) => {
          counts.fit++;
          return engine.fit(...args);
        },
        load: (serialized: string) => {
          counts.load++;
          return engine.load(serialized);
        },
      },
    };
  };

  it("learns from names, keywords and examples of every language, and questions as 'none'", async () => {
    const rows = await use().db.select().from(services);
    const examples = buildRoutingExamples(rows);
    const light = examples.filter((e) => e.code === "street-light").map((e) => e.text);
    expect(light).toEqual(
      expect.arrayContaining(["Street light not working", "Nem működő közvilágítás", "lampadaire"]),
    );
    expect(light).toContain("Die Laterne in der Bridge Street flackert die ganze Nacht");
    expect(examples.filter((e) => e.code === NOT_A_REQUEST).length).toBeGreaterThan(50);
  });

  it("fits once, stores the model, and reuses it until the catalogue changes", async () => {
    const first = countingEngine();
    const a = await loadServiceRouter({ database: use(), engine: first.engine });
    expect(first.counts).toEqual({ fit: 1, load: 0 });
    const second = countingEngine();
    const b = await loadServiceRouter({ database: use(), engine: second.engine });
    expect(second.counts).toEqual({ fit: 0, load: 1 });
    expect(b.fingerprint).toBe(a.fingerprint);
    // The stored model classifies like the fitted one.
    for (const text of ["there are rats in the bins behind the flats", "How do I pay my council tax?"]) {
      expect(b.classify(text, "en")).toEqual(a.classify(text, "en"));
    }

    await use()
      .db.update(services)
      .set({ examples: { en: ["the lamp on my road is broken"] } })
      .where(eq(services.code, "street-light"));
    const third = countingEngine();
    const c = await loadServiceRouter({ database: use(), engine: third.engine });
    expect(third.counts.fit).toBe(1);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(await use().db.select({ f: serviceRouters.fingerprint }).from(serviceRouters)).toEqual([
      { f: c.fingerprint },
    ]);
  });

  it("tells requests from questions across languages", async () => {
    const { classify } = await loadServiceRouter({ database: use(), engine: createRoutingEngine() });
    expect(
      classify("Someone has sprayed graffiti all over the bus shelter on Mill Lane", "en"),
    ).toMatchObject({
      kind: "service",
      code: "graffiti",
    });
    expect(classify("Il y a un nid-de-poule énorme devant l'école", "fr")).toMatchObject({ code: "pothole" });
    expect(classify("Pubela mea nu a fost golită marți", "ro")).toMatchObject({ code: "missed-bin" });
    expect(classify("When is my bin collected?", "en")).toEqual({ kind: "none" });
    expect(classify("Quels sont les horaires de la bibliothèque ?", "fr")).toEqual({ kind: "none" });
  });
});
