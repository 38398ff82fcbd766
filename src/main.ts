import { serve } from "@hono/node-server";
import { startService } from "./bootstrap";
import { ConfigError, loadConfig } from "./config";
import { trackRequests } from "./drain-server";

async function main() {
  const config = loadConfig(process.env);
  const service = await startService(config);
  const { logger } = service;
  const server = serve({ fetch: service.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(`CivicDesk listening on http://localhost:${info.port}`, { database: service.database.kind });
  });
  const requests = trackRequests(server);

  // Order matters: no new connections, then the turns in flight finish (they still need the queue and
  // the database), then the SLA timers, queue and database close. A second signal kills at once.
  const shutdown = async (signal: string) => {
    logger.info(`received ${signal}, shutting down`, {
      inFlight: requests.inFlight(),
      graceMs: config.SHUTDOWN_GRACE_MS,
    });
    let exitCode = 0;
    service.beginShutdown();
    const { abandoned } = await requests.drain(config.SHUTDOWN_GRACE_MS);
    if (abandoned > 0) {
      logger.warn("requests still running at the shutdown deadline were cut", { abandoned });
      exitCode = 1;
    }
    try {
      await service.close();
    } catch (error) {
      logger.error("closing the service failed", { error: error instanceof Error ? error.name : "unknown" });
      exitCode = 1;
    }
    logger.info("shut down", { exitCode });
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(130));
      void shutdown(signal);
    });
  }
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
