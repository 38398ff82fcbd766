import { and, asc, count, eq, inArray, like } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { caseIntakes, cases, contacts, conversations, deliveries, messages } from "../src/db/schema";

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

/** The SMS conversation of a phone number (the newest, when there are several). */
export async function smsConversationOf(database: Database, address: string) {
  const rows = await database.db
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.address, address), eq(conversations.channel, "sms")));
  return rows.map((r) => r.conversation).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
}

/** How many cases and case intakes a conversation opened. */
export async function openedFor(database: Database, conversationId: string) {
  const [opened] = await database.db
    .select({ n: count() })
    .from(cases)
    .where(eq(cases.conversationId, conversationId));
  const [intakes] = await database.db
    .select({ n: count() })
    .from(caseIntakes)
    .where(eq(caseIntakes.conversationId, conversationId));
  return { cases: Number(opened?.n ?? 0), intakes: Number(intakes?.n ?? 0) };
}

/** The replies stored in a conversation (assistant, staff and system messages), oldest first. */
export async function storedReplies(database: Database, conversationId: string) {
  return database.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        inArray(messages.role, ["assistant", "staff", "system"]),
      ),
    )
    .orderBy(asc(messages.sequence));
}
