import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { caseEvents, caseFollowers, type cases, conversations } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { hashConversationToken } from "../conversations/conversation-token";
import { type CitizenCaseView, loadCaseByReference, toCitizenCaseView } from "./case-view";
import type { CaseContext, CitizenActor } from "./context";

export const GetCitizenCaseInput = z.object({
  reference: z.string().trim().min(1).max(40),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});

/**
 * A case as its reporter (or a citizen whose report was linked to it) sees it. Anyone else gets the same
 * "not found" as for a reference that does not exist, so references cannot be probed.
 */
export async function getCitizenCase({
  ctx,
  input,
}: {
  ctx: CaseContext;
  input: unknown;
}): Promise<CitizenCaseView> {
  const actor = ctx.actor;
  if (actor.kind !== "citizen" && actor.kind !== "conversation_token") {
    throw new DomainError("unauthorized", "A conversation token is required.");
  }
  const { reference, lang } = GetCitizenCaseInput.parse(input);
  const notFound = new DomainError("not_found", "No such case.");
  const db = ctx.database.db;
  const loaded = await loadCaseByReference(db, reference);
  // The same queries run whether or not the case exists, so timing does not tell references apart.
  const entitled = await isEntitled(db, actor, loaded?.case ?? { id: NO_CASE, contactId: null });
  if (!loaded || !entitled) throw notFound;
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, loaded.case.id))
    .orderBy(asc(caseEvents.sequence));
  return toCitizenCaseView(loaded.case, loaded.serviceNames, events, lang ?? loaded.case.lang);
}

const NO_CASE = "00000000-0000-0000-0000-000000000000";

async function isEntitled(
  db: Db,
  actor: CitizenActor,
  row: Pick<typeof cases.$inferSelect, "id" | "contactId">,
): Promise<boolean> {
  const followers = await db
    .select({ contactId: caseFollowers.contactId })
    .from(caseFollowers)
    .where(eq(caseFollowers.caseId, row.id));
  const entitled = [row.contactId, ...followers.map((f) => f.contactId)].filter(
    (id): id is string => id !== null,
  );
  if (actor.kind === "citizen") return entitled.includes(actor.contactId);
  const tokenHash = await hashConversationToken(actor.token);
  const [match] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(inArray(conversations.contactId, [NO_CASE, ...entitled]), eq(conversations.tokenHash, tokenHash)),
    )
    .limit(1);
  return entitled.length > 0 && match !== undefined;
}
