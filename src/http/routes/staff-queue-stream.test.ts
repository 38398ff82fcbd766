import { beforeAll, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { openWaitingConversation } from "../../../test/handoff";
import { sseReader } from "../../../test/sse";
import { createLocalEmbedder } from "../../adapters/embedder-local";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { createLogger } from "../../logger";
import { registerStaffUsers } from "../../services/cases/register-staff-users";
import type { KnowledgeContext } from "../../services/knowledge/context";
import { FIXTURE_ARTICLES } from "../../services/knowledge/knowledge.fixture";
import { upsertArticles } from "../../services/knowledge/upsert-articles";
import { parseStaffTokens } from "../staff-auth";

const AGENT = { authorization: "Bearer agent-token-0123456789" };
const config = loadConfig({
  STAFF_TOKENS: "agent-token-0123456789:u-ada:agent,sup-token-0123456789:u-sue:supervisor",
});

forEachDatabase("live handoff queue (server-sent events) and suggested replies", (use) => {
  let knowledge: KnowledgeContext;
  beforeAll(async () => {
    knowledge = { database: use(), embedder: createLocalEmbedder({ database: use() }) };
    await upsertArticles({ ctx: knowledge, articles: FIXTURE_ARTICLES, origin: "file" });
    await registerStaffUsers(use(), parseStaffTokens(config.STAFF_TOKENS));
  });
  // Two apps on one database stand for two processes behind a load balancer.
  const app = () =>
    buildApp({
      config,
      database: use(),
      knowledge,
      logger: createLogger({ level: "silent", redact: (t) => t }),
    });

  const openConversation = openWaitingConversation;

  it("streams the queue, and a request for a person made through another process shows up", async () => {
    const watcher = app();
    const other = app();
    const res = await watcher.request("/v1/staff/queue/stream", { headers: AGENT });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = sseReader(res);
    try {
      const first = await events.next();
      expect(first.event).toBe("queue");
      const before = JSON.parse(first.data).conversations as { id: string }[];
      const created = await openConversation(other, "Where do I put glass bottles?");
      expect(before.map((c) => c.id)).not.toContain(created.id);
      const next = await events.next(8_000);
      expect(next.event).toBe("queue");
      const entry = (
        JSON.parse(next.data).conversations as {
          id: string;
          lang: string;
          channel: string;
          reason: string;
          handoffRequestedAt: string;
          department: string | null;
        }[]
      ).find((c) => c.id === created.id);
      expect(entry).toMatchObject({
        lang: "en",
        channel: "web",
        reason: "citizen_request",
        department: null,
      });
      expect(entry!.handoffRequestedAt).toMatch(/^\d{4}-/);
    } finally {
      await events.cancel();
    }
  }, 20_000);

  it("ends open streams at once when the process begins to shut down", async () => {
    const closing = new AbortController();
    const a = buildApp({
      config,
      database: use(),
      knowledge,
      logger: createLogger({ level: "silent", redact: (t) => t }),
      shutdownSignal: closing.signal,
    });
    const res = await a.request("/v1/staff/queue/stream", { headers: AGENT });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain("event: queue");
    const started = Date.now();
    closing.abort();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {}
    // Well before the next read of the queue (every 2 s), so draining requests is not held up.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("refuses the stream without credentials (problem+json) and with a bad filter (400)", async () => {
    const res = await app().request("/v1/staff/queue/stream");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const bad = await app().request("/v1/staff/queue/stream?limit=0", { headers: AGENT });
    expect(bad.status).toBe(400);
  });

  it("suggests replies from the knowledge base, with links, for the citizen's latest question", async () => {
    const a = app();
    const created = await openConversation(a, "When are glass bottles collected?");
    const res = await a.request(`/v1/staff/conversations/${created.id}/suggestions`, { headers: AGENT });
    expect(res.status).toBe(200);
    const { suggestions } = (await res.json()) as {
      suggestions: { articleId: string; url: string | null; text: string; title: string }[];
    };
    expect(suggestions[0]).toMatchObject({ articleId: "bin-collection" });
    expect(suggestions[0]!.url).toMatch(/^https:\/\/city\.example\/bins#/);
    expect(suggestions[0]!.text).toMatch(/Glass/i);
    expect(suggestions[0]!.text.endsWith(suggestions[0]!.url!)).toBe(true);

    const unknown = await a.request(
      "/v1/staff/conversations/00000000-0000-4000-8000-000000000000/suggestions",
      { headers: AGENT },
    );
    expect(unknown.status).toBe(404);
  });

  it("lets a supervisor reassign a waiting conversation and answers an agent 403 problem+json", async () => {
    const a = app();
    const created = await openConversation(a);
    const body = JSON.stringify({ staffId: "u-ada" });
    const refused = await a.request(`/v1/staff/conversations/${created.id}/assign`, {
      method: "POST",
      headers: { ...AGENT, "content-type": "application/json" },
      body,
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const done = await a.request(`/v1/staff/conversations/${created.id}/assign`, {
      method: "POST",
      headers: { authorization: "Bearer sup-token-0123456789", "content-type": "application/json" },
      body,
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ state: "waiting", assignedStaffId: "u-ada" });

    // The console offers the reassignment form to the supervisor only.
    const supervisorPage = await (
      await a.request(`/staff/conversations/${created.id}`, {
        headers: { authorization: "Bearer sup-token-0123456789" },
      })
    ).text();
    expect(supervisorPage).toContain('id="assign-form"');
    expect(supervisorPage).toMatch(
      /<option value="u-ada" selected>u-ada \(not available, 1 of 3\)<\/option>/,
    );
    const agentPage = await (
      await a.request(`/staff/conversations/${created.id}`, { headers: AGENT })
    ).text();
    expect(agentPage).toContain("Transcript");
    expect(agentPage).not.toContain('id="assign-form"');
  });
});
