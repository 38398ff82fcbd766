import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createWebNotifier } from "../../adapters/notifier-web";
import { auditLog, caseEvents, cases, messages, slaTimerFirings } from "../../db/schema";
import { addCaseAttachment } from "./add-case-attachment";
import { addCaseNote } from "./add-case-note";
import { assignCase } from "./assign-case";
import { changeCaseStatus } from "./change-case-status";
import type { StaffActor } from "./context";
import { getCase } from "./get-case";
import { getCitizenCase } from "./get-citizen-case";
import { listCaseAudit } from "./list-case-audit";
import { listCases } from "./list-cases";
import { openCase } from "./open-case";
import { setCasePriority } from "./set-case-priority";
import { createCitizen, createStaff, recordingNotifier, seedCatalogue } from "./test-fixtures";

forEachDatabase("staff case verbs", (use) => {
  let agent: StaffActor;
  let admin: StaffActor;
  let editor: StaffActor;
  beforeAll(async () => {
    await seedCatalogue(use());
    agent = await createStaff(use(), ["agent"]);
    admin = await createStaff(use(), ["admin"]);
    editor = await createStaff(use(), ["editor"]);
  });

  const openLightCase = async (lang = "en", address = `${Math.floor(Math.random() * 1e6)} Test Road`) => {
    const citizen = await createCitizen(use(), { lang });
    const { case: opened } = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "street-light",
        description: "Lamp out",
        location: { address },
        attributes: { light_state: "off" },
        contactId: citizen.contactId,
        conversationId: citizen.conversationId,
        channel: "web",
        lang,
      },
    });
    return { citizen, reference: opened.reference };
  };

  const systemMessages = (conversationId: string) =>
    use()
      .db.select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.role, "system")))
      .orderBy(asc(messages.sequence));

  it("changes status with a note, notifies the citizen in their conversation and language, and audits it", async () => {
    const { citizen, reference } = await openLightCase("fr");
    const notifier = createWebNotifier(use());
    const ctx = { database: use(), actor: agent, notifier, requestId: "req-1" };
    const view = await changeCaseStatus({
      ctx,
      input: { reference, status: "in_progress", note: "Équipe envoyée" },
    });
    expect(view.status).toBe("in_progress");
    expect(view.sla.firstRespondedAt).not.toBeNull();
    const notices = await systemMessages(citizen.conversationId);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(reference);
    expect(notices[0]!.text).toContain("en cours de traitement");
    expect(notices[0]!.text).toContain("Équipe envoyée");
    expect(notices[0]!.meta).toMatchObject({ event: "case.status_change", caseReference: reference });
    const audit = await use().db.select().from(auditLog).where(eq(auditLog.subjectId, reference));
    expect(audit).toEqual([
      expect.objectContaining({ action: "case.status_change", actorId: agent.userId, requestId: "req-1" }),
    ]);
  });

  it("stores status notes and staff notes redacted, and sends only the redacted copy to the citizen", async () => {
    const { citizen, reference } = await openLightCase();
    const ctx = { database: use(), actor: agent, notifier: createWebNotifier(use()) };
    await changeCaseStatus({
      ctx,
      input: {
        reference,
        status: "in_progress",
        note: "Lamp SL-1042 at 12 Elm Street: we rang 07700 900123",
      },
    });
    await addCaseNote({
      ctx,
      input: {
        reference,
        note: "Crew due 10:30 on 14/05/2026, reply to jane.doe@example.com",
        visibility: "public",
      },
    });
    await addCaseNote({ ctx, input: { reference, note: "Her mobile is +44 7700 900123, IBAN none" } });
    const [row] = await use().db.select().from(cases).where(eq(cases.reference, reference));
    const events = await use()
      .db.select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row!.id))
      .orderBy(asc(caseEvents.createdAt));
    const notes = events.map((e) => e.note).filter(Boolean);
    expect(notes).toEqual([
      "Lamp SL-1042 at 12 Elm Street: we rang [phone]",
      "Crew due 10:30 on 14/05/2026, reply to [email]",
      "Her mobile is [phone], IBAN none",
    ]);
    const sent = (await systemMessages(citizen.conversationId)).map((m) => m.text).join("\n");
    expect(sent).toContain("we rang [phone]");
    expect(sent).toContain("reply to [email]");
    expect(sent).not.toMatch(/07700|jane\.doe/);
  });

  it("refuses impossible moves and lets only an admin reopen a closed case", async () => {
    const { reference } = await openLightCase();
    const ctx = { database: use(), actor: agent, notifier: recordingNotifier() };
    await expect(changeCaseStatus({ ctx, input: { reference, status: "new" } })).rejects.toMatchObject({
      code: "conflict",
    });
    await changeCaseStatus({ ctx, input: { reference, status: "closed" } });
    await expect(changeCaseStatus({ ctx, input: { reference, status: "open" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    const reopened = await changeCaseStatus({
      ctx: { ...ctx, actor: admin },
      input: { reference, status: "open" },
    });
    expect(reopened).toMatchObject({ status: "open", closedAt: null, resolvedAt: null });
  });

  it("stops the clock while waiting for the citizen and starts it again after", async () => {
    const { reference } = await openLightCase();
    const ctx = { database: use(), actor: agent, notifier: recordingNotifier() };
    const now = new Date("2026-02-10T10:00:00Z");
    const waiting = await changeCaseStatus({
      ctx: { ...ctx, now },
      input: { reference, status: "waiting_for_citizen" },
    });
    expect(waiting.sla.pausedSince).toBe(now.toISOString());
    const running = await changeCaseStatus({ ctx, input: { reference, status: "in_progress" } });
    expect(running.sla.pausedSince).toBeNull();
  });

  it("tells everyone whose report was linked, each in their own language", async () => {
    const address = "77 Linked Lane";
    const { citizen, reference } = await openLightCase("en", address);
    const other = await createCitizen(use(), { lang: "ro" });
    const linked = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: other.contactId } },
      input: {
        serviceCode: "street-light",
        description: "Nu merge lampa",
        location: { address },
        attributes: { light_state: "off" },
        conversationId: other.conversationId,
        channel: "web",
        lang: "ro",
      },
    });
    expect(linked.outcome).toBe("linked");
    const notifier = recordingNotifier();
    await changeCaseStatus({
      ctx: { database: use(), actor: agent, notifier },
      input: { reference, status: "resolved" },
    });
    expect(notifier.sent.map((n) => [n.contactId, n.lang])).toEqual([
      [citizen.contactId, "en"],
      [other.contactId, "ro"],
    ]);
    expect(notifier.sent[1]!.text).toContain("rezolvată");
    // The linked citizen may also look the case up.
    const view = await getCitizenCase({
      ctx: { database: use(), actor: { kind: "conversation_token", token: other.token } },
      input: { reference },
    });
    expect(view.status).toBe("resolved");
  });

  it("assigns to known staff only, sets priority, adds notes and attachments, all audited", async () => {
    const { citizen, reference } = await openLightCase();
    const notifier = recordingNotifier();
    const ctx = { database: use(), actor: agent, notifier };
    await expect(assignCase({ ctx, input: { reference, assigneeId: "nobody" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    const assigned = await assignCase({
      ctx,
      input: { reference, assigneeId: agent.userId, department: "street-scene" },
    });
    expect(assigned).toMatchObject({ assigneeId: agent.userId, department: "street-scene" });
    expect((await setCasePriority({ ctx, input: { reference, priority: "urgent" } })).priority).toBe(
      "urgent",
    );
    await addCaseNote({ ctx, input: { reference, note: "Called the contractor" } });
    expect(notifier.sent).toHaveLength(0);
    await addCaseNote({ ctx, input: { reference, note: "We will fix it tomorrow", visibility: "public" } });
    expect(notifier.sent).toEqual([
      expect.objectContaining({ contactId: citizen.contactId, event: "case.note" }),
    ]);
    const withPhoto = await addCaseAttachment({
      ctx,
      input: { reference, url: "https://media.example/p/1.jpg" },
    });
    expect(withPhoto.mediaUrls).toEqual(["https://media.example/p/1.jpg"]);
    await expect(
      addCaseAttachment({ ctx, input: { reference, url: "javascript:alert(1)" } }),
    ).rejects.toThrow();

    const detail = await getCase({ ctx, input: { reference } });
    expect(detail.history.map((e) => e.type)).toEqual([
      "case.opened",
      "case.assigned",
      "case.priority_change",
      "case.note",
      "case.note",
      "case.attachment",
    ]);
    const actions = (await listCaseAudit({ ctx: { ...ctx, actor: admin }, input: { reference } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "case.assign",
      "case.priority_change",
      "case.note",
      "case.note",
      "case.attachment",
      "case.read",
    ]);

    // The citizen sees the public note but never the internal one.
    const citizenView = await getCitizenCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: { reference },
    });
    const notes = citizenView.history.map((h) => h.note).filter(Boolean);
    expect(notes).toEqual(["We will fix it tomorrow"]);
  });

  describe("roles", () => {
    it("keeps editors and citizens out, and the audit trail for admins", async () => {
      const { citizen, reference } = await openLightCase();
      const db = use();
      await expect(
        getCase({ ctx: { database: db, actor: editor }, input: { reference } }),
      ).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(
        changeCaseStatus({
          ctx: { database: db, actor: { kind: "citizen", contactId: citizen.contactId } },
          input: { reference, status: "closed" },
        }),
      ).rejects.toMatchObject({ code: "unauthorized" });
      await expect(
        listCaseAudit({ ctx: { database: db, actor: agent }, input: { reference } }),
      ).rejects.toMatchObject({
        code: "forbidden",
      });
    });

    it("hides a case from other citizens as if it did not exist", async () => {
      const { reference } = await openLightCase();
      const stranger = await createCitizen(use());
      await expect(
        getCitizenCase({
          ctx: { database: use(), actor: { kind: "conversation_token", token: stranger.token } },
          input: { reference },
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    });
  });

  it("lists the open cases whose SLA breached, leaving out warnings and resolved cases", async () => {
    const breached = await openLightCase();
    const warned = await openLightCase();
    const resolved = await openLightCase();
    const rows = await use()
      .db.select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(inArray(cases.reference, [breached.reference, warned.reference, resolved.reference]));
    const idOf = (reference: string) => rows.find((r) => r.reference === reference)!.id;
    const at = new Date("2026-03-03T09:00:00Z");
    const firing = (reference: string, kind: string, timer: string) => ({
      key: `${reference}:${timer}:${kind}`,
      caseId: idOf(reference),
      kind,
      timer,
      dueAt: at,
      firedAt: at,
    });
    await use()
      .db.insert(slaTimerFirings)
      .values([
        firing(breached.reference, "sla.breach", "first_response"),
        firing(warned.reference, "sla.warn", "resolution"),
        firing(resolved.reference, "sla.breach", "resolution"),
      ]);
    await use().db.update(cases).set({ status: "resolved" }).where(eq(cases.reference, resolved.reference));
    const ctx = { database: use(), actor: admin };
    const list = await listCases({ ctx, input: { sla: "breached" } });
    expect(list.cases.map((c) => c.reference)).toEqual([breached.reference]);
  });

  it("lists cases with filters and pages, auditing the listing", async () => {
    const first = await openLightCase();
    await openLightCase();
    const ctx = { database: use(), actor: admin };
    await use().db.update(cases).set({ priority: "high" }).where(eq(cases.reference, first.reference));
    const high = await listCases({ ctx, input: { priority: "high", serviceCode: "street-light" } });
    expect(high.cases.map((c) => c.reference)).toEqual([first.reference]);
    const page1 = await listCases({ ctx, input: { limit: "2" } });
    expect(page1.cases).toHaveLength(2);
    expect(page1.nextBefore).not.toBeNull();
    const page2 = await listCases({ ctx, input: { limit: "2", before: page1.nextBefore } });
    expect(page2.cases.map((c) => c.reference)).not.toContain(page1.cases[0]!.reference);
    await expect(listCases({ ctx, input: { status: "lost" } })).rejects.toThrow();
    await expect(listCases({ ctx, input: { sla: "late" } })).rejects.toThrow();
    const listings = await use().db.select().from(auditLog).where(eq(auditLog.action, "case.list"));
    expect(listings.length).toBeGreaterThanOrEqual(3);
  });
});
