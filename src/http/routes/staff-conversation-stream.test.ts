import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { openWaitingConversation } from "../../../test/handoff";
import { sseReader } from "../../../test/sse";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { auditLog, conversations } from "../../db/schema";
import { createLogger } from "../../logger";
import { registerStaffUsers } from "../../services/cases/register-staff-users";
import { parseStaffTokens } from "../staff-auth";

const AGENT = { authorization: "Bearer agent-token-0123456789" };
const EDITOR = { authorization: "Bearer editor-token-0123456789" };
const config = loadConfig({
  STAFF_TOKENS: "agent-token-0123456789:u-ada:agent,editor-token-0123456789:u-eve:editor",
});

interface View {
  id: string;
  state: string;
  assignedStaffId: string | null;
  transcript: { role: string; text: string }[];
  events: { kind: string; text: string | null }[];
}

forEachDatabase("live staff conversation view (server-sent events)", (use) => {
  beforeAll(async () => {
    await registerStaffUsers(use(), parseStaffTokens(config.STAFF_TOKENS));
  });
  // Two apps on one database stand for two processes behind a load balancer.
  const app = () =>
    buildApp({ config, database: use(), logger: createLogger({ level: "silent", redact: (t) => t }) });

  const openWaiting = openWaitingConversation;

  /** The next `conversation` events until one satisfies `ok`; fails after the deadline. */
  const until = async (events: ReturnType<typeof sseReader>, ok: (v: View) => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const next = await events.next(Math.max(1, deadline - Date.now()));
      expect(next.event).toBe("conversation");
      const view = JSON.parse(next.data) as View;
      if (ok(view)) return view;
    }
  };

  it("sends the view, then a citizen message, an owner change and a note made through another process, audited once", async () => {
    const watcher = app();
    const other = app();
    const { id, say } = await openWaiting(other, "My bin was not emptied on Elm Street.");
    const res = await watcher.request(`/v1/staff/conversations/${id}/stream`, { headers: AGENT });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseReader(res);
    try {
      const first = await until(events, () => true);
      expect(first).toMatchObject({ id, state: "waiting" });
      expect(first.transcript.map((m) => m.text)).toContain("My bin was not emptied on Elm Street.");

      // The citizen writes through the other process: the open view gets it within the poll interval (1 s).
      const sent = Date.now();
      await say("It is the green bin, number 14.");
      const withMessage = await until(events, (v) =>
        v.transcript.some((m) => m.role === "citizen" && m.text === "It is the green bin, number 14."),
      );
      expect(withMessage.id).toBe(id);
      expect(Date.now() - sent).toBeLessThan(3_000);

      const takeOver = await other.request(`/v1/staff/conversations/${id}/take-over`, {
        method: "POST",
        headers: AGENT,
      });
      expect(takeOver.status).toBe(200);
      const held = await until(events, (v) => v.state === "human");
      expect(held.assignedStaffId).toBe("u-ada");

      await other.request(`/v1/staff/conversations/${id}/notes`, {
        method: "POST",
        headers: { ...AGENT, "content-type": "application/json" },
        body: JSON.stringify({ text: "Check the round for Elm Street." }),
      });
      await until(events, (v) => v.events.some((e) => e.kind === "note"));
    } finally {
      await events.cancel();
    }
    // Opening the stream is the one audited read; the updates behind it are that read kept current.
    const reads = await use()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "conversation.read"), eq(auditLog.subjectId, id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actorId).toBe("u-ada");
  }, 30_000);

  it("says `gone` and ends when the conversation is erased while watched", async () => {
    const a = app();
    const { id } = await openWaiting(a, "Please delete my data.");
    const res = await a.request(`/v1/staff/conversations/${id}/stream`, { headers: AGENT });
    const events = sseReader(res);
    expect((await events.next()).event).toBe("conversation");
    await use().db.delete(conversations).where(eq(conversations.id, id));
    const gone = await events.next(5_000);
    expect(gone).toEqual({ event: "gone", data: JSON.stringify({ id }) });
    await expect(events.next(2_000)).rejects.toThrow("stream ended");
  }, 20_000);

  it("refuses like the conversation read: 401 without credentials, 403 for an editor, 404 for no such one", async () => {
    const a = app();
    const { id } = await openWaiting(a, "Hello");
    const anonymous = await a.request(`/v1/staff/conversations/${id}/stream`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    expect((await a.request(`/v1/staff/conversations/${id}/stream`, { headers: EDITOR })).status).toBe(403);
    const unknown = await a.request("/v1/staff/conversations/00000000-0000-4000-8000-000000000000/stream", {
      headers: AGENT,
    });
    expect(unknown.status).toBe(404);
    expect((await a.request("/v1/staff/conversations/not-an-id/stream", { headers: AGENT })).status).toBe(
      404,
    );
  });
});
