import { serve } from "@hono/node-server";
import { startService } from "./bootstrap";
import { ConfigError, loadConfig } from "./config";

async function main() {
  const config = loadConfig(process.env);
  const service = await startService(config);
  const { logger } = service;
  const server = serve({ fetch: service.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(`CivicDesk listening on http://localhost:${info.port}`, { database: service.database.kind });
  });

  const shutdown = async (signal: string) => {
    logger.info(`received ${signal}, shutting down`);
    server.close();
    await service.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
  } else {
    process.stderr.write(
      `civicdesk failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
