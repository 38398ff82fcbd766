import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { assignCase } from "./assign-case";
import { getCase } from "./get-case";
import { openCase } from "./open-case";
import { createCitizen, createStaff, seedCatalogue } from "./test-fixtures";

forEachDatabase("assignCase", (use) => {
  let reference: string;
  beforeAll(async () => {
    await seedCatalogue(use());
    const citizen = await createCitizen(use());
    const opened = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "pothole",
        description: "Deep hole",
        location: { lat: 51.5, long: -0.12 },
        attributes: { surface: "road" },
        channel: "web",
        lang: "en",
      },
    });
    reference = opened.case.reference;
  });

  it("refuses an unknown department as not found, naming the field, and leaves the case as it was", async () => {
    const agent = await createStaff(use(), ["agent"]);
    const ctx = { database: use(), actor: agent };
    const before = await getCase({ ctx, input: { reference } });
    await expect(
      assignCase({ ctx, input: { reference, assigneeId: null, department: "no-such-department" } }),
    ).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("no-such-department"),
      details: { errors: [{ path: "department", message: "unknown department" }] },
    });
    expect((await getCase({ ctx, input: { reference } })).case.department).toBe(before.case.department);
  });
});
