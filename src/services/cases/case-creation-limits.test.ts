import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { openCase } from "./open-case";
import { createCitizen, seedCatalogue } from "./test-fixtures";

forEachDatabase("limits on new cases", (use) => {
  beforeAll(async () => {
    await seedCatalogue(use());
  });
  let spot = 0;
  const report = (contactId: string, settings?: object, now?: Date) => {
    spot += 1;
    return openCase({
      ctx: {
        database: use(),
        actor: { kind: "citizen", contactId },
        ...(now ? { now } : {}),
        settings: { duplicateRadiusMetres: 50, duplicateWindowHours: 168, ...settings },
      },
      input: {
        serviceCode: "pothole",
        description: `Hole number ${spot}`,
        location: { lat: 40 + spot * 0.01, long: 10 },
        attributes: { surface: "road" },
        channel: "web",
        lang: "en",
      },
    });
  };

  it("lets one contact open at most the hourly quota of cases, then answers rate_limited", async () => {
    const citizen = await createCitizen(use());
    for (let i = 0; i < 5; i++) expect((await report(citizen.contactId)).outcome).toBe("opened");
    await expect(report(citizen.contactId)).rejects.toMatchObject({
      code: "rate_limited",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    // Another contact is not affected.
    const other = await createCitizen(use());
    expect((await report(other.contactId)).outcome).toBe("opened");
  });

  it("caps new cases overall per minute, whoever opens them, and refused attempts do not count", async () => {
    const limits = { creationLimits: { perContactPerHour: 0, perMinute: 3 } };
    const now = new Date(Date.now() + 3_600_000);
    for (let i = 0; i < 3; i++) {
      const citizen = await createCitizen(use());
      expect((await report(citizen.contactId, limits, now)).outcome).toBe("opened");
    }
    for (let i = 0; i < 2; i++) {
      const citizen = await createCitizen(use());
      await expect(report(citizen.contactId, limits, now)).rejects.toMatchObject({ code: "rate_limited" });
    }
    const later = new Date(now.getTime() + 61_000);
    const citizen = await createCitizen(use());
    expect((await report(citizen.contactId, limits, later)).outcome).toBe("opened");
  });
});
