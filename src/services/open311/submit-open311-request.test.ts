import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { caseEvents, cases, contacts } from "../../db/schema";
import { seedCatalogue } from "../cases/test-fixtures";
import type { Open311Context } from "./context";
import { wherePublicId } from "./request-view";
import { submitOpen311Request } from "./submit-open311-request";

forEachDatabase("submitOpen311Request", (use) => {
  beforeAll(async () => {
    await seedCatalogue(use());
  });

  const ctx = (apiKeys: string[] = ["k"]): Open311Context => ({ database: use(), lang: "en", apiKeys });
  let spot = 0;
  const light = (extra: Record<string, unknown> = {}) => {
    spot += 1;
    return {
      api_key: "k",
      service_code: "street-light",
      lat: String(50 + spot * 0.01),
      long: "1.5",
      attributes: { light_state: "off" },
      ...extra,
    };
  };
  const caseOf = async (reference: string | undefined) => {
    const [row] = await use()
      .db.select()
      .from(cases)
      .where(wherePublicId(reference ?? ""));
    if (!row) throw new Error(`no case ${reference}`);
    return row;
  };
  const contactOf = async (id: string | null) => {
    const [row] = await use()
      .db.select()
      .from(contacts)
      .where(eq(contacts.id, id ?? "00000000-0000-4000-8000-000000000000"));
    return row;
  };

  it("keeps the reporter's details on an open311 contact keyed by email, and reuses it", async () => {
    const first = await submitOpen311Request({
      ctx: ctx(),
      input: light({
        email: "Jane.Doe@Mail.Example",
        first_name: "Jane",
        last_name: "Doe",
        phone: "+44 7700 900123",
      }),
    });
    const again = await submitOpen311Request({
      ctx: ctx(),
      input: light({ email: "jane.doe@mail.example" }),
    });
    const row = await caseOf(first.service_request_id);
    expect(row.channel).toBe("open311");
    const contact = await contactOf(row.contactId);
    expect(contact).toMatchObject({ channel: "open311", address: "jane.doe@mail.example", name: "Jane Doe" });
    expect((await caseOf(again.service_request_id)).contactId).toBe(row.contactId);
    const [opened] = await use().db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
    expect(opened).toMatchObject({ type: "case.opened", actorType: "citizen", actorId: row.contactId });
  });

  it("keys by phone without an email, by a generated id with only a name, and makes no contact without either", async () => {
    const byPhone = await submitOpen311Request({
      ctx: ctx(),
      input: light({ phone: "+44 (0) 1632 960 001" }),
    });
    expect(await contactOf((await caseOf(byPhone.service_request_id)).contactId)).toMatchObject({
      address: "+4401632960001",
      name: null,
    });
    const byName = await submitOpen311Request({ ctx: ctx(), input: light({ first_name: "Sam" }) });
    const named = await contactOf((await caseOf(byName.service_request_id)).contactId);
    expect(named?.address).toMatch(/^open311-[0-9a-f-]{36}$/);
    expect(named?.name).toBe("Sam");
    const anonymous = await submitOpen311Request({ ctx: ctx(), input: light({ device_id: "dev-1" }) });
    expect((await caseOf(anonymous.service_request_id)).contactId).toBeNull();
  });

  it("refuses every key when none is configured, before looking at the request", async () => {
    await expect(submitOpen311Request({ ctx: ctx([]), input: light() })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(submitOpen311Request({ ctx: ctx(["k"]), input: { api_key: "K" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("uses the service name when the client sends no description, and keeps the media URL", async () => {
    const receipt = await submitOpen311Request({
      ctx: ctx(),
      input: light({ media_url: "https://img.example/lamp.jpg" }),
    });
    const row = await caseOf(receipt.service_request_id);
    expect(row.description).toBe("Street light not working");
    expect(row.mediaUrls).toEqual(["https://img.example/lamp.jpg"]);
  });

  it("stores the description with personal data redacted, as chat messages are", async () => {
    const receipt = await submitOpen311Request({
      ctx: ctx(),
      input: light({
        description: "Lamp SL-1042 out since 12 May. Call me on 07700 900123 or jane.doe@example.com",
      }),
    });
    const row = await caseOf(receipt.service_request_id);
    expect(row.description).toBe("Lamp SL-1042 out since 12 May. Call me on [phone] or [email]");
  });
});
