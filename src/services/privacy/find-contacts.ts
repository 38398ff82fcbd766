import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { caseFollowers, cases, contacts, conversations } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import { type PrivacyContext, UUID } from "./context";

const FindContactsInput = z
  .object({
    channel: z.string().trim().min(1).max(50).optional(),
    address: z.string().trim().min(1).max(320).optional(),
    case: z.string().trim().min(1).max(50).optional(),
    conversation: z.string().trim().regex(UUID, "must be a conversation id").optional(),
  })
  .refine((q) => (q.channel === undefined) === (q.address === undefined), {
    message: "channel and address go together",
    path: ["address"],
  })
  .refine((q) => q.address !== undefined || q.case !== undefined || q.conversation !== undefined, {
    message: "give channel and address, a case reference or a conversation id",
    path: [],
  });

export interface ContactSummary {
  id: string;
  channel: string;
  address: string;
  name: string | null;
  createdAt: string;
}

/**
 * The contacts a staff member is about to act for, found by what the citizen can prove: their channel
 * address (a phone number, an e-mail), a case reference they hold, or their conversation's id.
 * Admins only; the lookup itself is audited.
 */
export async function findContacts({
  ctx,
  input,
}: {
  ctx: PrivacyContext;
  input: unknown;
}): Promise<ContactSummary[]> {
  const staff = requireStaff(ctx.actor, ["admin"]);
  const query = FindContactsInput.parse(input);
  const db = ctx.database.db;
  const ids = new Set<string>();
  if (query.channel && query.address) {
    const address = query.address.includes("@") ? query.address.toLowerCase() : query.address;
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.channel, query.channel), eq(contacts.address, address)));
    for (const r of rows) ids.add(r.id);
  }
  if (query.case) {
    const [found] = await db
      .select({ id: cases.id, contactId: cases.contactId })
      .from(cases)
      .where(eq(cases.reference, query.case.toUpperCase()));
    if (found?.contactId) ids.add(found.contactId);
    if (found) {
      const followers = await db
        .select({ id: caseFollowers.contactId })
        .from(caseFollowers)
        .where(eq(caseFollowers.caseId, found.id));
      for (const r of followers) ids.add(r.id);
    }
  }
  if (query.conversation) {
    const rows = await db
      .select({ id: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.id, query.conversation));
    for (const r of rows) ids.add(r.id);
  }
  const found =
    ids.size === 0
      ? []
      : await db
          .select()
          .from(contacts)
          .where(inArray(contacts.id, [...ids]));
  await recordAudit(db, staff, ctx.requestId, {
    action: "privacy.lookup",
    subjectType: "contact",
    subjectId: null,
    details: { by: Object.keys(query), found: found.map((c) => c.id) },
  });
  if (found.length === 0) throw new DomainError("not_found", "No contact matches.");
  return found.map((c) => ({
    id: c.id,
    channel: c.channel,
    address: c.address,
    name: c.name,
    createdAt: c.createdAt.toISOString(),
  }));
}
