import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createWebNotifier } from "../../adapters/notifier-web";
import { auditLog, caseFollowers, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { addCaseNote } from "./add-case-note";
import { loadCaseByReference } from "./case-view";
import { changeCaseStatus } from "./change-case-status";
import type { StaffActor } from "./context";
import { listCaseAssignees } from "./list-case-assignees";
import { listCaseNotices } from "./list-case-notices";
import { openCase } from "./open-case";
import { createCitizen, createStaff, seedCatalogue } from "./test-fixtures";

forEachDatabase("case reads for the staff console", (use) => {
  let agent: StaffActor;
  let editor: StaffActor;
  beforeAll(async () => {
    await seedCatalogue(use());
    agent = await createStaff(use(), ["agent"]);
    editor = await createStaff(use(), ["editor"]);
  });

  const openLightCase = async () => {
    const citizen = await createCitizen(use());
    const { case: opened } = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "street-light",
        description: "Lamp out",
        location: { address: `${Math.floor(Math.random() * 1e6)} Console Road` },
        attributes: { light_state: "off" },
        contactId: citizen.contactId,
        conversationId: citizen.conversationId,
        channel: "web",
        lang: "en",
      },
    });
    return { citizen, reference: opened.reference };
  };

  it("lists the notices the reporter and a follower got about the case, not private notes or other cases, and audits the read", async () => {
    const { reference } = await openLightCase();
    const other = await openLightCase();
    const follower = await createCitizen(use());
    const loaded = await loadCaseByReference(use().db, reference);
    await use().db.insert(caseFollowers).values({
      caseId: loaded!.case.id,
      contactId: follower.contactId,
      conversationId: follower.conversationId,
      channel: "web",
      lang: "en",
    });
    const ctx = { database: use(), actor: agent, notifier: createWebNotifier(use()), requestId: "req-n" };
    const before = await listCaseNotices({ ctx, input: { reference } });
    await changeCaseStatus({ ctx, input: { reference, status: "in_progress", note: "Crew booked." } });
    await addCaseNote({ ctx, input: { reference, note: "Internal only." } });
    await changeCaseStatus({
      ctx,
      input: { reference: other.reference, status: "open", note: "Other case." },
    });

    const all = await listCaseNotices({ ctx, input: { reference } });
    const notices = all.slice(before.length);
    expect(notices.map((n) => [n.to, n.event, n.channel])).toEqual([
      ["reporter", "case.status_change", "web"],
      ["follower", "case.status_change", "web"],
    ]);
    expect(notices.every((n) => n.text.includes("Crew booked."))).toBe(true);
    expect(notices.some((n) => n.text.includes("Internal only."))).toBe(false);
    expect(all.some((n) => n.text.includes("Other case."))).toBe(false);

    const audited = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.notices_read"), eq(auditLog.subjectId, reference)));
    expect(audited.length).toBe(2);
    expect(audited[0]?.actorId).toBe(agent.userId);
    expect(audited[0]?.requestId).toBe("req-n");
  });

  it("refuses an editor and an unknown case", async () => {
    const { reference } = await openLightCase();
    await expect(
      listCaseNotices({ ctx: { database: use(), actor: editor }, input: { reference } }),
    ).rejects.toThrow(DomainError);
    await expect(listCaseAssignees({ ctx: { database: use(), actor: editor } })).rejects.toThrow(DomainError);
    await expect(
      listCaseNotices({ ctx: { database: use(), actor: agent }, input: { reference: "CD-1999-000000" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers the departments and the active staff who work cases, not editors or deactivated staff", async () => {
    const gone = await createStaff(use(), ["agent"]);
    await use().db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, gone.userId));
    const result = await listCaseAssignees({ ctx: { database: use(), actor: agent } });
    const ids = result.staff.map((s) => s.id);
    expect(ids).toContain(agent.userId);
    expect(ids).not.toContain(editor.userId);
    expect(ids).not.toContain(gone.userId);
    expect(result.departments.length).toBeGreaterThan(0);
    expect(result.departments.every((d) => d.code && d.name)).toBe(true);
  });
});
