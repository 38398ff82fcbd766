import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Service, type ServiceOverrides, startService } from "../src/bootstrap";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { createTestDatabase, type DatabaseKind } from "./db";

export interface TestService extends Service {
  /** http://127.0.0.1:<port> */
  url: string;
}

/**
 * The whole service as `npm start` runs it (sample knowledge base, catalogue, in-process jobs, the
 * offline answerer) on a fresh test database and a free port.
 */
export async function startTestService(
  options: { kind?: DatabaseKind; env?: Record<string, string>; overrides?: ServiceOverrides } = {},
): Promise<TestService> {
  const database = await createTestDatabase(options.kind ?? "pglite");
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    STAFF_TOKENS: "test-agent-token:ada:agent,test-admin-token:grace:admin+agent",
    OPEN311_API_KEYS: "test-open311-key",
    // Tests run at any hour: a request for a person is queued whatever the office calendar says.
    HANDOFF_BUSINESS_HOURS: "false",
    ...options.env,
  });
  const logger = createLogger({ level: "warn", redact: (text) => text, write: () => {} });
  const service = await startService(config, { ...options.overrides, database, logger });
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ...service,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      await database.close();
    },
  };
}
