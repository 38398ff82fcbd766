import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postSignedSms, smsFields, smsTestEnv } from "../../channels/sms/sms.fixture";
import { createOfflineChatModel } from "../../src/adapters/chat-model-offline";
import { type Service, startService } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { messages } from "../../src/db/schema";
import { createLogger } from "../../src/logger";
import type { AnswerRequest, ChatModel } from "../../src/ports/chat-model";
import { createTestDatabase, type TestDatabase } from "../db";
import { startTwilioStandIn, type TwilioStandIn } from "../twilio-stand-in";

/*
 * Two texts from one number that arrive together: their turns run one after the other, in the order
 * they arrived, never side by side. The chat model here is the offline one
 * slowed down, counting how many answers it writes at once.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SMS turns of one conversation", () => {
  let database: TestDatabase;
  let standIn: TwilioStandIn;
  let service: Service;
  let url = "";
  let closeServer: () => Promise<void>;
  let active = 0;
  let mostAtOnce = 0;
  const seen: AnswerRequest[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
    standIn = await startTwilioStandIn();
    const offline = createOfflineChatModel();
    const slow: ChatModel = {
      name: "offline-slowed",
      condenseQuestion: (request, options) => offline.condenseQuestion(request, options),
      async answerQuestion(request, options) {
        active += 1;
        mostAtOnce = Math.max(mostAtOnce, active);
        seen.push(request);
        try {
          await sleep(400);
          return await offline.answerQuestion(request, options);
        } finally {
          active -= 1;
        }
      },
    };
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", ...smsTestEnv(standIn.baseUrl) });
    const logger = createLogger({ level: "warn", redact: (text) => text, write: () => {} });
    service = await startService(config, { database, logger, chatModel: slow });
    const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }, 60_000);
  afterAll(async () => {
    await closeServer?.();
    await service?.close();
    await standIn?.close();
    await database?.close();
  });

  it("answers two texts sent together one at a time, in the order they arrived", async () => {
    const from = "+40722333444";
    const first = smsFields(from, "When is my bin collected?");
    const second = smsFields(from, "How do I recycle glass bottles?");
    const [a, b] = await Promise.all([
      postSignedSms(url, "/channels/sms/twilio", first),
      postSignedSms(url, "/channels/sms/twilio", second),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (let i = 0; i < 200 && standIn.sent().filter((m) => m.form.To === from).length < 2; i++)
      await sleep(50);
    const replies = standIn.sent().filter((m) => m.form.To === from);
    expect(replies).toHaveLength(2);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
    // In the order they arrived (two requests sent together may reach the service either way round,
    // so the stored order says which came first): that text's answer is written, and sent, first.
    const stored = await database.db
      .select({ text: messages.text })
      .from(messages)
      .where(eq(messages.role, "citizen"))
      .orderBy(asc(messages.sequence));
    const binFirst = /bin/i.test(stored[0]!.text);
    expect(seen[0]!.question).toMatch(binFirst ? /bin/i : /glass/i);
    expect(replies[0]!.form.Body).toMatch(binFirst ? /collect|bin/i : /glass/i);
  }, 60_000);
});
