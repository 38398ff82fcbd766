import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { conversations, messages } from "../../db/schema";
import type { ConversationActor } from "./context";
import { hashConversationToken } from "./conversation-token";
import { createConversation } from "./create-conversation";
import { getConversation } from "./get-conversation";
import { postCitizenMessage } from "./post-citizen-message";
import { recordFeedback } from "./record-feedback";
import { requestHandoff } from "./request-handoff";

const languages = { supported: ["en", "fr", "ro", "de", "es", "hu"], fallback: "en" };
const translate = (lang: string, key: string) => `${lang}:${key}`;

forEachDatabase("conversation verbs", (use) => {
  const start = async (lang?: string) => {
    const created = await createConversation({
      ctx: { database: use(), languages },
      input: { channel: "web", ...(lang ? { lang } : {}) },
    });
    const actor: ConversationActor = { kind: "conversation_token", token: created.token };
    return { ...created, actor };
  };

  it("creates a conversation whose token is returned once and stored only as its digest", async () => {
    const created = await createConversation({
      ctx: { database: use(), languages },
      input: { channel: "web", lang: "fr-CA" },
    });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.lang).toBe("fr");
    const [row] = await use().db.select().from(conversations).where(eq(conversations.id, created.id));
    expect(row!.tokenHash).toBe(await hashConversationToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row!.state).toBe("bot");
  });

  it("falls back to the default language for an unsupported one and refuses other channels", async () => {
    const created = await createConversation({
      ctx: { database: use(), languages },
      input: { channel: "web", lang: "it" },
    });
    expect(created.lang).toBe("en");
    await expect(
      createConversation({ ctx: { database: use(), languages }, input: { channel: "sms" } }),
    ).rejects.toThrow();
  });

  it("lets only the token holder read or write the conversation", async () => {
    const mine = await start();
    const other = await start();
    await expect(
      getConversation({ ctx: { database: use(), actor: other.actor }, conversationId: mine.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      postCitizenMessage({
        ctx: { database: use(), actor: { kind: "conversation_token", token: "" }, languages },
        conversationId: mine.id,
        input: { text: "hello" },
      }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    await expect(
      getConversation({ ctx: { database: use(), actor: mine.actor }, conversationId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getConversation({ ctx: { database: use(), actor: mine.actor }, conversationId: "not-a-uuid" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads the messages before a new one with its insert, newest first, as a separate read would", async () => {
    const { id, actor } = await start();
    const post = (text: string, readEarlier?: number) =>
      postCitizenMessage({
        ctx: { database: use(), actor, languages, ...(readEarlier === undefined ? {} : { readEarlier }) },
        conversationId: id,
        input: { text, clientMessageId: text },
      });
    const first = await post("When is my bin collected?", 5);
    expect(first.earlier).toEqual([]);
    await use()
      .db.insert(messages)
      .values([
        { conversationId: id, role: "assistant", text: "On Mondays.", status: "answered" },
        { conversationId: id, role: "system", text: "internal note" },
        { conversationId: id, role: "staff", text: "Anything else?" },
      ]);
    await post("and for glass?");
    const third = await post("thanks, and the tip?", 3);
    expect(third.earlier).toEqual([
      { role: "citizen", text: "and for glass?", status: null },
      { role: "staff", text: "Anything else?", status: null },
      { role: "assistant", text: "On Mondays.", status: "answered" },
    ]);
    // The row handed back is the stored row, as the plain insert returns it.
    const [stored] = await use().db.select().from(messages).where(eq(messages.id, third.message.id));
    expect(third.message).toEqual(stored);
    expect(third.message.meta).toMatchObject({ redacted: [] });
    // A retry stores nothing and reads nothing with it.
    const again = await post("thanks, and the tip?", 3);
    expect(again.duplicate).toBe(true);
    expect(again.earlier).toBeUndefined();
    expect(again.message.id).toBe(third.message.id);
  });

  it("stores the citizen's message redacted, with its language, before anything else", async () => {
    const { id, actor } = await start();
    const posted = await postCitizenMessage({
      ctx: { database: use(), actor, languages },
      conversationId: id,
      input: {
        text: "Bonjour, écrivez-moi à jeanne.dupont@example.fr pour la collecte des poubelles",
        clientMessageId: "m1",
      },
    });
    expect(posted.duplicate).toBe(false);
    expect(posted.redacted).toEqual(["email"]);
    const [stored] = await use().db.select().from(messages).where(eq(messages.id, posted.message.id));
    expect(stored!.text).not.toContain("jeanne.dupont@example.fr");
    expect(stored!.text).toContain("collecte des poubelles");
    expect(stored!.lang).toBe("fr");
    expect(stored!.role).toBe("citizen");
  });

  it("is idempotent by client message id", async () => {
    const { id, actor } = await start();
    const post = () =>
      postCitizenMessage({
        ctx: { database: use(), actor, languages },
        conversationId: id,
        input: { text: "When is my bin collected?", clientMessageId: "retry-me" },
      });
    const first = await post();
    const second = await post();
    expect(second.duplicate).toBe(true);
    expect(second.message.id).toBe(first.message.id);
    expect(second.reply).toBeUndefined();
    const rows = await use().db.select().from(messages).where(eq(messages.conversationId, id));
    expect(rows).toHaveLength(1);
  });

  it("runs the rate-limit hook after authorising and before storing", async () => {
    const { id, actor } = await start();
    await expect(
      postCitizenMessage({
        ctx: {
          database: use(),
          actor,
          languages,
          beforeStore: async () => {
            throw new Error("limited");
          },
        },
        conversationId: id,
        input: { text: "hello there" },
      }),
    ).rejects.toThrow("limited");
    expect(await use().db.select().from(messages).where(eq(messages.conversationId, id))).toHaveLength(0);
  });

  it("refuses empty and oversized messages", async () => {
    const { id, actor } = await start();
    const post = (text: string) =>
      postCitizenMessage({ ctx: { database: use(), actor, languages }, conversationId: id, input: { text } });
    await expect(post("   ")).rejects.toThrow();
    await expect(post("x".repeat(4001))).rejects.toThrow();
  });

  it("hands off once, then keeps the conversation with staff", async () => {
    const { id, actor } = await start("ro");
    const first = await requestHandoff({
      ctx: { database: use(), actor, translate },
      conversationId: id,
      input: {},
    });
    expect(first.state).toBe("waiting");
    expect(first.message).toMatchObject({ status: "handoff", handoff: true, text: "ro:reply.handoff" });
    const again = await requestHandoff({
      ctx: { database: use(), actor, translate },
      conversationId: id,
      input: {},
    });
    expect(again.message.id).toBe(first.message.id);

    const view = await getConversation({ ctx: { database: use(), actor }, conversationId: id });
    expect(view).toMatchObject({ state: "waiting", handoff: true, lang: "ro" });
    expect(view.messages).toHaveLength(1);
    const [row] = await use().db.select().from(conversations).where(eq(conversations.id, id));
    expect(row!.handoffReason).toBe("citizen_request");
    expect(row!.handoffRequestedAt).toBeInstanceOf(Date);
  });

  it("records thumbs up or down on the bot's replies only", async () => {
    const { id, actor } = await start();
    const handoff = await requestHandoff({
      ctx: { database: use(), actor, translate },
      conversationId: id,
      input: {},
    });
    const down = await recordFeedback({
      ctx: { database: use(), actor },
      conversationId: id,
      input: { messageId: handoff.message.id, value: "down" },
    });
    expect(down.feedback).toBe(-1);
    const up = await recordFeedback({
      ctx: { database: use(), actor },
      conversationId: id,
      input: { messageId: handoff.message.id, value: "up" },
    });
    expect(up.feedback).toBe(1);

    const posted = await postCitizenMessage({
      ctx: { database: use(), actor, languages },
      conversationId: id,
      input: { text: "thanks" },
    });
    await expect(
      recordFeedback({
        ctx: { database: use(), actor },
        conversationId: id,
        input: { messageId: posted.message.id, value: "up" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      recordFeedback({
        ctx: { database: use(), actor },
        conversationId: id,
        input: { messageId: "x", value: "meh" },
      }),
    ).rejects.toThrow();
  });

  it("lists the conversation's messages in order", async () => {
    const { id, actor } = await start();
    for (const text of ["first question", "second question", "third question"]) {
      await postCitizenMessage({
        ctx: { database: use(), actor, languages },
        conversationId: id,
        input: { text },
      });
    }
    const view = await getConversation({ ctx: { database: use(), actor }, conversationId: id });
    expect(view.messages.map((m) => m.text)).toEqual(["first question", "second question", "third question"]);
    expect(view.handoff).toBe(false);
  });
});
