import type { Server } from "node:http";
import type { Http2SecureServer, Http2Server } from "node:http2";

export interface DrainOutcome {
  /** Requests still unfinished at the deadline, whose connections were cut. */
  abandoned: number;
}

/**
 * Counts the requests a Node HTTP server is answering, so shutdown can wait for them. Call once, right
 * after the server is created.
 */
export function trackRequests(server: Server | Http2Server | Http2SecureServer) {
  let inFlight = 0;
  server.on("request", (_request: unknown, response: NodeJS.EventEmitter) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
    });
  });

  /**
   * Stops accepting connections, lets the requests in flight finish (idle keep-alive connections are
   * closed at once and after each answer), and cuts whatever is left when `graceMs` runs out.
   */
  async function drain(graceMs: number): Promise<DrainOutcome> {
    const http = server as Server;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) {
      http.closeIdleConnections?.();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const abandoned = inFlight;
    // Every answer has been handed to the OS by now, or the deadline passed: cut what is left.
    http.closeAllConnections?.();
    await closed;
    return { abandoned };
  }

  return { inFlight: () => inFlight, drain };
}
