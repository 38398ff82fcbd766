import { eq, like } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { contacts, deliveries, messages } from "../src/db/schema";

/** What the SMS channel stored, read straight from the database for tests outside src/ (channels/). */
export async function storedTwilioMessages(database: Database) {
  return database.db.select().from(messages).where(like(messages.idempotencyKey, "twilio:%"));
}

export async function deliveriesTo(database: Database, address: string) {
  const rows = await database.db.select().from(deliveries).where(eq(deliveries.address, address));
  return rows.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
}

export async function deliveryByProviderId(database: Database, providerId: string) {
  const [row] = await database.db.select().from(deliveries).where(eq(deliveries.providerId, providerId));
  return row;
}

export async function consentOf(database: Database, address: string) {
  const [row] = await database.db.select().from(contacts).where(eq(contacts.address, address));
  return row?.consent;
}
