import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { standInModelOptions, useOpenAiStandIn } from "../../../test/openai-stand-in";
import { createOpenAiChatModel } from "../../adapters/chat-model-openai";
import { conversations, messages, teamsHandoffCards } from "../../db/schema";
import { createLogger } from "../../logger";
import type { SlaAlert } from "../../ports/staff-notifier";
import type { TeamsChannel, TeamsIncoming, TeamsOutgoing, TeamsReference } from "../../ports/teams-channel";
import { createConversation } from "../conversations/create-conversation";
import { recordCallTransfer } from "../handoff/record-call-transfer";
import { markHandoff } from "../handoff/request-handoff";
import { createSummaryCache } from "../handoff/summarize-conversation";
import { escalationCard, slaText } from "./escalation-card";
import { linkTeamsChannel, recordTeamsConversation } from "./record-teams-conversation";
import { alertText } from "./staff-alerts";
import { syncTeamsHandoffs, threadCommandOf } from "./teams-handoffs";

/** A Teams channel in memory: records what the sync sends and fails on demand (a connector outage). */
function recordingTeams() {
  const sent: { reference: TeamsReference; message: TeamsOutgoing; threadRootId?: string }[] = [];
  const updated: { activityId: string; message: TeamsOutgoing }[] = [];
  let down = false;
  const teams: TeamsChannel = {
    appId: "app",
    handle: async () => ({ status: 500, headers: {} }),
    async send(reference, message, options = {}) {
      if (down) throw new Error("connector unreachable");
      sent.push({
        reference,
        message,
        ...(options.threadRootId ? { threadRootId: options.threadRootId } : {}),
      });
      return { id: `act-${sent.length}` };
    },
    async update(_reference, activityId, message) {
      if (down) throw new Error("connector unreachable");
      updated.push({ activityId, message });
    },
  };
  return {
    teams,
    sent,
    updated,
    setDown: (value: boolean) => {
      down = value;
    },
  };
}

const logger = createLogger({ level: "silent", redact: (t) => t });

forEachDatabase("Teams handoff sync", (use) => {
  const channel: TeamsIncoming = {
    type: "installationUpdate",
    text: "",
    from: { id: "29:x" },
    conversationId: "19:desk@thread.tacv2",
    rootConversationId: "19:desk@thread.tacv2",
    kind: "channel",
    reference: { conversation: { id: "19:desk@thread.tacv2" }, serviceUrl: "https://smba.example/" },
  };

  const waitingConversation = async (first: string, at: Date) => {
    const created = await createConversation({
      ctx: { database: use(), languages: { supported: ["en", "fr"], fallback: "en" } },
      input: { channel: "web", lang: "fr" },
    });
    await use()
      .db.insert(messages)
      .values({ conversationId: created.id, role: "citizen", text: first, lang: "fr", createdAt: at });
    await markHandoff(use().db, created.id, "citizen_request", at);
    return created.id;
  };

  it("retries a card the connector refused, after a pause, and relays what failed to go", async () => {
    await recordTeamsConversation({ ctx: { database: use() }, incoming: channel });
    await linkTeamsChannel({
      ctx: { database: use() },
      rootConversationId: channel.rootConversationId,
      departmentCode: "*",
    });
    const start = new Date();
    const id = await waitingConversation(
      "Mon voisin brûle des déchets, appelez-moi au 06 12 34 56 78",
      start,
    );
    const { teams, sent, setDown } = recordingTeams();
    const ctx = { database: use(), teams, logger };

    setDown(true);
    expect(await syncTeamsHandoffs({ ctx: { ...ctx, now: start } })).toMatchObject({ posted: 0, failed: 1 });
    expect(
      await syncTeamsHandoffs({ ctx: { ...ctx, now: new Date(start.getTime() + 10_000) } }),
    ).toMatchObject({
      posted: 0,
      failed: 0,
    });
    setDown(false);
    const later = new Date(start.getTime() + 61_000);
    expect(await syncTeamsHandoffs({ ctx: { ...ctx, now: later } })).toMatchObject({ posted: 1 });
    const card = JSON.stringify(sent[0]!.message);
    expect(card).toContain("French");
    expect(card).toContain("Mon voisin brûle des déchets");
    // Contact details are masked in a channel the whole department reads.
    expect(card).not.toContain("06 12 34 56 78");
    const [row] = await use()
      .db.select()
      .from(teamsHandoffCards)
      .where(eq(teamsHandoffCards.conversationId, id));
    expect(row).toMatchObject({ status: "posted", activityId: "act-1" });

    await use()
      .db.insert(messages)
      .values({ conversationId: id, role: "citizen", text: "Vous êtes là ?", lang: "fr" });
    setDown(true);
    expect((await syncTeamsHandoffs({ ctx: { ...ctx, now: later } })).relayed).toBe(0);
    setDown(false);
    expect((await syncTeamsHandoffs({ ctx: { ...ctx, now: later } })).relayed).toBe(1);
    expect(sent.at(-1)).toMatchObject({
      threadRootId: "act-1",
      message: { text: "Citizen: Vous êtes là ?" },
    });
    expect((await syncTeamsHandoffs({ ctx: { ...ctx, now: later } })).relayed).toBe(0);
  });

  const standIn = useOpenAiStandIn();
  it("puts a generated summary on the card, marked with the model's name, with contact details masked", async () => {
    await recordTeamsConversation({ ctx: { database: use() }, incoming: channel });
    await linkTeamsChannel({
      ctx: { database: use() },
      rootConversationId: channel.rootConversationId,
      departmentCode: "*",
    });
    const server = await standIn.start({
      kind: "json",
      content: "- Le citoyen signale des déchets brûlés.\n- Il demande un rappel au [phone].",
    });
    const now = new Date();
    const id = await waitingConversation("Des déchets brûlent, rappelez-moi au 06 98 76 54 32", now);
    const { teams, sent } = recordingTeams();
    const summaries = {
      chatModel: createOpenAiChatModel(standInModelOptions(server)),
      cache: createSummaryCache(),
      timeoutMs: 2_000,
    };
    await syncTeamsHandoffs({ ctx: { database: use(), teams, logger, summaries, now } });
    const card = JSON.stringify(sent.find((s) => JSON.stringify(s.message).includes(id))?.message);
    expect(card).toContain("Summary (generated by stand-in-model, check the transcript)");
    expect(card).toContain("Le citoyen signale des déchets brûlés.");
    expect(card).not.toContain("the citizen's own words");
    expect(server.requests).toHaveLength(1);
    const prompt = JSON.stringify(server.requests[0]!.body.messages);
    expect(prompt).toContain("Des déchets brûlent");
    expect(prompt).not.toContain("06 98 76 54 32");
  });

  it("shows the voice line's latest call transfer note on the card, as plain text", async () => {
    await recordTeamsConversation({ ctx: { database: use() }, incoming: channel });
    await linkTeamsChannel({
      ctx: { database: use() },
      rootConversationId: channel.rootConversationId,
      departmentCode: "*",
    });
    const now = new Date();
    const created = await createConversation({
      ctx: { database: use(), languages: { supported: ["en", "fr"], fallback: "en" } },
      input: { channel: "web", lang: "en" },
    });
    // A phone call's conversation (the voice line opens its own; only the channel matters here).
    await use().db.update(conversations).set({ channel: "voice" }).where(eq(conversations.id, created.id));
    await use()
      .db.insert(messages)
      .values({
        conversationId: created.id,
        role: "citizen",
        text: "The **bins** at [my house](http://x.example) were _not_ collected <b>again</b>",
        lang: "en",
        createdAt: new Date(now.getTime() - 60_000),
      });
    const transfer = (transferredTo: string, at: Date) =>
      recordCallTransfer(use().db, {
        conversationId: created.id,
        reason: "voice_agent",
        transferredTo,
        now: at,
      });
    await transfer("the contact centre", new Date(now.getTime() - 30_000));
    await transfer("the waste team", now);
    const { teams, sent } = recordingTeams();
    await syncTeamsHandoffs({ ctx: { database: use(), teams, logger, now } });
    const message = sent.find((s) => JSON.stringify(s.message).includes(created.id))?.message as
      | { card: { body: { text?: string }[] } }
      | undefined;
    expect(JSON.stringify(message)).toContain("Phone");
    const blocks = (message?.card.body ?? []).map((b) => b.text ?? "");
    const heading = blocks.indexOf("Call transfer note");
    expect(heading).toBeGreaterThan(-1);
    const note = blocks[heading + 1]!;
    expect(note).toMatch(
      /^Call put through to the waste team \(the caller asked for a person\)\. Summary of the call: /,
    );
    // Only the latest note; the citizen's markup is escaped, not read as Markdown or HTML.
    expect(blocks.join("\n")).not.toContain("Call put through to the contact centre");
    expect(note).toContain(
      "The \\*\\*bins\\*\\* at \\[my house\\](http://x.example) were \\_not\\_ collected \\<b\\>again\\</b\\>",
    );
  });

  it("relays the citizen's MMS attachments into the thread as links, after the text", async () => {
    await recordTeamsConversation({ ctx: { database: use() }, incoming: channel });
    await linkTeamsChannel({
      ctx: { database: use() },
      rootConversationId: channel.rootConversationId,
      departmentCode: "*",
    });
    const now = new Date();
    const id = await waitingConversation("Le banc est cassé", now);
    // A photo sent before the card is posted is on the card, with the last messages.
    await use()
      .db.insert(messages)
      .values({
        conversationId: id,
        role: "citizen",
        text: "Voilà",
        lang: "fr",
        meta: { media: [{ url: "https://api.twilio.com/Media/ME8", contentType: "image/png" }] },
      });
    const { teams, sent } = recordingTeams();
    const ctx = { database: use(), teams, logger, now };
    await syncTeamsHandoffs({ ctx });
    const root = sent.findIndex((s) => JSON.stringify(s.message).includes(id));
    expect(root).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(sent[root]!.message)).toContain(
      JSON.stringify("Citizen: Voilà\n- [Attachment 1 (image/png)](https://api.twilio.com/Media/ME8)").slice(
        1,
        -1,
      ),
    );
    await use()
      .db.insert(messages)
      .values({
        conversationId: id,
        role: "citizen",
        text: "[photo]",
        lang: "fr",
        meta: {
          channel: "sms",
          media: [
            {
              url: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM9/Media/ME9",
              contentType: "image/jpeg",
            },
            { url: "https://media.example.org/a (1).png" },
            { url: "javascript:alert(1)", contentType: "text/html" },
          ],
        },
      });
    expect((await syncTeamsHandoffs({ ctx })).relayed).toBe(1);
    expect(sent.at(-1)).toMatchObject({
      threadRootId: `act-${root + 1}`,
      message: {
        text: [
          "Citizen: [photo]",
          "- [Attachment 1 (image/jpeg)](https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM9/Media/ME9)",
          "- [Attachment 2](https://media.example.org/a%20%281%29.png)",
        ].join("\n"),
      },
    });
  });

  it("leaves requests from before the last day alone", async () => {
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    const id = await waitingConversation("old request", old);
    const { teams, sent } = recordingTeams();
    await syncTeamsHandoffs({ ctx: { database: use(), teams, logger } });
    expect(sent.filter((s) => JSON.stringify(s.message).includes(id))).toEqual([]);
  });
});

it("reads thread commands and words the SLA texts", () => {
  expect(threadCommandOf("handback")).toBe("handback");
  expect(threadCommandOf(" Hand back. ")).toBe("handback");
  expect(threadCommandOf("close")).toBe("close");
  expect(threadCommandOf("I will close your case tomorrow")).toBe("reply");

  const now = new Date("2026-12-07T10:00:00Z");
  const facts = {
    conversationId: "c1",
    lang: "ro",
    channel: "sms",
    reason: "no_answer",
    state: "human",
    assigneeName: "Alex Agent",
    waitingSeconds: 125,
    summary: [],
    lastMessages: [],
    sla: {
      caseReference: "CD-2026-000001",
      label: "first response",
      dueAt: new Date("2026-12-07T09:50:00Z"),
    },
    now,
  };
  expect(slaText(facts)).toBe("Case CD-2026-000001: first response overdue by 10 min");
  expect(slaText({ ...facts, sla: null })).toBe("Waiting for a person for 2 min");
  const card = escalationCard(facts, "https://desk.example/");
  expect(JSON.stringify(card)).toContain("Taken over by Alex Agent");
  expect((card.actions as { type: string }[]).map((a) => a.type)).toEqual(["Action.OpenUrl"]);

  const alert: SlaAlert = {
    caseId: "x",
    caseReference: "CD-2026-000002",
    kind: "sla.warn",
    timer: "resolution",
    step: null,
    notify: "assignee",
    departmentCode: "roads",
    assigneeId: null,
    // The warning's job falls due at `now`; the texts count from the timer's own due time.
    dueAt: now,
    timerDueAt: new Date("2026-12-07T11:00:00Z"),
    firedAt: now,
  };
  expect(alertText(alert)).toBe(
    "SLA warning: case CD-2026-000002 (roads), resolution due in 1 h 0 min (2026-12-07 11:00 UTC).",
  );
  // A later step falls due after the breach; it says how long the timer has been overdue, not the step.
  const step2 = { ...alert, kind: "sla.escalate" as const, step: 1, notify: "team_lead" as const };
  expect(
    alertText({
      ...step2,
      timerDueAt: new Date(now.getTime() - 90 * 60_000),
      dueAt: new Date(now.getTime() - 60 * 60_000),
    }),
  ).toMatch(/^SLA escalation \(step 2\): case CD-2026-000002 \(roads\), resolution overdue by 1 h 30 min/);
});
