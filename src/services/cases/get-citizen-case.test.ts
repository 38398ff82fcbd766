import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import type { Database } from "../../db/client";
import { getCitizenCase } from "./get-citizen-case";
import { openCase } from "./open-case";
import { createCitizen, seedCatalogue } from "./test-fixtures";

forEachDatabase("getCitizenCase", (use) => {
  let reference: string;
  let owner: Awaited<ReturnType<typeof createCitizen>>;
  beforeAll(async () => {
    await seedCatalogue(use());
    owner = await createCitizen(use());
    const opened = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: owner.contactId } },
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

  /** Runs a lookup on a database that counts the queries it is asked to build. */
  const countQueries = async (ref: string, token: string) => {
    let queries = 0;
    const database = use();
    const db = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === "select") queries++;
        return Reflect.get(target, property, receiver);
      },
    });
    const outcome = await getCitizenCase({
      ctx: { database: { ...database, db } as Database, actor: { kind: "conversation_token", token } },
      input: { reference: ref },
    }).then(
      () => "found",
      (error: { code?: string }) => error.code,
    );
    return { outcome, queries };
  };

  it("does the same work for a case that exists and one that does not, so timing cannot tell them apart", async () => {
    const stranger = await createCitizen(use());
    const existing = await countQueries(reference, stranger.token);
    const missing = await countQueries("CD-2026-999999", stranger.token);
    expect(existing.outcome).toBe("not_found");
    expect(missing.outcome).toBe("not_found");
    expect(missing.queries).toBe(existing.queries);
    expect((await countQueries(reference, owner.token)).outcome).toBe("found");
  });
});
