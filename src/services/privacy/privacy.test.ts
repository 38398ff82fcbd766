import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { auditLog, caseEvents, cases, contacts, conversations, messages, rateLimits } from "../../db/schema";
import { createLogger } from "../../logger";
import { openCase } from "../cases/open-case";
import { createCitizen, createStaff, recordingNotifier, seedCatalogue } from "../cases/test-fixtures";
import { DEFAULT_RETENTION } from "./context";
import { purgeExpiredData } from "./purge-expired-data";

const ADMIN = "admin-token-0123456789";
const AGENT = "agent-token-0123456789";
const DAY = 86_400_000;

forEachDatabase("privacy rights", (use) => {
  let app: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    await seedCatalogue(use());
    await createStaff(use(), ["admin"], "u-admin");
    await createStaff(use(), ["agent"], "u-agent");
    app = buildApp({
      config: loadConfig({ STAFF_TOKENS: `${ADMIN}:u-admin:admin+agent,${AGENT}:u-agent:agent` }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
      notifier: recordingNotifier(),
    });
  });

  const call = (path: string, token: string | undefined, init: { method?: string; body?: unknown } = {}) =>
    app.request(path, {
      method: init.method ?? "GET",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });

  /** A citizen who chatted over HTTP (one message with a markup trap) and reported a pothole. */
  let place = 0;
  async function citizenWithCase() {
    place += 1;
    const started = await call("/v1/conversations", undefined, { method: "POST", body: { channel: "web" } });
    const conv = (await started.json()) as { id: string; token: string };
    const said = await app.request(`/v1/conversations/${conv.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${conv.token}` },
      body: JSON.stringify({ text: "<script>alert(1)</script> the pothole outside my house is deep" }),
    });
    expect(said.status).toBe(200);
    const [row] = await use().db.select().from(conversations).where(eq(conversations.id, conv.id));
    const opened = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: row!.contactId } },
      input: {
        serviceCode: "pothole",
        description: "Deep hole outside 12 Elm Street, ask for Jane",
        location: { address: `${10 + place} Elm Street`, lat: 51.401234 + place / 50, long: -0.123456 },
        attributes: { surface: "road" },
        conversationId: conv.id,
        contactId: row!.contactId,
        channel: "web",
        lang: "en",
      },
    });
    await call(`/v1/staff/cases/${opened.case.reference}/status`, AGENT, {
      method: "POST",
      body: { status: "in_progress", note: "Crew sent to Elm Street" },
    });
    return { conv, contactId: row!.contactId, reference: opened.case.reference };
  }

  it("answers 'delete my data' in the chat with the verified process, and audits the request", async () => {
    const { conv, contactId } = await citizenWithCase();
    const res = await app.request(`/v1/conversations/${conv.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${conv.token}` },
      body: JSON.stringify({ text: "Bitte löschen Sie meine Daten" }),
    });
    const { message } = (await res.json()) as { message: { status: string; text: string } };
    expect(message.status).toBe("privacy_request");
    expect(message.text).toContain("/privacy?lang=de");
    const audit = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.request_erasure"), eq(auditLog.subjectId, contactId)));
    expect(audit).toHaveLength(1);
  });

  it("serves the privacy page in the asked language with the retention figures", async () => {
    const res = await app.request("/privacy?lang=fr");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("fr");
    const html = await res.text();
    expect(html).toContain("Confidentialité");
    expect(html).toContain(`${DEFAULT_RETENTION.messagesDays} jours`);
  });

  it("the chat widget shows the privacy notice with a link to that page, in every language", async () => {
    const script = await (await app.request("/widget.js")).text();
    expect(script).toContain("/privacy?lang=");
    expect(script).toContain("sans vos données personnelles");
    expect(script).toContain("Hogyan kezeljük adatait");
  });

  it("exports everything held about a contact as JSON and as an escaped HTML page, for admins only", async () => {
    const { contactId, reference, conv } = await citizenWithCase();
    expect((await call(`/v1/staff/privacy/contacts?case=${reference}`, AGENT)).status).toBe(403);
    expect((await call(`/v1/staff/privacy/contacts/${contactId}/export`, undefined)).status).toBe(401);

    const found = await call(`/v1/staff/privacy/contacts?conversation=${conv.id}`, ADMIN);
    expect(await found.json()).toMatchObject({ contacts: [{ id: contactId, channel: "web" }] });

    const res = await call(`/v1/staff/privacy/contacts/${contactId}/export`, ADMIN);
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.contact.id).toBe(contactId);
    expect(data.conversations).toHaveLength(1);
    expect(data.conversations[0].messages.map((m: { role: string }) => m.role)).toEqual([
      "citizen",
      "assistant",
    ]);
    expect(data.conversations[0].messages[0].text).toContain("<script>");
    expect(data.cases).toEqual([
      expect.objectContaining({
        reference,
        relation: "reporter",
        address: "12 Elm Street",
        description: expect.stringContaining("Elm"),
      }),
    ]);
    expect(data.cases[0].history.map((h: { note: string | null }) => h.note)).toContain(
      "Crew sent to Elm Street",
    );

    const page = await call(`/v1/staff/privacy/contacts/${contactId}/export?format=html`, ADMIN);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(reference);

    const exports = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.export"), eq(auditLog.subjectId, contactId)));
    expect(exports.map((e) => e.actorId)).toEqual(["u-admin", "u-admin"]);
  });

  it("erases a contact: conversations and messages go, the case stays as an anonymised record", async () => {
    const { contactId, reference, conv } = await citizenWithCase();
    await use()
      .db.insert(rateLimits)
      .values({ key: `contact:${contactId}`, windowStart: new Date(), hits: 3 })
      .onConflictDoNothing();
    const missingReason = await call(`/v1/staff/privacy/contacts/${contactId}/erase`, ADMIN, {
      method: "POST",
      body: {},
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.headers.get("content-type")).toContain("application/problem+json");

    const res = await call(`/v1/staff/privacy/contacts/${contactId}/erase`, ADMIN, {
      method: "POST",
      body: { reason: "SAR-2026-17, identity checked at the desk" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ erased: { conversations: 1, casesAnonymised: 1 } });

    const db = use().db;
    expect(await db.select().from(contacts).where(eq(contacts.id, contactId))).toEqual([]);
    expect(await db.select().from(messages).where(eq(messages.conversationId, conv.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `contact:${contactId}`)),
    ).toEqual([]);
    const [kept] = await db.select().from(cases).where(eq(cases.reference, reference));
    expect(kept).toMatchObject({
      serviceCode: "pothole",
      status: "in_progress",
      description: "",
      addressString: null,
      attributes: {},
      contactId: null,
      conversationId: null,
      lat: Math.round((51.401234 + place / 50) * 1000) / 1000,
      long: -0.123,
    });
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, kept!.id));
    expect(events.map((e) => e.note)).toEqual(events.map(() => null));
    expect(events.map((e) => e.type)).toContain("case.anonymised");
    const [erasure] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.erase"), eq(auditLog.subjectId, contactId)));
    expect(erasure).toMatchObject({ actorId: "u-admin", details: { casesAnonymised: 1 } });
    // The conversation's token no longer opens anything, and a second erasure finds nobody.
    const gone = await app.request(`/v1/conversations/${conv.id}`, {
      headers: { authorization: `Bearer ${conv.token}` },
    });
    expect(gone.status).toBe(404);
    expect(
      (
        await call(`/v1/staff/privacy/contacts/${contactId}/erase`, ADMIN, {
          method: "POST",
          body: { reason: "x" },
        })
      ).status,
    ).toBe(404);
  });

  describe("retention purge", () => {
    it("removes what outlived its retention and keeps the rest", async () => {
      const db = use().db;
      const now = new Date();
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      // An old conversation, a recent one, and an old one whose case is still open.
      const old = await createCitizen(use());
      const recent = await createCitizen(use());
      const openOld = await createCitizen(use());
      const voice = await createCitizen(use(), { channel: "voice" });
      await db
        .update(conversations)
        .set({ updatedAt: ago(400) })
        .where(eq(conversations.id, old.conversationId));
      await db
        .update(conversations)
        .set({ updatedAt: ago(400) })
        .where(eq(conversations.id, openOld.conversationId));
      await db
        .update(contacts)
        .set({ createdAt: ago(400) })
        .where(eq(contacts.id, old.contactId));
      await db.insert(messages).values([
        { conversationId: old.conversationId, role: "citizen", text: "old", createdAt: ago(400) },
        {
          conversationId: recent.conversationId,
          role: "citizen",
          text: "new",
          createdAt: ago(1),
          meta: { raw: "Jane Doe 0712" },
        },
        {
          conversationId: recent.conversationId,
          role: "citizen",
          text: "older",
          createdAt: ago(40),
          meta: { raw: "Jane Doe 0712" },
        },
        {
          conversationId: openOld.conversationId,
          role: "citizen",
          text: "about my open case",
          createdAt: ago(400),
        },
        { conversationId: voice.conversationId, role: "citizen", text: "transcript", createdAt: ago(31) },
        {
          conversationId: voice.conversationId,
          role: "citizen",
          text: "fresh transcript",
          createdAt: ago(2),
        },
      ]);
      const openCaseFor = async (who: typeof old, description: string, address: string) =>
        (
          await openCase({
            ctx: { database: use(), actor: { kind: "citizen", contactId: who.contactId }, now: ago(800) },
            input: {
              serviceCode: "pothole",
              description,
              location: { address, lat: 52 + Math.random(), long: -0.1 },
              attributes: { surface: "road" },
              conversationId: who.conversationId,
              contactId: who.contactId,
              channel: "web",
              lang: "en",
            },
          })
        ).case;
      const stillOpen = await openCaseFor(openOld, "Hole by the school", "3 Oak Road");
      const longClosed = await openCaseFor(recent, "Hole by the park, call Jane", "9 Park Lane");
      await db
        .update(cases)
        .set({ status: "closed", closedAt: ago(740) })
        .where(eq(cases.reference, longClosed.reference));
      await db.insert(auditLog).values([
        {
          actorType: "staff",
          actorId: "u-admin",
          action: "case.read",
          subjectType: "case",
          subjectId: "X",
          createdAt: ago(800),
        },
        {
          actorType: "staff",
          actorId: "u-admin",
          action: "case.read",
          subjectType: "case",
          subjectId: "Y",
          createdAt: ago(10),
        },
      ]);
      await db.insert(rateLimits).values([
        { key: "ip:203.0.113.9", windowStart: ago(2), hits: 4 },
        { key: "ip:203.0.113.10", windowStart: new Date(now.getTime() - 60_000), hits: 1 },
      ]);

      const counts = await purgeExpiredData({ database: use(), retention: DEFAULT_RETENTION, now });
      expect(counts).toMatchObject({
        rawTexts: 1,
        recordings: 1,
        conversations: 1,
        contacts: 1,
        casesAnonymised: 1,
        auditEntries: 1,
        rateLimitRows: 1,
      });
      expect(await db.select().from(conversations).where(eq(conversations.id, old.conversationId))).toEqual(
        [],
      );
      expect(await db.select().from(contacts).where(eq(contacts.id, old.contactId))).toEqual([]);
      const kept = await db.select().from(messages).where(eq(messages.conversationId, recent.conversationId));
      expect(kept.map((m) => [m.text, m.meta.raw ?? null]).sort()).toEqual([
        ["new", "Jane Doe 0712"],
        ["older", null],
      ]);
      // The old conversation of a case still open stays, so the citizen can hear about it.
      expect(
        await db.select().from(messages).where(eq(messages.conversationId, openOld.conversationId)),
      ).toHaveLength(1);
      const voiceLeft = await db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, voice.conversationId));
      expect(voiceLeft.map((m) => m.text)).toEqual(["fresh transcript"]);
      const [closed] = await db.select().from(cases).where(eq(cases.reference, longClosed.reference));
      expect(closed).toMatchObject({ description: "", contactId: null, status: "closed" });
      const [open] = await db.select().from(cases).where(eq(cases.reference, stillOpen.reference));
      expect(open).toMatchObject({ description: "Hole by the school", contactId: openOld.contactId });
      expect((await db.select().from(auditLog).where(eq(auditLog.subjectId, "Y"))).length).toBe(1);
      expect((await db.select().from(auditLog).where(eq(auditLog.subjectId, "X"))).length).toBe(0);
      expect((await db.select().from(rateLimits)).map((r) => r.key)).toContain("ip:203.0.113.10");

      // A second run finds nothing more to do.
      const again = await purgeExpiredData({ database: use(), retention: DEFAULT_RETENTION, now });
      expect(Object.values(again).every((n) => n === 0)).toBe(true);
    });
  });
});
