import { eq, inArray } from "drizzle-orm";
import { beforeEach } from "vitest";
import type { Database } from "../src/db/client";
import {
  conversations,
  departments,
  services,
  slaCalendars,
  slaPolicies,
  staffUsers,
} from "../src/db/schema";
import { openWebConversation } from "../src/services/assistant/assistant-deps.fixture";
import { createStaff } from "../src/services/cases/test-fixtures";
import { markHandoff } from "../src/services/handoff/request-handoff";

/**
 * What the handoff queue's tests share over one test database: staff members, conversations queued
 * for a person, and a queue emptied before every test (nobody available, nothing waiting or held, whatever
 * the tests before left). Call it inside the describe block (`forEachDatabase`) it serves.
 */
export function useHandoffQueue(use: () => Database) {
  beforeEach(async () => {
    await use()
      .db.update(conversations)
      .set({ state: "closed" })
      .where(inArray(conversations.state, ["waiting", "human"]));
    await use().db.update(staffUsers).set({ available: false });
  });
  return {
    /** A staff member with `roles`, available unless `fields` say otherwise. */
    staff: (
      id: string,
      fields: Parameters<typeof createStaff>[3] = {},
      roles: ("agent" | "supervisor" | "admin")[] = ["agent"],
    ) => createStaff(use(), roles, id, { available: true, ...fields }),
    /** A conversation's row as stored. */
    row: async (id: string) =>
      (await use().db.select().from(conversations).where(eq(conversations.id, id)))[0]!,
    /** A web conversation whose citizen asked for a person at `at`, and whom the queue gave it to. */
    queue: async (lang = "en", at = new Date()) => {
      const conv = await openWebConversation(use(), lang);
      await markHandoff(use().db, conv.id, "citizen_request", at);
      const [row] = await use().db.select().from(conversations).where(eq(conversations.id, conv.id));
      return { ...conv, assignedStaffId: row!.assignedStaffId };
    },
  };
}

/** The contact centre's call-back service, on a calendar open 09:00 to 17:00 on Mondays and Tuesdays. */
export async function seedContactCentre(database: Database): Promise<void> {
  await database.db
    .insert(slaCalendars)
    .values({
      code: "cc-office",
      timeZone: "Europe/London",
      hours: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
    })
    .onConflictDoNothing();
  await database.db
    .insert(slaPolicies)
    .values({
      code: "cc-callback",
      calendarCode: "cc-office",
      firstResponseMinutes: 60,
      nextResponseMinutes: 60,
      resolutionMinutes: 480,
      warnBeforeMinutes: 30,
    })
    .onConflictDoNothing();
  await database.db
    .insert(departments)
    .values({ code: "customer-services", names: { en: "Contact centre" } })
    .onConflictDoNothing();
  await database.db
    .insert(services)
    .values({
      code: "callback-request",
      departmentCode: "customer-services",
      names: { en: "Call back" },
      slaPolicyCode: "cc-callback",
    })
    .onConflictDoNothing();
}

/** Something that answers requests as the app does (`buildApp(...)`, with `app.request`). */
interface RequestsLikeApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * A web conversation opened through the API whose citizen then asked for a person, after saying `text`
 * when given: it waits in the staff queue. Returns its id, the citizen's token, and `say` for the
 * citizen's next messages.
 */
export async function openWaitingConversation(app: RequestsLikeApp, text?: string) {
  const created = (await (
    await app.request("/v1/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    })
  ).json()) as { id: string; token: string };
  const citizen = { authorization: `Bearer ${created.token}`, "content-type": "application/json" };
  const say = async (words: string) =>
    app.request(`/v1/conversations/${created.id}/messages`, {
      method: "POST",
      headers: citizen,
      body: JSON.stringify({ text: words, clientMessageId: crypto.randomUUID() }),
    });
  if (text) await say(text);
  await app.request(`/v1/conversations/${created.id}/handoff`, { method: "POST", headers: citizen });
  return { id: created.id, token: created.token, say };
}
