import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Database } from "../../db/client";
import { contacts, conversations, staffUsers } from "../../db/schema";
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

export async function createStaff(
  database: Database,
  roles: StaffRole[],
  id = `staff-${randomUUID().slice(0, 8)}`,
) {
  await database.db.insert(staffUsers).values({ id, roles }).onConflictDoNothing();
  return { kind: "staff", userId: id, roles } satisfies StaffActor;
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
