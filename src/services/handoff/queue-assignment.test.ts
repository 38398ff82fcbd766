import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { seedContactCentre, useHandoffQueue } from "../../../test/handoff";
import { createInProcessJobQueue } from "../../adapters/job-queue-in-process";
import type { Database } from "../../db/client";
import {
  auditLog,
  caseIntakes,
  conversationEvents,
  conversations,
  departments,
  messages,
  services,
  slaCalendars,
  slaPolicies,
  staffUsers,
} from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { AssistantDeps } from "../assistant/assistant-deps";
import {
  type OpenedConversation,
  openWebConversation,
  testAssistantDeps,
} from "../assistant/assistant-deps.fixture";
import { respondToCitizenMessage } from "../assistant/respond-to-citizen-message";
import { openPotholeCase } from "../cases/test-fixtures";
import { assignConversation, listAssignableStaff, setStaffAvailability } from "./assign-conversation";
import { closeConversation } from "./close-conversation";
import type { HandoffContext } from "./context";
import { handBackConversation } from "./hand-back-conversation";
import { handlePickupTimeout, sweepPickupChecks } from "./handle-pickup-timeout";
import { handoffPickupTimeoutJob } from "./pickup-timeout-job";
import { handoffCalendar, markHandoff, queueForPerson } from "./request-handoff";
import { parseSensitiveTopics } from "./sensitive-topics";
import { takeNextConversation } from "./take-next-conversation";
import { takeOverConversation } from "./take-over-conversation";

const translate = (lang: string, key: string, params: Record<string, string | number> = {}) =>
  `[${lang}] ${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`;

function makeDeps(database: Database, handoff?: AssistantDeps["handoff"]): AssistantDeps {
  return testAssistantDeps(database, {
    assessInput: (text) =>
      /talk to a person|parler à une personne|call me back/i.test(text) ? "handoff" : "ok",
    translate,
    ...(handoff ? { handoff } : {}),
  });
}

forEachDatabase("handoff queue assignment, pick-up time and triggers", (use) => {
  const open = (lang = "en") => openWebConversation(use(), lang);
  const { staff, row, queue } = useHandoffQueue(use);

  it("assigns the least loaded available agent in the citizen's language, round robin among equals", async () => {
    await staff("rr-ana", { languages: ["en"] });
    await staff("rr-bob", { languages: ["en", "fr"] });
    await staff("rr-cleo", { languages: ["fr"] });
    await staff("rr-dan", { languages: ["en"], available: false });
    const t0 = Date.now();
    const picks: (string | null)[] = [];
    for (let i = 0; i < 4; i++) picks.push((await queue("en", new Date(t0 + i * 1000))).assignedStaffId);
    // Equal loads alternate; dan is not available and cleo does not speak English.
    expect(picks).toEqual(["rr-ana", "rr-bob", "rr-ana", "rr-bob"]);
    // Bob now holds two, Cleo none: the French conversation goes to Cleo.
    expect((await queue("fr")).assignedStaffId).toBe("rr-cleo");
    const conv = await queue("en");
    const [event] = await use()
      .db.select()
      .from(conversationEvents)
      .where(and(eq(conversationEvents.conversationId, conv.id), eq(conversationEvents.kind, "assigned")));
    expect(event).toMatchObject({ actorKind: "system", reason: "general_queue", text: conv.assignedStaffId });
  });

  it("never goes past a person's capacity, and leaves the conversation in the general queue when all are full", async () => {
    await staff("cap-one", { capacity: 1 });
    await staff("cap-two", { capacity: 2 });
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await queue("en")).assignedStaffId);
    expect(picks.filter((p) => p === "cap-one")).toHaveLength(1);
    expect(picks.filter((p) => p === "cap-two")).toHaveLength(2);
    expect(picks[3]).toBeNull();
    expect((await row((await queue("en")).id)).state).toBe("waiting");
  });

  it("gives the next waiting conversation to a person as soon as a hand-back or a close frees a place", async () => {
    const cleo = await staff("free-cleo", { capacity: 1 });
    const first = await queue("en");
    const second = await queue("en");
    const third = await queue("en");
    expect([first.assignedStaffId, second.assignedStaffId]).toEqual(["free-cleo", null]);
    const ctx: HandoffContext = { database: use(), actor: cleo };
    await takeOverConversation({ ctx, input: { conversationId: first.id } });
    await handBackConversation({ ctx, input: { conversationId: first.id } });
    expect((await row(second.id)).assignedStaffId).toBe("free-cleo");
    expect((await row(third.id)).assignedStaffId).toBeNull();
    await closeConversation({ ctx, input: { conversationId: second.id } });
    expect((await row(third.id)).assignedStaffId).toBe("free-cleo");
  });

  it("routes by the department of the conversation's case", async () => {
    await use()
      .db.insert(departments)
      .values({ code: "bins-a", names: { en: "Bins" } })
      .onConflictDoNothing();
    await staff("dep-bins", { departments: ["bins-a"] });
    await staff("dep-roads", { departments: ["roads-a"] });
    const conv = await open();
    await openPotholeCase(use(), {
      conversationId: conv.id,
      departmentCode: "roads-a",
      serviceCode: "pothole-a",
      // A reference of its own on every run: the test database outlives a run.
      reference: `CD-2026-${String(Date.now()).slice(-6)}`,
    });
    await markHandoff(use().db, conv.id, "citizen_request", new Date());
    expect((await row(conv.id)).assignedStaffId).toBe("dep-roads");
  });

  it("lets supervisors reassign and refuses agents", async () => {
    await staff("re-ana");
    const agent = await staff("re-agent", { available: false });
    const supervisor = await staff("re-sup", { available: false }, ["supervisor"]);
    const conv = await queue("en");
    expect(conv.assignedStaffId).toBe("re-ana");
    const ctx = (actor: HandoffContext["actor"]): HandoffContext => ({ database: use(), actor });
    const refused = assignConversation({
      ctx: ctx(agent),
      input: { conversationId: conv.id, staffId: "re-agent" },
    });
    await expect(refused).rejects.toMatchObject({ code: "forbidden" });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    const moved = await assignConversation({
      ctx: ctx(supervisor),
      input: { conversationId: conv.id, staffId: "re-agent" },
    });
    expect(moved).toMatchObject({ state: "waiting", assignedStaffId: "re-agent" });
    const people = await listAssignableStaff({ ctx: ctx(supervisor) });
    expect(people.find((p) => p.id === "re-agent")).toMatchObject({ available: false, load: 1, capacity: 3 });
    expect(people.find((p) => p.id === "re-ana")).toMatchObject({ available: true, load: 0 });
    await expect(listAssignableStaff({ ctx: ctx(agent) })).rejects.toMatchObject({ code: "forbidden" });
    const audits = await use().db.select().from(auditLog).where(eq(auditLog.subjectId, conv.id));
    expect(audits.map((a) => a.action)).toContain("conversation.assign");
    await expect(
      assignConversation({ ctx: ctx(supervisor), input: { conversationId: conv.id, staffId: "nobody" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("assigns the waiting queue to someone who becomes available, and releases it when they leave", async () => {
    const first = await queue("en");
    const second = await queue("en");
    expect(first.assignedStaffId).toBeNull();
    const ana = await staff("av-ana", { available: false });
    const ctx: HandoffContext = { database: use(), actor: ana };
    expect(await setStaffAvailability({ ctx, input: { available: true } })).toEqual({
      available: true,
      assigned: 2,
    });
    expect((await row(first.id)).assignedStaffId).toBe("av-ana");
    await staff("av-bob");
    await setStaffAvailability({ ctx, input: { available: false } });
    expect((await row(first.id)).assignedStaffId).toBe("av-bob");
    expect((await row(second.id)).assignedStaffId).toBe("av-bob");
    await expect(setStaffAvailability({ ctx, input: { available: "yes" } })).rejects.toThrow();
  });

  it("take-next gives an agent what the queue assigned them first, and never what it assigned to someone else", async () => {
    await staff("tn-ana");
    const mine = await queue("en", new Date(Date.now() - 60_000));
    expect(mine.assignedStaffId).toBe("tn-ana");
    await use().db.update(staffUsers).set({ available: false }).where(eq(staffUsers.id, "tn-ana"));
    const later = await queue("en");
    expect(later.assignedStaffId).toBeNull();
    const bob = await staff("tn-bob", { available: false });
    // The older conversation is Ana's: Bob gets the unassigned one.
    expect((await takeNextConversation({ ctx: { database: use(), actor: bob } })).id).toBe(later.id);
    await expect(takeNextConversation({ ctx: { database: use(), actor: bob } })).rejects.toMatchObject({
      code: "not_found",
    });
    const ana = { kind: "staff" as const, userId: "tn-ana", roles: ["agent" as const] };
    expect((await takeNextConversation({ ctx: { database: use(), actor: ana } })).id).toBe(mine.id);
  });

  it("tells the citizen when nobody picks up in time, once, and hands the conversation back to the assistant", async () => {
    const conv = await open("fr");
    await markHandoff(use().db, conv.id, "citizen_request", new Date());
    const { handoffRequestedAt } = await row(conv.id);
    const payload = { conversationId: conv.id, requestedAt: handoffRequestedAt!.toISOString() };
    const deps = { database: use(), translate, pickupTimeoutMinutes: 5 };
    const first = await handlePickupTimeout(deps, payload, new Date());
    expect(first.outcome).toBe("told");
    expect(await handlePickupTimeout(deps, payload, new Date())).toEqual({ outcome: "stale" });
    const gone = { conversationId: "00000000-0000-4000-8000-000000000000", requestedAt: payload.requestedAt };
    expect(await handlePickupTimeout(deps, gone, new Date())).toEqual({ outcome: "stale" });
    const after = await row(conv.id);
    expect(after).toMatchObject({ state: "bot", assignedStaffId: null });
    const told = await use().db.select().from(messages).where(eq(messages.conversationId, conv.id));
    expect(told.filter((m) => m.text.includes("reply.handoff_timeout"))).toHaveLength(1);
    expect(told.at(-1)!.text).toBe('[fr] reply.handoff_timeout {"minutes":5}');
    const events = await use()
      .db.select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, conv.id));
    expect(events.map((e) => e.reason)).toContain("pickup_timeout");
  });

  it("leaves a conversation a person took before the pick-up time alone", async () => {
    const conv = await open();
    await markHandoff(use().db, conv.id, "citizen_request", new Date());
    const requestedAt = (await row(conv.id)).handoffRequestedAt!.toISOString();
    const agent = await staff("pk-ana");
    await takeOverConversation({
      ctx: { database: use(), actor: agent },
      input: { conversationId: conv.id },
    });
    const deps = { database: use(), translate, pickupTimeoutMinutes: 5 };
    expect(await handlePickupTimeout(deps, { conversationId: conv.id, requestedAt }, new Date())).toEqual({
      outcome: "stale",
    });
    expect((await row(conv.id)).state).toBe("human");
  });

  it("queues the pick-up check as a job that runs after the timeout, and a restart's sweep plans it again", async () => {
    const jobs = createInProcessJobQueue();
    const ran: string[] = [];
    jobs.registerHandler(handoffPickupTimeoutJob, async (payload) => {
      const result = await handlePickupTimeout(
        { database: use(), translate, pickupTimeoutMinutes: 0.005 },
        payload,
        new Date(),
      );
      ran.push(result.outcome);
    });
    await jobs.start();
    try {
      const conv = await open();
      const settings = { pickupTimeoutMinutes: 0.005, businessHours: false, jobQueue: jobs };
      await queueForPerson(use().db, conv.id, "citizen_request", new Date(), undefined, settings);
      expect((await row(conv.id)).state).toBe("waiting");
      for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(ran).toEqual(["told"]);
      expect((await row(conv.id)).state).toBe("bot");

      // A conversation queued while no queue was running (a restart): the sweep plans its check.
      const lost = await open();
      await markHandoff(use().db, lost.id, "citizen_request", new Date(Date.now() - 60_000));
      expect(await sweepPickupChecks(use(), settings, new Date())).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < 100 && ran.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(ran).toEqual(["told", "told"]);
      expect((await row(lost.id)).state).toBe("bot");
    } finally {
      await jobs.stop();
    }
  });

  it("out of the department's business hours tells the citizen when the team is back instead of queueing", async () => {
    await seedContactCentre(use());
    const settings = { pickupTimeoutMinutes: 5, businessHours: true };
    const sunday = new Date("2026-12-06T11:00:00Z");
    const conv = await open();
    const closed = await queueForPerson(use().db, conv.id, "citizen_request", sunday, undefined, settings);
    expect(closed.state).toBe("bot");
    expect(closed.closed?.opensAt.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    const [event] = await use()
      .db.select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, conv.id));
    expect(event).toMatchObject({ kind: "handoff_closed", reason: "citizen_request" });
    // The same turn run again (a retried request, a restart mid-turn) records the refusal once.
    const again = await queueForPerson(
      use().db,
      conv.id,
      "citizen_request",
      new Date(sunday.getTime() + 60_000),
      undefined,
      settings,
    );
    expect(again.closed?.opensAt.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    const refusals = await use()
      .db.select()
      .from(conversationEvents)
      .where(
        and(eq(conversationEvents.conversationId, conv.id), eq(conversationEvents.kind, "handoff_closed")),
      );
    expect(refusals).toHaveLength(1);

    const monday = new Date("2026-12-07T10:00:00Z");
    const open2 = await queueForPerson(use().db, conv.id, "citizen_request", monday, undefined, settings);
    expect(open2).toMatchObject({ state: "waiting" });
    expect(open2.closed).toBeUndefined();

    // The assistant's reply says so, in the citizen's language, with the opening time.
    const other = await open("fr");
    const deps = makeDeps(use(), settings);
    const say = (text: string, at: Date) =>
      respondToCitizenMessage({
        ctx: { deps, actor: other.actor, now: at },
        conversationId: other.id,
        input: { text },
      });
    const { message } = await say("Bonjour, je voudrais parler à une personne du service", sunday);
    expect(message.text).toContain("reply.handoff_closed");
    expect(message.text).toMatch(/lundi/);
    expect((await row(other.id)).state).toBe("bot");
  });

  it("uses the business hours of the department the conversation is about, not the contact centre's", async () => {
    // The contact centre opens Monday and Tuesday in London; the roads desk only at weekend mornings in Bucharest.
    await seedContactCentre(use());
    await use()
      .db.insert(slaCalendars)
      .values({
        code: "roads-weekend",
        timeZone: "Europe/Bucharest",
        hours: { sat: [["08:00", "12:00"]], sun: [["08:00", "12:00"]] },
      })
      .onConflictDoNothing();
    await use()
      .db.insert(slaPolicies)
      .values({
        code: "roads-weekend-sla",
        calendarCode: "roads-weekend",
        firstResponseMinutes: 60,
        nextResponseMinutes: 60,
        resolutionMinutes: 480,
        warnBeforeMinutes: 30,
      })
      .onConflictDoNothing();
    await use()
      .db.insert(departments)
      .values({ code: "roads-cal", names: { en: "Roads" } })
      .onConflictDoNothing();
    await use()
      .db.insert(services)
      .values({
        code: "pothole-cal",
        departmentCode: "roads-cal",
        names: { en: "Pothole" },
        slaPolicyCode: "roads-weekend-sla",
      })
      .onConflictDoNothing();
    const settings = { pickupTimeoutMinutes: 5, businessHours: true };
    const sunday = new Date("2026-12-06T07:00:00Z"); // 09:00 in Bucharest; the contact centre is shut
    const monday = new Date("2026-12-07T10:00:00Z"); // the contact centre is open; the roads desk is not

    // A conversation with a case of the roads service.
    const withCase = await open();
    await openPotholeCase(use(), {
      conversationId: withCase.id,
      departmentCode: "roads-cal",
      serviceCode: "pothole-cal",
      // A reference of its own on every run: the test database outlives a run.
      reference: `CD-2026-${String(Date.now()).slice(-6)}`,
    });
    expect(await handoffCalendar(use().db, withCase.id)).toMatchObject({ timeZone: "Europe/Bucharest" });
    const onMonday = await queueForPerson(
      use().db,
      withCase.id,
      "citizen_request",
      monday,
      undefined,
      settings,
    );
    expect(onMonday.state).toBe("bot");
    // Back on Saturday at 08:00 Bucharest time (06:00 UTC), in the department's time zone.
    expect(onMonday.closed).toEqual({
      opensAt: new Date("2026-12-12T06:00:00.000Z"),
      timeZone: "Europe/Bucharest",
    });
    const onSunday = await queueForPerson(
      use().db,
      withCase.id,
      "citizen_request",
      sunday,
      undefined,
      settings,
    );
    expect(onSunday).toMatchObject({ state: "waiting" });
    expect(onSunday.closed).toBeUndefined();

    // A conversation whose case intake (no case yet) is about the roads service follows the same hours.
    const withIntake = await open();
    const [contact] = await use()
      .db.select({ contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.id, withIntake.id));
    await use().db.insert(caseIntakes).values({
      conversationId: withIntake.id,
      contactId: contact!.contactId,
      stage: "collecting",
      serviceCode: "pothole-cal",
      lang: "en",
    });
    const intakeMonday = await queueForPerson(
      use().db,
      withIntake.id,
      "citizen_request",
      monday,
      undefined,
      settings,
    );
    expect(intakeMonday.closed?.timeZone).toBe("Europe/Bucharest");

    // About no service: the contact centre's hours apply, open on Monday.
    const general = await open();
    expect(await handoffCalendar(use().db, general.id)).toMatchObject({ timeZone: "Europe/London" });
    const generalMonday = await queueForPerson(
      use().db,
      general.id,
      "citizen_request",
      monday,
      undefined,
      settings,
    );
    expect(generalMonday).toMatchObject({ state: "waiting" });
  });

  it("after 'nobody can take it', asking for a call back starts that request instead of queueing again", async () => {
    await seedContactCentre(use());
    const deps: AssistantDeps = {
      ...makeDeps(use(), { pickupTimeoutMinutes: 5, businessHours: true }),
      handleCaseTurn: async (turn) =>
        /call me back/i.test(turn.text)
          ? { handled: true, status: "clarification", reply: "[stub] Which number should we call?" }
          : { handled: false },
    };
    const say = (conv: OpenedConversation, text: string, now: Date) =>
      respondToCitizenMessage({
        ctx: { deps, actor: conv.actor, now },
        conversationId: conv.id,
        input: { text },
      });

    // Out of hours: the notice, and the call-back request starts at once.
    const night = await open();
    const sunday = new Date("2026-12-06T11:00:00Z");
    const asked = await say(night, "Please call me back", sunday);
    expect(asked.message.text).toContain("reply.handoff_closed");
    expect(asked.message.text).toContain("[stub] Which number should we call?");
    expect((await row(night.id)).state).toBe("bot");
    const person = await say(night, "I want to talk to a person", sunday);
    expect(person.message.text).toMatch(/^\[en\] reply.handoff_closed/);
    expect(person.message.text).not.toContain("[stub]");

    // In hours, after the pick-up check told them nobody was free.
    const day = await open();
    const monday = new Date("2026-12-07T10:00:00Z");
    await say(day, "I want to talk to a person", monday);
    const requestedAt = (await row(day.id)).handoffRequestedAt!.toISOString();
    await handlePickupTimeout(
      { database: use(), translate, pickupTimeoutMinutes: 5 },
      { conversationId: day.id, requestedAt },
      new Date(monday.getTime() + 5 * 60_000),
    );
    const later = new Date(monday.getTime() + 6 * 60_000);
    expect((await say(day, "call me back", later)).message.text).toBe("[stub] Which number should we call?");
    expect((await row(day.id)).state).toBe("bot");
  });

  it("hands a sensitive topic the assistant cannot answer to a person at once, other topics after two misses", async () => {
    const deps = makeDeps(use(), {
      pickupTimeoutMinutes: 5,
      businessHours: false,
      sensitiveTopics: parseSensitiveTopics("bereavement,eviction"),
    });
    const say = (conv: OpenedConversation, text: string) =>
      respondToCitizenMessage({ ctx: { deps, actor: conv.actor }, conversationId: conv.id, input: { text } });
    const grieving = await open();
    const first = await say(grieving, "My father died last week, what happens to his parking permit?");
    expect(first.message.status).toBe("handoff");
    expect(await row(grieving.id)).toMatchObject({ state: "waiting", handoffReason: "sensitive" });

    const ordinary = await open();
    expect((await say(ordinary, "What colour are the parking permits?")).message.status).toBe("no_answer");
    expect((await row(ordinary.id)).state).toBe("bot");
    expect((await say(ordinary, "And how thick is the paper?")).message.status).toBe("handoff");
    expect(await row(ordinary.id)).toMatchObject({ state: "waiting", handoffReason: "no_answer" });

    // The same words without the topic configured: no shortcut.
    const plain = await open();
    const noTopics = makeDeps(use(), { pickupTimeoutMinutes: 5, businessHours: false, sensitiveTopics: [] });
    const reply = await respondToCitizenMessage({
      ctx: { deps: noTopics, actor: plain.actor },
      conversationId: plain.id,
      input: { text: "My father died last week, what happens to his parking permit?" },
    });
    expect(reply.message.status).toBe("no_answer");
    expect(() => parseSensitiveTopics("bereavment")).toThrow(/unknown sensitive topic/);
  });
});
