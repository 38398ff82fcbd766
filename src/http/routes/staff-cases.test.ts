import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { createLogger } from "../../logger";
import { openCase } from "../../services/cases/open-case";
import {
  createCitizen,
  createStaff,
  recordingNotifier,
  seedCatalogue,
} from "../../services/cases/test-fixtures";

const AGENT = "agent-token-0123456789";
const ADMIN = "admin-token-0123456789";
const EDITOR = "editor-token-0123456789";

forEachDatabase("staff and citizen case routes", (use) => {
  let app: ReturnType<typeof buildApp>;
  let reference: string;
  let citizen: Awaited<ReturnType<typeof createCitizen>>;
  const notifier = recordingNotifier();

  beforeAll(async () => {
    await seedCatalogue(use());
    await createStaff(use(), ["agent"], "u-agent");
    await createStaff(use(), ["admin"], "u-admin");
    app = buildApp({
      config: loadConfig({
        STAFF_TOKENS: `${AGENT}:u-agent:agent,${ADMIN}:u-admin:admin+agent,${EDITOR}:u-editor:editor`,
      }),
      database: use(),
      logger: createLogger({ level: "silent", redact: (t) => t }),
      notifier,
    });
    citizen = await createCitizen(use());
    const opened = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "pothole",
        description: "Deep hole",
        location: { lat: 51.5, long: -0.12 },
        attributes: { surface: "road" },
        conversationId: citizen.conversationId,
        channel: "web",
        lang: "en",
      },
    });
    reference = opened.case.reference;
  });

  const call = (path: string, token?: string, init: { method?: string; body?: unknown; raw?: string } = {}) =>
    app.request(path, {
      method: init.method ?? "GET",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined || init.raw ? { "content-type": "application/json" } : {}),
      },
      ...(init.raw ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });

  describe("authentication and roles", () => {
    it("answers 401 problem+json without or with a wrong token", async () => {
      for (const token of [undefined, "not-a-real-token-at-all"]) {
        const response = await call("/v1/staff/cases", token);
        expect(response.status).toBe(401);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
        expect(await response.json()).toMatchObject({ status: 401, title: "Authentication required" });
      }
    });

    it("answers 403 to an editor, and to an agent on the admin-only audit trail", async () => {
      expect((await call("/v1/staff/cases", EDITOR)).status).toBe(403);
      expect(
        (
          await call(`/v1/staff/cases/${reference}/status`, EDITOR, {
            method: "POST",
            body: { status: "open" },
          })
        ).status,
      ).toBe(403);
      const audit = await call(`/v1/staff/cases/${reference}/audit`, AGENT);
      expect(audit.status).toBe(403);
      expect(await audit.json()).toMatchObject({ type: "https://civicdesk.dev/problems/forbidden" });
      expect((await call(`/v1/staff/cases/${reference}/audit`, ADMIN)).status).toBe(200);
    });
  });

  it("lets an agent read, list and change a case; each is audited and the citizen is notified", async () => {
    const read = await call(`/v1/staff/cases/${reference}`, AGENT);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      case: { reference, status: "new" },
      history: [{ type: "case.opened" }],
    });
    const list = await call("/v1/staff/cases?status=new,open&serviceCode=pothole", AGENT);
    expect((await list.json()).cases.map((c: { reference: string }) => c.reference)).toContain(reference);
    // Nothing has breached yet; an unknown SLA filter is the caller's error, as problem+json.
    const overdue = await call("/v1/staff/cases?sla=breached", AGENT);
    expect((await overdue.json()).cases).toEqual([]);
    const bad = await call("/v1/staff/cases?sla=soon", AGENT);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");

    const changed = await call(`/v1/staff/cases/${reference}/status`, AGENT, {
      method: "POST",
      body: { status: "resolved", note: "Filled in" },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ status: "resolved" });
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        contactId: citizen.contactId,
        conversationId: citizen.conversationId,
        channel: "web",
        event: "case.status_change",
        text: expect.stringContaining("resolved"),
      }),
    ]);

    const audit = await call(`/v1/staff/cases/${reference}/audit`, ADMIN);
    const entries: { action: string; actorId: string; requestId: string | null }[] = (await audit.json())
      .entries;
    const byAgent = entries.filter((e) => e.actorId === "u-agent");
    expect(byAgent.map((e) => e.action)).toEqual(["case.read", "case.status_change"]);
    expect(byAgent.every((e) => e.requestId)).toBe(true);
  });

  it("turns bad input into problem+json with the failing fields", async () => {
    const badStatus = await call(`/v1/staff/cases/${reference}/status`, AGENT, {
      method: "POST",
      body: { status: "done" },
    });
    expect(badStatus.status).toBe(400);
    const problem = await badStatus.json();
    expect(problem).toMatchObject({ status: 400, type: "https://civicdesk.dev/problems/invalid-input" });
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(["status"]);

    const notJson = await call(`/v1/staff/cases/${reference}/notes`, AGENT, { method: "POST", raw: "{oops" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ detail: "The request body is not valid JSON." });

    const missing = await call("/v1/staff/cases/CD-1999-000001", AGENT);
    expect(missing.status).toBe(404);

    const incomplete = await call("/v1/staff/cases", AGENT, {
      method: "POST",
      body: { serviceCode: "street-light", description: "Out", lang: "en" },
    });
    expect(incomplete.status).toBe(400);
    expect((await incomplete.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "attributes.light_state",
      "location",
    ]);
  });

  it("opens a case for a caller on the phone", async () => {
    const response = await call("/v1/staff/cases", ADMIN, {
      method: "POST",
      body: {
        serviceCode: "graffiti",
        description: "Tag on the library wall",
        location: { address: "1 Library Square" },
        attributes: { property: "public", offensive: "no" },
        lang: "en",
      },
    });
    const body = await response.json();
    expect({ status: response.status, body }).toMatchObject({
      status: 201,
      body: { outcome: "opened", case: { channel: "staff" } },
    });
  });

  describe("GET /v1/cases/{reference}", () => {
    it("shows the case to its citizen by conversation token, and nobody else", async () => {
      const own = await call(`/v1/cases/${reference.toLowerCase()}`, citizen.token);
      expect(own.status).toBe(200);
      const body = await own.json();
      expect(body).toMatchObject({ reference, service: { code: "pothole" }, status: "resolved" });
      expect(body).not.toHaveProperty("assigneeId");
      expect(body).not.toHaveProperty("contactId");

      const stranger = await createCitizen(use());
      expect((await call(`/v1/cases/${reference}`, stranger.token)).status).toBe(404);
      expect((await call(`/v1/cases/${reference}`)).status).toBe(401);
    });
  });
});
