import { afterEach, beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../test/db";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { parseStaffTokens } from "../http/staff-auth";
import { createLogger } from "../logger";
import type { TeamsChannel, TeamsIncoming, TeamsOutgoing, TeamsReference } from "../ports/teams-channel";
import { registerStaffUsers } from "../services/cases/register-staff-users";
import { linkTeamsChannel, recordTeamsConversation } from "../services/teams/record-teams-conversation";
import { startTeamsSync, type TeamsSync } from "./start-teams-sync";

const logger = createLogger({ level: "silent", redact: (t) => t });
const AGENT = { authorization: "Bearer agent-token-0123456789" };
const config = loadConfig({ STAFF_TOKENS: "agent-token-0123456789:u-ada:agent" });
/** Far longer than any test here: whatever reaches Teams got there because of the event, not the loop. */
const LONG_INTERVAL_MS = 600_000;

/** A Teams channel in memory that records what the sync sends and updates. */
function recordingTeams() {
  const sent: { message: TeamsOutgoing; threadRootId?: string }[] = [];
  const updated: { activityId: string; message: TeamsOutgoing }[] = [];
  const teams: TeamsChannel = {
    appId: "app",
    handle: async () => ({ status: 500, headers: {} }),
    async send(_reference: TeamsReference, message, options = {}) {
      sent.push({ message, ...(options.threadRootId ? { threadRootId: options.threadRootId } : {}) });
      return { id: `act-${sent.length}` };
    },
    async update(_reference, activityId, message) {
      updated.push({ activityId, message });
    },
  };
  return { teams, sent, updated };
}

const channel: TeamsIncoming = {
  type: "installationUpdate",
  text: "",
  from: { id: "29:x" },
  conversationId: "19:desk@thread.tacv2",
  rootConversationId: "19:desk@thread.tacv2",
  kind: "channel",
  reference: { conversation: { id: "19:desk@thread.tacv2" }, serviceUrl: "https://smba.example/" },
};

forEachDatabase("Teams sync started by handoff events", (use) => {
  let sync: TeamsSync | undefined;
  beforeAll(async () => {
    await registerStaffUsers(use(), parseStaffTokens(config.STAFF_TOKENS));
    await recordTeamsConversation({ ctx: { database: use() }, incoming: channel });
    await linkTeamsChannel({
      ctx: { database: use() },
      rootConversationId: channel.rootConversationId,
      departmentCode: "*",
    });
  });
  afterEach(async () => {
    await sync?.stop();
    sync = undefined;
  });
  const app = () => buildApp({ config, database: use(), logger });
  const mentions = (list: { message: TeamsOutgoing }[], text: string) =>
    list.filter((entry) => JSON.stringify(entry.message).includes(text));

  it("posts the card on the request for a person, refreshes it on the take-over and relays a held citizen's message, without waiting for the loop", async () => {
    const recorded = recordingTeams();
    sync = startTeamsSync({
      intervalMs: LONG_INTERVAL_MS,
      logger,
      ctx: () => ({ database: use(), teams: recorded.teams, logger }),
    });
    const a = app();
    const created = (await (
      await a.request("/v1/conversations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    const citizen = { authorization: `Bearer ${created.token}`, "content-type": "application/json" };
    const say = (text: string) =>
      a.request(`/v1/conversations/${created.id}/messages`, {
        method: "POST",
        headers: citizen,
        body: JSON.stringify({ text, clientMessageId: crypto.randomUUID() }),
      });
    await say("The pavement outside number 9 Cedar Street is broken.");

    let started = Date.now();
    const asked = await a.request(`/v1/conversations/${created.id}/handoff`, {
      method: "POST",
      headers: citizen,
    });
    expect(asked.ok).toBe(true);
    await expect.poll(() => mentions(recorded.sent, created.id).length, { timeout: 2_000 }).toBe(1);
    const postedMs = Date.now() - started;
    expect(postedMs).toBeLessThan(2_000);

    started = Date.now();
    const taken = await a.request(`/v1/staff/conversations/${created.id}/take-over`, {
      method: "POST",
      headers: AGENT,
    });
    expect(taken.status).toBe(200);
    // The card posted for this conversation (the recorder numbers activities in order) is updated in place.
    const activityId = `act-${recorded.sent.indexOf(mentions(recorded.sent, created.id)[0]!) + 1}`;
    await expect
      .poll(() => recorded.updated.filter((u) => u.activityId === activityId).length, { timeout: 2_000 })
      .toBe(1);
    expect(JSON.stringify(recorded.updated.at(-1)!.message)).toContain("Taken over");

    await say("It is next to the bus stop.");
    await expect
      .poll(
        () =>
          recorded.sent.filter((s) => s.threadRootId && mentions([s], "next to the bus stop").length).length,
        {
          timeout: 2_000,
        },
      )
      .toBe(1);
    expect(Date.now() - started).toBeLessThan(4_000);
  }, 20_000);

  it("stops listening when stopped: a later request for a person waits for another process or the loop", async () => {
    const recorded = recordingTeams();
    sync = startTeamsSync({
      intervalMs: LONG_INTERVAL_MS,
      logger,
      ctx: () => ({ database: use(), teams: recorded.teams, logger }),
    });
    await sync.stop();
    sync = undefined;
    const a = app();
    const created = (await (
      await a.request("/v1/conversations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ channel: "web", lang: "en" }),
      })
    ).json()) as { id: string; token: string };
    await a.request(`/v1/conversations/${created.id}/handoff`, {
      method: "POST",
      headers: { authorization: `Bearer ${created.token}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorded.sent).toEqual([]);
  });
});
