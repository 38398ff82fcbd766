import { and, asc, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import {
  auditLog,
  caseEvents,
  caseFollowers,
  caseIntakes,
  cases,
  contacts,
  conversations,
  messages,
} from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import { type PrivacyContext, UUID } from "./context";

export const ContactIdInput = z.object({ contactId: z.string().trim().regex(UUID, "must be a contact id") });

/** Everything held about one contact, in plain JSON types (a subject access request's answer). */
export interface ContactExport {
  exportedAt: string;
  contact: {
    id: string;
    channel: string;
    address: string;
    name: string | null;
    preferredLanguage: string | null;
    /** Per purpose or channel: yes/no, with when and how it changed (`smsChangedAt`, `smsSource`). */
    consent: Record<string, unknown>;
    createdAt: string;
  };
  conversations: {
    id: string;
    channel: string;
    lang: string;
    state: string;
    createdAt: string;
    updatedAt: string;
    messages: {
      id: string;
      role: string;
      text: string;
      lang: string | null;
      status: string | null;
      createdAt: string;
    }[];
    intakes: { serviceCode: string | null; status: string; draft: unknown; createdAt: string }[];
  }[];
  cases: {
    reference: string;
    relation: "reporter" | "follower";
    serviceCode: string;
    status: string;
    description: string;
    address: string | null;
    lat: number | null;
    long: number | null;
    attributes: Record<string, string | string[]>;
    mediaUrls: string[];
    createdAt: string;
    closedAt: string | null;
    /** Only what the citizen was or could be told: public notes and status changes. */
    history: { type: string; status: string | null; note: string | null; at: string }[];
  }[];
  /** Staff reads and changes that concern this contact or their cases. */
  accessLog: { at: string; actorType: string; actorId: string | null; action: string; subject: string }[];
}

/**
 * A subject access request answered for staff: the contact, every conversation with its (redacted)
 * messages, the cases they reported or follow, and who accessed them. Admins only; audited.
 */
export async function exportContactData({
  ctx,
  input,
}: {
  ctx: PrivacyContext;
  input: unknown;
}): Promise<ContactExport> {
  const staff = requireStaff(ctx.actor, ["admin"]);
  const { contactId } = ContactIdInput.parse(input);
  const db = ctx.database.db;
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact) throw new DomainError("not_found", "No such contact.");

  const convs = await db
    .select()
    .from(conversations)
    .where(eq(conversations.contactId, contactId))
    .orderBy(asc(conversations.createdAt));
  const convIds = convs.map((c) => c.id);
  const msgs = convIds.length
    ? await db
        .select()
        .from(messages)
        .where(inArray(messages.conversationId, convIds))
        .orderBy(asc(messages.sequence))
    : [];
  const intakes = await db.select().from(caseIntakes).where(eq(caseIntakes.contactId, contactId));

  const followed = await db
    .select({ caseId: caseFollowers.caseId })
    .from(caseFollowers)
    .where(eq(caseFollowers.contactId, contactId));
  const followedIds = followed.map((f) => f.caseId);
  const caseRows = await db
    .select()
    .from(cases)
    .where(
      followedIds.length
        ? or(eq(cases.contactId, contactId), inArray(cases.id, followedIds))
        : eq(cases.contactId, contactId),
    )
    .orderBy(asc(cases.createdAt));
  const caseIds = caseRows.map((c) => c.id);
  const events = caseIds.length
    ? await db
        .select()
        .from(caseEvents)
        .where(and(inArray(caseEvents.caseId, caseIds), eq(caseEvents.visibility, "public")))
        .orderBy(asc(caseEvents.sequence))
    : [];
  const references = caseRows.map((c) => c.reference);
  const audit = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.subjectType, "contact"), eq(auditLog.subjectId, contactId)),
        and(eq(auditLog.actorType, "citizen"), eq(auditLog.actorId, contactId)),
        ...(references.length
          ? [and(eq(auditLog.subjectType, "case"), inArray(auditLog.subjectId, references))]
          : []),
      ),
    )
    .orderBy(asc(auditLog.id));

  await recordAudit(db, staff, ctx.requestId, {
    action: "privacy.export",
    subjectType: "contact",
    subjectId: contactId,
    details: { conversations: convs.length, messages: msgs.length, cases: caseRows.length },
  });

  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    exportedAt: (ctx.now ?? new Date()).toISOString(),
    contact: {
      id: contact.id,
      channel: contact.channel,
      address: contact.address,
      name: contact.name,
      preferredLanguage: contact.preferredLanguage,
      consent: contact.consent,
      createdAt: contact.createdAt.toISOString(),
    },
    conversations: convs.map((c) => ({
      id: c.id,
      channel: c.channel,
      lang: c.lang,
      state: c.state,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      messages: msgs
        .filter((m) => m.conversationId === c.id)
        .map((m) => ({
          id: m.id,
          role: m.role,
          text: m.text,
          lang: m.lang,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
      intakes: intakes
        .filter((i) => i.conversationId === c.id)
        .map((i) => ({
          serviceCode: i.serviceCode,
          status: i.status,
          draft: i.draft,
          createdAt: i.createdAt.toISOString(),
        })),
    })),
    cases: caseRows.map((k) => ({
      reference: k.reference,
      relation: k.contactId === contactId ? "reporter" : "follower",
      serviceCode: k.serviceCode,
      status: k.status,
      description: k.description,
      address: k.addressString,
      lat: k.lat,
      long: k.long,
      attributes: k.attributes,
      mediaUrls: k.mediaUrls,
      createdAt: k.createdAt.toISOString(),
      closedAt: iso(k.closedAt),
      history: events
        .filter((e) => e.caseId === k.id)
        .map((e) => ({ type: e.type, status: e.toStatus, note: e.note, at: e.createdAt.toISOString() })),
    })),
    accessLog: audit.map((a) => ({
      at: a.createdAt.toISOString(),
      actorType: a.actorType,
      actorId: a.actorType === "staff" ? a.actorId : null,
      action: a.action,
      subject: `${a.subjectType}${a.subjectId ? ` ${a.subjectId}` : ""}`,
    })),
  };
}
