import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { cases, contacts, conversations, departments, services, staffUsers } from "../../db/schema";
import type { Notification, Notifier } from "../../ports/notifier";
import { readCatalogueFiles } from "../catalogue/catalogue-files";
import { syncCatalogue } from "../catalogue/sync-catalogue";
import { createConversationToken } from "../conversations/conversation-token";
import type { StaffActor, StaffRole } from "./context";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../knowledge", import.meta.url));

/** Loads the sample catalogue (knowledge/services.yaml and sla.yaml) into a test database. */
export async function seedCatalogue(database: Database) {
  const files = await readCatalogueFiles(KNOWLEDGE_DIR);
  await syncCatalogue({ ctx: { database }, input: files });
  return files;
}

/** A citizen with one conversation on a channel, and that conversation's bearer token. */
export async function createCitizen(database: Database, options: { channel?: string; lang?: string } = {}) {
  const channel = options.channel ?? "web";
  const lang = options.lang ?? "en";
  const [contact] = await database.db
    .insert(contacts)
    .values({ channel, address: `test-${randomUUID()}`, preferredLanguage: lang })
    .returning();
  const { token, tokenHash } = await createConversationToken();
  const [conversation] = await database.db
    .insert(conversations)
    .values({ channel, contactId: contact!.id, lang, tokenHash })
    .returning();
  return { contactId: contact!.id, conversationId: conversation!.id, token, channel, lang };
}

/** A staff account (with any other columns given in `fields`) and the actor that stands for it. */
export async function createStaff(
  database: Database,
  roles: StaffRole[],
  id = `staff-${randomUUID().slice(0, 8)}`,
  fields: Omit<Partial<typeof staffUsers.$inferInsert>, "id" | "roles"> = {},
) {
  await database.db
    .insert(staffUsers)
    .values({ ...fields, id, roles })
    .onConflictDoNothing();
  return { kind: "staff", userId: id, roles } satisfies StaffActor;
}

/**
 * A roads department with a pothole service, and a web case of that service opened in the conversation,
 * so that the conversation belongs to that department.
 */
export async function openPotholeCase(
  database: Database,
  input: { conversationId: string; departmentCode: string; serviceCode: string; reference: string },
) {
  await database.db
    .insert(departments)
    .values({ code: input.departmentCode, names: { en: "Roads" } })
    .onConflictDoNothing();
  await database.db
    .insert(services)
    .values({ code: input.serviceCode, departmentCode: input.departmentCode, names: { en: "Pothole" } })
    .onConflictDoNothing();
  const [conversation] = await database.db
    .select({ contactId: conversations.contactId })
    .from(conversations)
    .where(eq(conversations.id, input.conversationId));
  await database.db.insert(cases).values({
    reference: input.reference,
    serviceCode: input.serviceCode,
    contactId: conversation!.contactId,
    conversationId: input.conversationId,
    departmentCode: input.departmentCode,
    description: "hole",
    channel: "web",
    lang: "en",
  });
}

/** A notifier that only remembers what it was asked to send. */
export function recordingNotifier(): Notifier & { sent: Notification[] } {
  const sent: Notification[] = [];
  return {
    sent,
    async notify(notification) {
      sent.push(notification);
    },
  };
}
