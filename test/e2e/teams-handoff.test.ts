import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "../../src/adapters/job-queue-in-process";
import { createTeamsStaffNotifier } from "../../src/adapters/staff-notifier-teams";
import { createAgentsSdkTeamsChannel } from "../../src/adapters/teams-agents-sdk";
import { loadConfig, teamsSettings } from "../../src/config";
import { startSlaTimers } from "../../src/jobs/start-sla-timers";
import { createLogger } from "../../src/logger";
import { openCase } from "../../src/services/cases/open-case";
import { createCitizen } from "../../src/services/cases/test-fixtures";
import { createRoundTheClockService } from "../../src/services/sla/sla.db-fixture";
import { type BotConnectorStandIn, startBotConnectorStandIn, strangerKey } from "../bot-connector-stand-in";
import { startTestService, type TestService } from "../service";
import { createStaffUser } from "../staff-session";

/**
 * The Teams round trip of issue 16 against a stand-in for Microsoft's side (authority key set, token
 * sidecar, Bot Connector): a citizen's escalation appears as a card in the department channel, an
 * agent takes it over from the card, replies in the thread and the citizen reads it in the web chat,
 * the citizen's answer comes back into the thread, `handback` returns the conversation to the bot,
 * and an SLA breach reaches the agent's 1:1 chat proactively. Inbound activities carry RS256 tokens
 * the SDK checks against the stand-in's key set.
 */
describe("Teams for staff", () => {
  let standIn: BotConnectorStandIn;
  let service: TestService;
  const channelId = "19:waste-desk@thread.tacv2";
  const alex = {
    id: "29:alex-teams-id",
    name: "Alex Agent",
    aadObjectId: "0f6f5e2c-1111-4aaa-8bbb-000000000001",
  };
  const agentEmail = "alex.agent@riverton.example";

  beforeAll(async () => {
    standIn = await startBotConnectorStandIn();
    standIn.members.set(alex.id, { email: agentEmail, name: alex.name });
    // PostgreSQL when the run has one (the sync's claims and locks matter there), PGlite otherwise.
    service = await startTestService({
      kind: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
      env: {
        ...standIn.env(),
        TEAMS_SYNC_INTERVAL_MS: "100",
        PUBLIC_BASE_URL: "https://desk.riverton.example",
      },
    });
    await createStaffUser(service.database, {
      email: agentEmail,
      roles: ["agent", "supervisor"],
      departments: ["waste"],
    });
    await service.database.db.execute(
      // The agent's display name, as the card shows it after the take-over.
      (await import("drizzle-orm"))
        .sql`update staff_users set name = 'Alex Agent' where email = ${agentEmail}`,
    );
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const tenant = () => ({ id: standIn.tenantId });
  const bot = () => ({ id: `28:${standIn.appId}`, name: "CivicDesk" });

  function channelActivity(fields: Record<string, unknown>, thread?: string) {
    const conversationId = thread ? `${channelId};messageid=${thread}` : channelId;
    return {
      id: `${Date.now()}`,
      timestamp: new Date().toISOString(),
      serviceUrl: `${standIn.url}/`,
      channelId: "msteams",
      from: alex,
      conversation: {
        id: conversationId,
        conversationType: "channel",
        tenantId: standIn.tenantId,
        isGroup: true,
      },
      recipient: bot(),
      locale: "en-GB",
      channelData: {
        tenant: tenant(),
        team: { id: "19:waste-team@thread.tacv2" },
        channel: { id: channelId },
      },
      ...fields,
    };
  }

  function personalActivity(fields: Record<string, unknown>) {
    return {
      id: `${Date.now()}`,
      timestamp: new Date().toISOString(),
      serviceUrl: `${standIn.url}/`,
      channelId: "msteams",
      from: alex,
      conversation: { id: "a:1alex-personal-chat", conversationType: "personal", tenantId: standIn.tenantId },
      recipient: bot(),
      locale: "en-GB",
      channelData: { tenant: tenant() },
      ...fields,
    };
  }

  const mention = (text: string) => ({
    type: "message",
    text: `<at>CivicDesk</at> ${text}`,
    textFormat: "plain",
    entities: [{ type: "mention", mentioned: bot(), text: "<at>CivicDesk</at>" }],
  });

  async function post(activity: unknown, token = standIn.sign()) {
    const res = await fetch(`${service.url}/channels/teams/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const found = find();
      if (found !== undefined) return found;
      await pause(50);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const textsIn = (conversationId: string) =>
    standIn
      .calls()
      .filter((c) => c.method === "POST" && c.conversationId === conversationId)
      .map((c) => String(c.body.text ?? ""));

  it("refuses activities without a valid connector token", async () => {
    const activity = personalActivity({ type: "message", text: "hello" });
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string | null][] = [
      ["wrong audience", standIn.sign({ aud: "someone-else" })],
      ["wrong key", standIn.sign({ key: strangerKey() })],
      ["expired", standIn.sign({ exp: now - 3600 })],
      ["malformed", "not-a-jwt"],
      ["wrong issuer", standIn.sign({ iss: "https://issuer.example/other/v2.0" })],
      ["missing", null],
    ];
    for (const [label, token] of cases) {
      const res = await fetch(`${service.url}/channels/teams/messages`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      expect(res.status, label).toBe(401);
      expect(res.headers.get("content-type"), label).toContain("application/problem+json");
    }
    expect(textsIn("a:1alex-personal-chat")).toEqual([]);
  });

  it("caps the body and refuses a body that is not an activity, before any turn runs", async () => {
    const big = personalActivity({ type: "message", text: "x".repeat(70 * 1024) });
    const tooBig = await fetch(`${service.url}/channels/teams/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${standIn.sign()}` },
      body: JSON.stringify(big),
    });
    expect(tooBig.status).toBe(413);
    expect((await post({ type: "message", text: "no conversation" })).status).toBe(400);
    expect(textsIn("a:1alex-personal-chat")).toEqual([]);
  });

  it("tells a Teams user with no staff account that they are not linked", async () => {
    const stranger = {
      id: "29:someone-else",
      name: "Sam Stranger",
      aadObjectId: "0f6f5e2c-2222-4aaa-8bbb-000000000002",
    };
    const res = await post({
      ...personalActivity({ type: "message", text: "bins?" }),
      from: stranger,
      conversation: { id: "a:1stranger-chat", conversationType: "personal", tenantId: standIn.tenantId },
    });
    expect(res.status).toBe(200);
    expect(textsIn("a:1stranger-chat")).toEqual([
      expect.stringContaining("not linked to a CivicDesk staff account"),
    ]);
  });

  it("answers a private knowledge question in a 1:1 chat, with sources", async () => {
    const res = await post(personalActivity({ type: "message", text: "When are bins collected?" }));
    expect(res.status).toBe(200);
    const answer = await waitFor(() => textsIn("a:1alex-personal-chat").at(-1), "the 1:1 answer");
    expect(answer).toContain("From the knowledge base");
    expect(answer).toMatch(/Source: https?:\/\//);
    // Replies leave with the token the SDK obtained from the (stand-in) sidecar.
    expect(standIn.calls().at(-1)?.authorization).toMatch(/^Bearer ey/);
    expect(standIn.tokenRequests()).toBeGreaterThan(0);
  });

  it("carries an escalation through Teams and back to the bot", async () => {
    // The bot is installed in the department's channel and a supervisor links it.
    expect(
      (await post(channelActivity({ type: "installationUpdate", action: "add", text: undefined }))).status,
    ).toBe(200);
    expect((await post(channelActivity(mention("link *")))).status).toBe(200);
    expect(textsIn(channelId).at(-1)).toContain("now receives escalations");

    // A web citizen asks for a person.
    const created = await fetch(`${service.url}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.77" },
      body: JSON.stringify({ channel: "web", lang: "en" }),
    });
    const conv = (await created.json()) as { id: string; token: string };
    const citizenHeaders = {
      "content-type": "application/json",
      authorization: `Bearer ${conv.token}`,
      "cf-connecting-ip": "198.51.100.77",
    };
    const say = async (text: string) => {
      const res = await fetch(`${service.url}/v1/conversations/${conv.id}/messages`, {
        method: "POST",
        headers: citizenHeaders,
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { message: { role: string; text: string; status: string } }).message;
    };
    await say("My bin was not emptied on Tuesday");
    await say("I want to talk to a person please");

    // The card arrives in the channel: language, channel, reason, summary, SLA text, both buttons.
    const cardPost = await waitFor(
      () =>
        standIn
          .calls()
          .find(
            (c) =>
              c.conversationId === channelId &&
              c.method === "POST" &&
              JSON.stringify(c.body.attachments ?? []).includes(conv.id),
          ),
      "the escalation card",
    );
    const card = (
      cardPost.body.attachments as { contentType: string; content: Record<string, unknown> }[]
    )[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const cardText = JSON.stringify(card.content);
    expect(cardText).toContain("English");
    expect(cardText).toContain("Web chat");
    expect(cardText).toContain("The citizen asked for a person");
    expect(cardText).toContain("My bin was not emptied on Tuesday");
    expect(cardText).toMatch(/Waiting for a person for \d+/);
    const actions = card.content.actions as { type: string; verb?: string; url?: string }[];
    expect(actions.map((a) => a.type)).toEqual(["Action.Execute", "Action.OpenUrl"]);
    expect(actions[1]!.url).toBe(`https://desk.riverton.example/staff/conversations/${conv.id}`);

    // The card's id is what the connector answered; replies under it form its thread.
    const rootId = cardPost.answeredId;

    // Take over from the card (Action.Execute arrives as an adaptiveCard/action invoke).
    const taken = await post(
      channelActivity({
        type: "invoke",
        name: "adaptiveCard/action",
        replyToId: rootId,
        value: {
          action: { type: "Action.Execute", verb: "takeOver", data: { conversationId: conv.id } },
          trigger: "manual",
        },
      }),
    );
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(JSON.stringify(taken.body)).toContain("Taken over by Alex Agent");
    // Everyone's copy of the card is refreshed in place.
    const refresh = standIn.calls().find((c) => c.method === "PUT" && c.activityId === rootId);
    expect(refresh?.conversationId).toBe(channelId);
    expect(JSON.stringify(refresh?.body)).toContain("Taken over by Alex Agent");
    expect(JSON.stringify(refresh?.body)).not.toContain("Action.Execute");

    // A second agent, first seen in the channel, is matched by a member look-up in the team (never in a
    // thread) and cannot take a conversation someone else holds.
    const bea = {
      id: "29:bea-teams-id",
      name: "Bea Agent",
      aadObjectId: "0f6f5e2c-3333-4aaa-8bbb-000000000003",
    };
    standIn.members.set(bea.id, { email: "bea.agent@riverton.example" });
    await createStaffUser(service.database, { email: "bea.agent@riverton.example", roles: ["agent"] });
    const second = await post({
      ...channelActivity({
        type: "invoke",
        name: "adaptiveCard/action",
        replyToId: rootId,
        value: { action: { type: "Action.Execute", verb: "takeOver", data: { conversationId: conv.id } } },
      }),
      from: bea,
    });
    expect(second.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: "Another staff member holds this conversation.",
    });
    expect(standIn.memberLookups()).toContain("19:waste-team@thread.tacv2");
    expect(standIn.memberLookups().some((id) => id.includes(";messageid="))).toBe(false);

    // The agent replies in the card's thread; the citizen's web chat shows it.
    expect(
      (await post(channelActivity(mention("Hello, I am Alex. Which street are you on?"), rootId))).status,
    ).toBe(200);
    const view = async () => {
      const res = await fetch(`${service.url}/v1/conversations/${conv.id}`, { headers: citizenHeaders });
      return (await res.json()) as { messages: { role: string; text: string }[] };
    };
    expect((await view()).messages.at(-1)).toMatchObject({
      role: "staff",
      text: "Hello, I am Alex. Which street are you on?",
    });

    // The citizen answers; the bot stays quiet and the answer reaches the thread.
    const held = await say("Mill Lane, number 4");
    expect(held.status).toBe("held");
    const thread = `${channelId};messageid=${rootId}`;
    const relayed = await waitFor(
      () => textsIn(thread).find((t) => t.includes("Mill Lane, number 4")),
      "the citizen's reply in the thread",
    );
    expect(relayed).toBe("Citizen: Mill Lane, number 4");

    // Hand back from the thread; the bot answers the next question.
    expect((await post(channelActivity(mention("handback"), rootId))).status).toBe(200);
    expect(textsIn(thread).at(-1)).toContain("handed the conversation back to the assistant");
    const answer = await say("When are bins collected?");
    expect(answer.role).toBe("assistant");
    expect(answer.status).not.toBe("held");
    expect(answer.text.length).toBeGreaterThan(0);
  }, 60_000);

  it("closes from the thread: `close` ends the conversation and the citizen is told", async () => {
    // The channel receives escalations (linked again here, so this test does not lean on the one above).
    expect((await post(channelActivity(mention("link *")))).status).toBe(200);
    const created = await fetch(`${service.url}/v1/conversations`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.78" },
      body: JSON.stringify({ channel: "web", lang: "de" }),
    });
    const conv = (await created.json()) as { id: string; token: string };
    const citizenHeaders = {
      "content-type": "application/json",
      authorization: `Bearer ${conv.token}`,
      "cf-connecting-ip": "198.51.100.78",
    };
    const asked = await fetch(`${service.url}/v1/conversations/${conv.id}/handoff`, {
      method: "POST",
      headers: citizenHeaders,
    });
    expect(asked.status).toBeLessThan(300);
    const cardPost = await waitFor(
      () =>
        standIn
          .calls()
          .find(
            (c) =>
              c.conversationId === channelId &&
              c.method === "POST" &&
              JSON.stringify(c.body.attachments ?? []).includes(conv.id),
          ),
      "the escalation card",
    );
    const rootId = cardPost.answeredId;
    const taken = await post(
      channelActivity({
        type: "invoke",
        name: "adaptiveCard/action",
        replyToId: rootId,
        value: { action: { type: "Action.Execute", verb: "takeOver", data: { conversationId: conv.id } } },
      }),
    );
    expect(JSON.stringify(taken.body)).toContain("Taken over by Alex Agent");

    expect((await post(channelActivity(mention("close"), rootId))).status).toBe(200);
    const thread = `${channelId};messageid=${rootId}`;
    expect(textsIn(thread).at(-1)).toBe("Alex Agent closed the conversation.");
    const state = await service.database.db.execute(
      sql`select state, assigned_staff_id from conversations where id = ${conv.id}`,
    );
    const row =
      (state as unknown as { rows?: Record<string, unknown>[] }).rows?.[0] ??
      (state as unknown as Record<string, unknown>[])[0];
    expect(row).toMatchObject({ state: "closed", assigned_staff_id: null });
    // The card no longer offers a take-over.
    const refreshed = standIn.calls().filter((c) => c.method === "PUT" && c.activityId === rootId);
    expect(JSON.stringify(refreshed.at(-1)?.body)).not.toContain("Action.Execute");

    // The citizen's chat, in German: Alex joined, then the team closed the conversation.
    const view = (await (
      await fetch(`${service.url}/v1/conversations/${conv.id}`, { headers: citizenHeaders })
    ).json()) as { state: string; messages: { role: string; text: string }[] };
    expect(view.state).toBe("closed");
    expect(view.messages.filter((m) => m.role === "system").map((m) => m.text)).toEqual([
      "Alex vom Team der Stadt ist dem Gespräch beigetreten.",
      "Das Team der Stadt hat dieses Gespräch beendet. Wenn Sie noch etwas brauchen, schreiben Sie einfach erneut; dann beginnt ein neues Gespräch.",
    ]);
    // Closing again (a retried command) tells nobody twice.
    expect((await post(channelActivity(mention("close"), rootId))).status).toBe(200);
    const again = (await (
      await fetch(`${service.url}/v1/conversations/${conv.id}`, { headers: citizenHeaders })
    ).json()) as { messages: { role: string }[] };
    expect(again.messages.filter((m) => m.role === "system")).toHaveLength(2);
  }, 60_000);

  it("delivers SLA escalations proactively: the assignee's 1:1 chat, then the department channel", async () => {
    // The real SLA engine on the service's database, with the Teams notifier the service wires.
    const sla = await createRoundTheClockService(service.database);
    const citizen = await createCitizen(service.database);
    const { case: opened } = await openCase({
      ctx: {
        database: service.database,
        actor: { kind: "citizen", contactId: citizen.contactId },
        now: new Date(Date.now() - 3 * 3600_000),
      },
      input: { serviceCode: sla.serviceCode, description: "Bench broken", channel: "web", lang: "en" },
    });
    await service.database.db.execute(
      sql`update cases set assignee_id = ${await staffIdOf(agentEmail)} where id = ${opened.id}`,
    );
    const logger = createLogger({ level: "silent", redact: (t) => t });
    const settings = teamsSettings(loadConfig({ NODE_ENV: "test", ...standIn.env() }))!;
    const queue = createInProcessJobQueue({ logger });
    const timers = await startSlaTimers({
      database: service.database,
      queue,
      logger,
      sweepIntervalMs: 0,
      notifier: createTeamsStaffNotifier({
        database: service.database,
        teams: createAgentsSdkTeamsChannel(settings, logger),
        logger,
      }),
    });
    try {
      await timers.firstSweep;
      const personal = await waitFor(() => {
        const texts = textsIn("a:1alex-personal-chat").filter((t) => t.includes(opened.reference));
        return texts.length >= 2 ? texts : undefined;
      }, "both clocks' first escalation step in the 1:1 chat");
      expect(personal.sort()).toEqual([
        expect.stringMatching(
          new RegExp(
            `^SLA escalation \\(step 1\\): case ${opened.reference} \\(${sla.teamA}\\), first response overdue by 2 h 30 min`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^SLA escalation \\(step 1\\): case ${opened.reference} \\(${sla.teamA}\\), resolution overdue by 1 h 0 min`,
          ),
        ),
      ]);
      // No supervisor of that team has a 1:1 chat with the bot: the team-lead step goes to the channel.
      const channel = await waitFor(() => {
        const texts = textsIn(channelId).filter((t) => t.includes(opened.reference));
        return texts.length >= 2 ? texts : undefined;
      }, "the team-lead steps in the channel");
      expect(channel.every((t) => t.startsWith("SLA escalation (step 2)"))).toBe(true);
    } finally {
      await timers.stop();
      await queue.stop();
    }
  }, 30_000);

  it("delivers an SLA warning to the assignee, a supervisor's step to their own 1:1 chat, and a breach with no step at it", async () => {
    // A supervisor of the new team who has a 1:1 chat with the bot (recorded when she first writes to it).
    const sam = {
      id: "29:sam-teams-id",
      name: "Sam Supervisor",
      aadObjectId: "0f6f5e2c-1111-4aaa-8bbb-000000000002",
    };
    const samChat = "a:1sam-personal-chat";
    const sla = await createRoundTheClockService(service.database);
    // A policy whose only escalation step comes an hour after the breach: the breach must speak for itself.
    const late = await createRoundTheClockService(service.database, {
      escalation: [{ afterMinutes: 60, notify: "department_head" }],
    });
    const samEmail = "sam.supervisor@riverton.example";
    standIn.members.set(sam.id, { email: samEmail, name: sam.name });
    await createStaffUser(service.database, {
      email: samEmail,
      roles: ["supervisor"],
      departments: [sla.teamA],
    });
    const hello = personalActivity({ type: "message", text: "When are bins collected?" });
    const res = await post({
      ...hello,
      from: sam,
      conversation: { id: samChat, conversationType: "personal", tenantId: standIn.tenantId },
    });
    expect(res.status).toBe(200);
    await waitFor(() => textsIn(samChat).at(-1), "the bot's answer in Sam's 1:1 chat");

    const citizen = await createCitizen(service.database);
    const open = async (serviceCode: string, minutesAgo: number) => {
      const { case: opened } = await openCase({
        ctx: {
          database: service.database,
          actor: { kind: "citizen", contactId: citizen.contactId },
          now: new Date(Date.now() - minutesAgo * 60_000),
        },
        input: { serviceCode, description: "Bench broken", channel: "web", lang: "en" },
      });
      await service.database.db.execute(
        sql`update cases set assignee_id = ${await staffIdOf(agentEmail)} where id = ${opened.id}`,
      );
      return opened;
    };
    // First response is due after 30 minutes with a warning 10 minutes before: 25 minutes in, only the warning.
    const warned = await open(sla.serviceCode, 25);
    // 65 minutes in: the first response breached 35 minutes ago, so the team-lead step (30 after) is due.
    const escalated = await open(sla.serviceCode, 65);
    // 35 minutes in on the late policy: the first response breached 5 minutes ago, its only step is far off.
    const breached = await open(late.serviceCode, 35);

    const logger = createLogger({ level: "silent", redact: (t) => t });
    const settings = teamsSettings(loadConfig({ NODE_ENV: "test", ...standIn.env() }))!;
    const queue = createInProcessJobQueue({ logger });
    const timers = await startSlaTimers({
      database: service.database,
      queue,
      logger,
      sweepIntervalMs: 0,
      notifier: createTeamsStaffNotifier({
        database: service.database,
        teams: createAgentsSdkTeamsChannel(settings, logger),
        logger,
      }),
    });
    try {
      await timers.firstSweep;
      const alexChat = "a:1alex-personal-chat";
      const aboutIn = (chat: string, reference: string) => textsIn(chat).filter((t) => t.includes(reference));
      const warning = await waitFor(
        () => aboutIn(alexChat, warned.reference)[0],
        "the warning in Alex's chat",
      );
      expect(warning).toMatch(
        new RegExp(
          `^SLA warning: case ${warned.reference} \\(${sla.teamA}\\), first response due in [45] min`,
        ),
      );
      const samStep = await waitFor(
        () => aboutIn(samChat, escalated.reference)[0],
        "the team-lead step in Sam's chat",
      );
      expect(samStep).toMatch(
        new RegExp(
          `^SLA escalation \\(step 2\\): case ${escalated.reference} \\(${sla.teamA}\\), first response overdue by 3[45] min`,
        ),
      );
      const breach = await waitFor(
        () => aboutIn(alexChat, breached.reference)[0],
        "the breach in Alex's chat",
      );
      expect(breach).toMatch(
        new RegExp(`^SLA breached: case ${breached.reference} \\(${late.teamA}\\), first response was due `),
      );
      // Step 1 of the escalated case goes to its assignee; the supervisor's step does not fall back to the channel.
      await waitFor(() => aboutIn(alexChat, escalated.reference)[0], "step 1 in Alex's chat");
      expect(aboutIn(channelId, escalated.reference)).toEqual([]);
      expect(aboutIn(channelId, warned.reference)).toEqual([]);
      expect(aboutIn(samChat, warned.reference)).toEqual([]);
      expect(aboutIn(samChat, breached.reference)).toEqual([]);
      expect(aboutIn(alexChat, breached.reference)).toHaveLength(1);
    } finally {
      await timers.stop();
      await queue.stop();
    }
  }, 30_000);

  it("is a 404 problem when the bot is not configured", async () => {
    const plain = await startTestService();
    try {
      const res = await fetch(`${plain.url}/channels/teams/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${standIn.sign()}` },
        body: JSON.stringify(personalActivity({ type: "message", text: "hi" })),
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    } finally {
      await plain.close();
    }
  });

  it("refuses to start with half a bot registration", () => {
    expect(() => loadConfig({ TEAMS_APP_ID: "abc" })).toThrow(/TEAMS_TENANT_ID: is required/);
    expect(() => loadConfig({ TEAMS_APP_ID: "abc", TEAMS_TENANT_ID: "t" })).toThrow(/TEAMS_APP_PASSWORD/);
    expect(() =>
      loadConfig({ TEAMS_APP_ID: "abc", TEAMS_TENANT_ID: "t", TEAMS_CERT_PEM_FILE: "/etc/bot/cert.pem" }),
    ).toThrow(/a certificate needs both files/);
    expect(() =>
      loadConfig({
        TEAMS_APP_ID: "abc",
        TEAMS_TENANT_ID: "t",
        TEAMS_APP_PASSWORD: "s",
        TEAMS_TOKEN_SIDECAR_URL: "http://127.0.0.1:5178",
      }),
    ).toThrow(/set one credential/);
    expect(
      teamsSettings(
        loadConfig({
          TEAMS_APP_ID: "abc",
          TEAMS_TENANT_ID: "t",
          TEAMS_CERT_PEM_FILE: "c.pem",
          TEAMS_CERT_KEY_FILE: "k.pem",
        }),
      )?.credential,
    ).toEqual({ kind: "certificate", pemFile: "c.pem", keyFile: "k.pem" });
    expect(teamsSettings(loadConfig({}))).toBeUndefined();
  });

  async function staffIdOf(email: string): Promise<string> {
    const rows = await service.database.db.execute(sql`select id from staff_users where email = ${email}`);
    const list =
      (rows as unknown as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[]);
    return list[0]!.id;
  }
});
