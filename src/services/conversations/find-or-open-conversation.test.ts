import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { contacts, conversations } from "../../db/schema";
import { findOrOpenConversation, normalizePhoneNumber } from "./find-or-open-conversation";

const languages = { supported: ["en", "fr", "ro", "de", "es", "hu"], fallback: "en" };

forEachDatabase("findOrOpenConversation", (use) => {
  const open = (input: Record<string, unknown>, now: Date, idleWindowHours?: number) =>
    findOrOpenConversation({
      ctx: { database: use(), languages, now, ...(idleWindowHours ? { idleWindowHours } : {}) },
      input,
    });

  it("continues the open conversation of a number within the idle window and opens a new one after it", async () => {
    const t0 = new Date("2026-12-01T10:00:00Z");
    const first = await open({ channel: "sms", address: "+40 721 000 001", lang: "ro" }, t0);
    expect(first.opened).toBe(true);
    expect(first.conversation.lang).toBe("ro");
    expect(first.contact.address).toBe("+40721000001");

    const again = await open({ channel: "sms", address: "+40721000001" }, new Date("2026-12-01T20:00:00Z"));
    expect(again.opened).toBe(false);
    expect(again.conversation.id).toBe(first.conversation.id);

    const later = await open({ channel: "sms", address: "+40721000001" }, new Date("2026-12-02T10:00:01Z"));
    expect(later.opened).toBe(true);
    expect(later.conversation.id).not.toBe(first.conversation.id);
    expect(later.contact.id).toBe(first.contact.id);
    // The new conversation takes the contact's language when the channel gives none.
    expect(later.conversation.lang).toBe("ro");
  });

  it("links a caller and a texter with the same number: one contact, the call's conversation continues by SMS", async () => {
    const now = new Date("2026-12-03T09:00:00Z");
    const call = await open({ channel: "voice", address: "+447700900123", lang: "en" }, now);
    const text = await open(
      { channel: "sms", address: "0044 7700 900123" },
      new Date(now.getTime() + 60_000),
    );
    expect(text.contact.id).toBe(call.contact.id);
    expect(text.conversation.id).toBe(call.conversation.id);
    expect(text.conversation.channel).toBe("voice");
    const rows = await use().db.select().from(contacts).where(eq(contacts.address, "+447700900123"));
    expect(rows).toHaveLength(1);
  });

  it("never continues a closed conversation, and keeps web and Teams identities apart", async () => {
    const now = new Date("2026-12-04T09:00:00Z");
    const first = await open({ channel: "sms", address: "+33612345678" }, now);
    await use()
      .db.update(conversations)
      .set({ state: "closed" })
      .where(eq(conversations.id, first.conversation.id));
    const next = await open({ channel: "sms", address: "+33612345678" }, new Date(now.getTime() + 1000));
    expect(next.opened).toBe(true);

    const teams = await open({ channel: "teams", address: "29:abc" }, now);
    const teamsAgain = await open({ channel: "teams", address: "29:abc" }, new Date(now.getTime() + 1000));
    expect(teamsAgain.conversation.id).toBe(teams.conversation.id);
    expect(teams.contact.channel).toBe("teams");
  });

  it("refuses an unknown channel or an empty address", async () => {
    await expect(open({ channel: "fax", address: "+1" }, new Date())).rejects.toThrow();
    await expect(open({ channel: "sms", address: " " }, new Date())).rejects.toThrow();
  });

  it("normalises phone numbers written in the usual ways", () => {
    expect(normalizePhoneNumber("+40 (721) 000-001")).toBe("+40721000001");
    expect(normalizePhoneNumber("0040721000001")).toBe("+40721000001");
  });
});
