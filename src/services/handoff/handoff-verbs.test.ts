import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { createOfflineChatModel } from "../../adapters/chat-model-offline";
import type { Database } from "../../db/client";
import { contacts, conversationEvents, conversations, messages, staffUsers } from "../../db/schema";
import { t } from "../../i18n/translate";
import type { ChatModel } from "../../ports/chat-model";
import type { AssistantDeps, SafetyLabel } from "../assistant/assistant-deps";
import {
  BIN_COLLECTION_PASSAGE,
  type OpenedConversation,
  openWebConversation,
  testAssistantDeps,
} from "../assistant/assistant-deps.fixture";
import { respondToCitizenMessage } from "../assistant/respond-to-citizen-message";
import { createStaff, openPotholeCase } from "../cases/test-fixtures";
import { getConversation } from "../conversations/get-conversation";
import type { DeliveryTarget } from "../deliveries/context";
import { deliverMessage } from "../deliveries/deliver-message";
import { addConversationNote } from "./add-conversation-note";
import { closeConversation } from "./close-conversation";
import type { HandoffContext } from "./context";
import { getStaffConversation } from "./get-staff-conversation";
import { handBackConversation } from "./hand-back-conversation";
import { listHandoffQueue } from "./list-handoff-queue";
import { postStaffReply } from "./post-staff-reply";
import { takeNextConversation } from "./take-next-conversation";
import { takeOverConversation } from "./take-over-conversation";

const assess = (text: string): SafetyLabel =>
  /talk to a person|parler à une personne/i.test(text) ? "handoff" : "ok";

function makeDeps(database: Database, chatModel?: ChatModel): AssistantDeps {
  return testAssistantDeps(database, {
    searchKnowledge: async (q) => (/bin/i.test(q.text) ? [BIN_COLLECTION_PASSAGE] : []),
    assessInput: assess,
    ...(chatModel ? { chatModel } : {}),
  });
}

forEachDatabase("handoff verbs", (use) => {
  const open = (lang = "en") => openWebConversation(use(), lang);
  const say = (deps: AssistantDeps, conv: OpenedConversation, text: string) =>
    respondToCitizenMessage({ ctx: { deps, actor: conv.actor }, conversationId: conv.id, input: { text } });
  const staffCtx = async (
    roles: ("agent" | "supervisor" | "editor" | "admin")[] = ["agent"],
    id?: string,
  ) => {
    const actor = await createStaff(use(), roles, id);
    const sent: DeliveryTarget[] = [];
    const ctx: HandoffContext = {
      database: use(),
      actor,
      enqueueDelivery: async (_kind, target) => {
        sent.push(target);
      },
    };
    return { ctx, sent, actor };
  };
  const stateOf = async (id: string) =>
    (await use().db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const ownerChanges = async (id: string) =>
    use()
      .db.select()
      .from(conversationEvents)
      .where(eq(conversationEvents.conversationId, id))
      .orderBy(conversationEvents.createdAt);

  it("queues a citizen who asks for a person, with reason, language and waiting time", async () => {
    const deps = makeDeps(use());
    const conv = await open("fr");
    await say(deps, conv, "Bonjour, je voudrais parler à une personne du service des déchets");
    const { ctx } = await staffCtx();
    const later = new Date(Date.now() + 90_000);
    const queue = await listHandoffQueue({ ctx: { ...ctx, now: later }, input: {} });
    const entry = queue.conversations.find((c) => c.id === conv.id);
    expect(entry).toMatchObject({ state: "waiting", lang: "fr", reason: "citizen_request", channel: "web" });
    expect(entry!.waitingSeconds).toBeGreaterThanOrEqual(89);
    expect(entry!.lastCitizenText).toContain("parler à une personne");
    const romanian = await listHandoffQueue({ ctx, input: { lang: "ro" } });
    expect(romanian.conversations.map((c) => c.id)).not.toContain(conv.id);
    const [change] = await ownerChanges(conv.id);
    expect(change).toMatchObject({ kind: "owner_changed", fromState: "bot", toState: "waiting" });
  });

  it("takes over: the citizen's messages are stored and shown to staff, and the bot says nothing", async () => {
    const deps = makeDeps(use());
    const conv = await open();
    await say(deps, conv, "talk to a person please");
    const { ctx, actor } = await staffCtx(["agent"], "u-anna");
    const taken = await takeOverConversation({ ctx, input: { conversationId: conv.id } });
    expect(taken).toMatchObject({ state: "human", assignedStaffId: "u-anna" });

    const { message } = await say(deps, conv, "When are bins collected?");
    expect(message).toMatchObject({ status: "held", text: "" });
    const citizenView = await getConversation({
      ctx: { database: use(), actor: conv.actor },
      conversationId: conv.id,
    });
    // The only notice is the take-over's (an account without a name is announced as a member of staff).
    expect(citizenView.messages.filter((m) => m.role === "system").map((m) => m.text)).toEqual([
      t("en", "reply.with_staff"),
    ]);
    expect(citizenView.messages.at(-1)).toMatchObject({ role: "citizen", text: "When are bins collected?" });

    const staffView = await getStaffConversation({ ctx, input: { conversationId: conv.id } });
    expect(staffView.transcript.map((m) => m.text)).toContain("When are bins collected?");
    expect(staffView.summary.kind).toBe("extractive");
    expect(staffView.summary.lines[0]).toEqual({ role: "citizen", text: "talk to a person please" });
    expect(staffView.events.at(-1)).toMatchObject({
      toState: "human",
      actorKind: "staff",
      actorId: actor.userId,
      reason: "staff_take_over",
    });
  });

  it("does not deliver a bot reply whose turn started before the take-over", async () => {
    let release!: () => void;
    let started!: () => void;
    const answering = new Promise<void>((resolve) => {
      started = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: ChatModel = {
      name: "slow",
      async condenseQuestion(request) {
        return { question: request.message, followUp: false };
      },
      async answerQuestion() {
        started();
        await gate;
        return { text: "Bins go out weekly [P1].", citedIds: ["P1"], covered: true };
      },
    };
    const deps = makeDeps(use(), slow);
    const conv = await open();
    const turn = say(deps, conv, "When are bins collected?");
    await answering;
    const { ctx } = await staffCtx();
    await takeOverConversation({ ctx, input: { conversationId: conv.id } });
    release();
    const { message } = await turn;

    expect(message.status).toBe("held");
    expect(message.text).toBe("");
    const stored = await use().db.select().from(messages).where(eq(messages.conversationId, conv.id));
    expect(stored.filter((m) => m.role === "assistant")).toEqual([]);
    const staffView = await getStaffConversation({ ctx, input: { conversationId: conv.id } });
    expect(staffView.transcript.at(-1)?.withheld).toBe("Bins go out weekly.");
  });

  it("any staff reply makes a person the owner; another agent cannot reply to it, a supervisor can", async () => {
    const deps = makeDeps(use());
    const conv = await open();
    const { ctx } = await staffCtx(["agent"], "u-first");
    const reply = await postStaffReply({
      ctx,
      input: { conversationId: conv.id, text: "Hello, I am Anna." },
    });
    expect(reply).toMatchObject({ state: "human", delivery: "widget", message: { role: "staff" } });
    expect((await stateOf(conv.id)).assignedStaffId).toBe("u-first");
    const view = await getConversation({
      ctx: { database: use(), actor: conv.actor },
      conversationId: conv.id,
    });
    expect(view.messages.at(-1)).toMatchObject({ role: "staff", text: "Hello, I am Anna." });
    expect((await say(deps, conv, "bins?")).message.status).toBe("held");

    const other = await staffCtx(["agent"], "u-second");
    await expect(
      postStaffReply({ ctx: other.ctx, input: { conversationId: conv.id, text: "me too" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      takeOverConversation({ ctx: other.ctx, input: { conversationId: conv.id } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    const lead = await staffCtx(["supervisor"], "u-lead");
    await takeOverConversation({ ctx: lead.ctx, input: { conversationId: conv.id, reason: "reassigned" } });
    expect((await stateOf(conv.id)).assignedStaffId).toBe("u-lead");

    const editor = await staffCtx(["editor"]);
    await expect(
      postStaffReply({ ctx: editor.ctx, input: { conversationId: conv.id, text: "hi" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(postStaffReply({ ctx, input: { conversationId: conv.id, text: "  " } })).rejects.toThrow();
    await expect(
      postStaffReply({ ctx, input: { conversationId: "nope", text: "hi" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("texts a staff reply to an SMS citizen through the delivery queue", async () => {
    const [contact] = await use()
      .db.insert(contacts)
      .values({ channel: "sms", address: "+40712345678" })
      .returning();
    const [conversation] = await use()
      .db.insert(conversations)
      .values({ channel: "sms", contactId: contact!.id, lang: "ro", tokenHash: "x", state: "waiting" })
      .returning();
    const { ctx, sent } = await staffCtx();
    const reply = await postStaffReply({
      ctx,
      input: { conversationId: conversation!.id, text: "Bună ziua" },
    });
    expect(reply.delivery).toBe("sms");
    expect(sent).toEqual([{ messageId: reply.message.id, channel: "sms", address: "+40712345678" }]);
  });

  it("sends a staff reply by SMS but not a bot reply queued before the take-over", async () => {
    const [contact] = await use()
      .db.insert(contacts)
      .values({ channel: "sms", address: "+40700000001", consent: { sms: true } })
      .returning();
    const [conversation] = await use()
      .db.insert(conversations)
      .values({ channel: "sms", contactId: contact!.id, lang: "en", tokenHash: "x" })
      .returning();
    const [botReply] = await use()
      .db.insert(messages)
      .values({
        conversationId: conversation!.id,
        role: "assistant",
        text: "Bins go out weekly.",
        status: "answered",
      })
      .returning();
    const { ctx, sent } = await staffCtx();
    await takeOverConversation({ ctx, input: { conversationId: conversation!.id } });
    const reply = await postStaffReply({
      ctx,
      input: { conversationId: conversation!.id, text: "Anna here." },
    });
    const texts: string[] = [];
    const sender = {
      send: async (message: { to: string; text: string }) => {
        texts.push(message.text);
        return { providerId: `SM${texts.length}`, status: "queued" };
      },
    };
    const deliver = (messageId: string) =>
      deliverMessage({
        ctx: { database: use(), senders: { sms: sender } },
        kind: "reply",
        target: { messageId, channel: "sms", address: "+40700000001" },
        attempt: 1,
        maxAttempts: 3,
      });
    expect(await deliver(botReply!.id)).toEqual({ state: "blocked", reason: "held_by_staff" });
    // The take-over notice, then the reply; never the bot's.
    expect(sent.map((t) => t.messageId)).toHaveLength(2);
    expect(sent.map((t) => t.messageId)[1]).toBe(reply.message.id);
    expect(await deliver(sent[0]!.messageId)).toMatchObject({ state: "sent" });
    expect(await deliver(reply.message.id)).toMatchObject({ state: "sent" });
    expect(texts).toEqual([t("en", "reply.with_staff"), "Anna here."]);
  });

  it("tells the citizen in their language who took over and when they handed back, once each even when asked again", async () => {
    const deps = makeDeps(use());
    const conv = await open("fr");
    await say(deps, conv, "Bonjour, je voudrais parler à une personne");
    const { ctx, sent } = await staffCtx(["agent"], "u-anna-fr");
    await use().db.update(staffUsers).set({ name: "Anna Popescu" }).where(eq(staffUsers.id, "u-anna-fr"));
    await takeOverConversation({ ctx, input: { conversationId: conv.id } });
    await takeOverConversation({ ctx, input: { conversationId: conv.id } });
    const notices = async () =>
      (
        await getConversation({ ctx: { database: use(), actor: conv.actor }, conversationId: conv.id })
      ).messages
        .filter((m) => m.role === "system")
        .map((m) => m.text);
    expect(await notices()).toEqual(["Anna, de l'équipe de la ville, a rejoint la conversation."]);
    await handBackConversation({ ctx, input: { conversationId: conv.id } });
    await handBackConversation({ ctx, input: { conversationId: conv.id } });
    expect(await notices()).toEqual([
      "Anna, de l'équipe de la ville, a rejoint la conversation.",
      t("fr", "reply.handed_back"),
    ]);
    // A web citizen reads them in the widget: nothing is texted.
    expect(sent).toEqual([]);
  });

  it("texts the take-over and hand-back notices to an SMS citizen through the delivery queue", async () => {
    const [contact] = await use()
      .db.insert(contacts)
      .values({ channel: "sms", address: "+36700000077", consent: { sms: true } })
      .returning();
    const [conversation] = await use()
      .db.insert(conversations)
      .values({ channel: "sms", contactId: contact!.id, lang: "hu", tokenHash: "x", state: "waiting" })
      .returning();
    const ildiko = await createStaff(use(), ["agent"], "u-ildiko-sms", {
      name: "Ildikó Nagy",
      languages: ["hu"],
    });
    const sent: DeliveryTarget[] = [];
    const ctx: HandoffContext = {
      database: use(),
      actor: ildiko,
      enqueueDelivery: async (_kind, target) => {
        sent.push(target);
      },
    };
    const taken = await takeNextConversation({ ctx });
    expect(taken.id).toBe(conversation!.id);
    await handBackConversation({ ctx, input: { conversationId: conversation!.id } });
    const stored = await use()
      .db.select()
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id))
      .orderBy(messages.sequence);
    expect(stored.map((m) => [m.role, m.text])).toEqual([
      ["system", "Ildikó (a város munkatársa) csatlakozott a beszélgetéshez."],
      ["system", t("hu", "reply.handed_back")],
    ]);
    expect(sent).toEqual(stored.map((m) => ({ messageId: m.id, channel: "sms", address: "+36700000077" })));
  });

  it("lists the queue by the department of the conversation's case", async () => {
    const conv = await open();
    await openPotholeCase(use(), {
      conversationId: conv.id,
      departmentCode: "roads-q",
      serviceCode: "pothole-q",
      reference: "CD-2026-777001",
    });
    const deps = makeDeps(use());
    await say(deps, conv, "talk to a person");
    const { ctx } = await staffCtx();
    const roads = await listHandoffQueue({ ctx, input: { department: "roads-q" } });
    expect(roads.conversations.map((c) => [c.id, c.department])).toEqual([[conv.id, "roads-q"]]);
    const view = await getStaffConversation({ ctx, input: { conversationId: conv.id } });
    expect(view.openCases.map((c) => c.reference)).toEqual(["CD-2026-777001"]);
  });

  it("gives the next waiting conversation in the agent's languages, up to their capacity", async () => {
    const deps = makeDeps(use());
    const english = await open("en");
    await say(deps, english, "talk to a person");
    const romanian = await open("ro");
    await say(deps, romanian, "Bună ziua, vreau să vorbesc cu un om");
    await use()
      .db.update(conversations)
      .set({ state: "waiting", handoffRequestedAt: new Date() })
      .where(eq(conversations.id, romanian.id));
    const ioana = await createStaff(use(), ["agent"], "u-ioana", { languages: ["ro"], capacity: 1 });
    const ctx: HandoffContext = { database: use(), actor: ioana };
    const taken = await takeNextConversation({ ctx });
    expect(taken).toMatchObject({ id: romanian.id, state: "human", assignedStaffId: "u-ioana" });
    await expect(takeNextConversation({ ctx })).rejects.toMatchObject({ code: "conflict" });
    expect((await stateOf(english.id)).state).toBe("waiting");
  });

  it("hands back to the bot, which answers the next question with the staff reply in its history", async () => {
    const questions: { message: string; history: { role: string; text: string }[] }[] = [];
    const offline = createOfflineChatModel();
    const recording: ChatModel = {
      name: "recording",
      async condenseQuestion(request) {
        questions.push({ message: request.message, history: request.history });
        return { question: request.message, followUp: false };
      },
      answerQuestion: (request, options) => offline.answerQuestion(request, options),
    };
    const deps = makeDeps(use(), recording);
    const conv = await open();
    await say(deps, conv, "talk to a person");
    const { ctx } = await staffCtx();
    await postStaffReply({
      ctx,
      input: { conversationId: conv.id, text: "Your street is on the Monday round." },
    });
    expect((await say(deps, conv, "thanks, and what about bins?")).message.status).toBe("held");
    const back = await handBackConversation({ ctx, input: { conversationId: conv.id } });
    expect(back).toMatchObject({ state: "bot", assignedStaffId: null });

    const { message } = await say(deps, conv, "When are bins collected?");
    expect(message.status).toBe("answered");
    expect(questions.at(-1)!.history).toContainEqual({
      role: "assistant",
      text: "Your street is on the Monday round.",
    });
    const changes = (await ownerChanges(conv.id)).map((e) => `${e.fromState}>${e.toState}:${e.reason}`);
    expect(changes).toEqual([
      "bot>waiting:citizen_request",
      "waiting>human:staff_reply",
      "human>bot:staff_hand_back",
    ]);
  });

  it("closes a conversation and keeps private notes away from the citizen", async () => {
    const conv = await open();
    const { ctx } = await staffCtx();
    await use()
      .db.update(staffUsers)
      .set({ name: "Dana Moss" })
      .where(eq(staffUsers.id, (ctx.actor as { userId: string }).userId));
    await takeOverConversation({ ctx, input: { conversationId: conv.id } });
    const note = await addConversationNote({
      ctx,
      input: { conversationId: conv.id, text: "Caller sounded upset" },
    });
    expect(note.text).toBe("Caller sounded upset");
    const closed = await closeConversation({ ctx, input: { conversationId: conv.id, reason: "answered" } });
    expect(closed.state).toBe("closed");
    await expect(handBackConversation({ ctx, input: { conversationId: conv.id } })).rejects.toMatchObject({
      code: "conflict",
    });
    const citizenView = await getConversation({
      ctx: { database: use(), actor: conv.actor },
      conversationId: conv.id,
    });
    expect(JSON.stringify(citizenView)).not.toContain("upset");
    // The citizen is told the team closed it (after being told who joined).
    expect(citizenView.messages.filter((m) => m.role === "system").map((m) => m.text)).toEqual([
      "Dana from the city team has joined the conversation.",
      t("en", "reply.conversation_closed"),
    ]);
    const staffView = await getStaffConversation({ ctx, input: { conversationId: conv.id } });
    expect(staffView.events.map((e) => e.kind)).toEqual(["owner_changed", "note", "owner_changed"]);
    // Staff are named by name, not by account id, in the history and on notes.
    expect(staffView.events.map((e) => e.actorName)).toEqual(["Dana Moss", "Dana Moss", "Dana Moss"]);
    const queue = await listHandoffQueue({ ctx, input: { state: "waiting,human" } });
    expect(queue.conversations.map((c) => c.id)).not.toContain(conv.id);
  });

  it("queues the conversation after two answers in a row found nothing", async () => {
    const deps = makeDeps(use());
    const conv = await open();
    expect((await say(deps, conv, "What colour is the town hall roof?")).message.status).toBe("no_answer");
    const second = await say(deps, conv, "Who painted the library ceiling?");
    expect(second.message).toMatchObject({ status: "handoff", handoff: true });
    expect(await stateOf(conv.id)).toMatchObject({ state: "waiting", handoffReason: "no_answer" });
  });
});
