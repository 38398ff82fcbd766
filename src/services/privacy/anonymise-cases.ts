import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, caseFollowers, cases } from "../../db/schema";

/** Three decimals of a degree: about 100 m, enough for operational statistics, not to find a home. */
const ROUND = 1000;

/**
 * Keeps an operational record of each case (service, department, dates, status, SLA, a location rounded
 * to about 100 m) and removes everything that could identify the citizen: description, address,
 * attributes, photos, the contact and conversation links, followers, and the text and data of every event.
 */
export async function anonymiseCases(
  tx: Db,
  caseIds: readonly string[],
  now: Date,
  reason: "erasure" | "retention",
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const ids = [...caseIds];
  const updated = await tx
    .update(cases)
    .set({
      description: "",
      addressString: null,
      addressNormalized: null,
      addressId: null,
      lat: sql`round(${cases.lat}::numeric * ${ROUND}) / ${ROUND}`,
      long: sql`round(${cases.long}::numeric * ${ROUND}) / ${ROUND}`,
      attributes: {},
      mediaUrls: [],
      contactId: null,
      conversationId: null,
      updatedAt: now,
    })
    .where(inArray(cases.id, ids))
    .returning({ id: cases.id });
  await tx.delete(caseFollowers).where(inArray(caseFollowers.caseId, ids));
  await tx.update(caseEvents).set({ note: null, data: {} }).where(inArray(caseEvents.caseId, ids));
  await tx.insert(caseEvents).values(
    updated.map(({ id }) => ({
      caseId: id,
      type: "case.anonymised",
      actorType: "system",
      actorId: "privacy",
      data: { reason },
      createdAt: now,
    })),
  );
  return updated.length;
}
