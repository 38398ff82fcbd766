import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP forwarder a test can cut: `stop()` destroys every open connection and refuses new ones on the
 * same port until `start()`, the way a database server looks from the client when it goes away.
 */
export interface TcpProxy {
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let listenPort = 0;
  const start = async () => {
    if (server) return;
    const listening = createServer((client) => {
      const upstream = connect(port, host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => listening.listen(listenPort, "127.0.0.1", resolve));
    listenPort = (listening.address() as { port: number }).port;
    server = listening;
  };
  await start();
  return {
    port: listenPort,
    start,
    async stop() {
      for (const socket of sockets) socket.destroy();
      const closing = server;
      server = undefined;
      await new Promise((resolve) => (closing ? closing.close(resolve) : resolve(undefined)));
    },
  };
}
