import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { contacts } from "../../db/schema";

/**
 * Records whether a contact accepts messages on a channel (`consent.sms`), with when and why; the
 * flag covers every number the city sends from.
 */
export async function setContactConsent(
  db: Db,
  contactId: string,
  channel: string,
  input: { allowed: boolean; source: string; now: Date },
): Promise<void> {
  const patch = {
    [channel]: input.allowed,
    [`${channel}ChangedAt`]: input.now.toISOString(),
    [`${channel}Source`]: input.source,
  };
  await db
    .update(contacts)
    .set({ consent: sql`${contacts.consent} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(contacts.id, contactId));
}

/** False only when the contact said no (or the provider reported them opted out). */
export function hasConsent(consent: Record<string, unknown>, channel: string): boolean {
  return consent[channel] !== false;
}
