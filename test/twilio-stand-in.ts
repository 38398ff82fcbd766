import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for Twilio's REST API (the Messages resource), started by tests on port 0. It records
 * every request the real `twilio` client makes and answers what the test scripts: the message
 * resource, a Twilio error (21610, 5xx), or nothing at all (a timeout). Listing messages
 * (`GET …/Messages.json?To=…`) returns the ones it created, newest first, as Twilio does.
 */
export type TwilioReply =
  | { kind: "message"; status?: string }
  | { kind: "error"; status: number; code?: number; message?: string }
  | { kind: "hang" };

export interface TwilioRequest {
  method: string;
  path: string;
  /** Basic auth user (the account SID). */
  user: string;
  form: Record<string, string>;
}

export interface TwilioStandIn {
  baseUrl: string;
  requests: TwilioRequest[];
  /** Messages create calls only, in order. */
  sent(): TwilioRequest[];
  /** Resolves once `count` messages have been posted (or rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<TwilioRequest[]>;
  close(): Promise<void>;
}

export async function startTwilioStandIn(
  reply: (request: TwilioRequest, index: number) => TwilioReply = () => ({ kind: "message" }),
): Promise<TwilioStandIn> {
  const requests: TwilioRequest[] = [];
  const created: Record<string, unknown>[] = [];
  const open = new Set<ServerResponse>();
  let counter = 0;
  const server = createServer(async (req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const body = await readBody(req);
    const auth = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
    const request: TwilioRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      user: auth.split(":")[0] ?? "",
      form: Object.fromEntries(new URLSearchParams(body)),
    };
    requests.push(request);
    if (request.method === "GET" && /\/Messages\.json(\?|$)/.test(request.path)) {
      const filter = new URL(request.path, "http://stand-in").searchParams;
      const to = filter.get("To");
      const from = filter.get("From");
      const messages = created
        .filter((m) => (!to || m.to === to) && (!from || m.from === from))
        .reverse()
        .slice(0, Number(filter.get("PageSize") ?? 50));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ messages, next_page_uri: null, page: 0, page_size: messages.length }));
      return;
    }
    const answer = reply(request, requests.length - 1);
    if (answer.kind === "hang") return;
    if (answer.kind === "error") {
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          code: answer.code ?? 20500,
          message: answer.message ?? "stand-in error",
          more_info: `https://www.twilio.com/docs/errors/${answer.code ?? 20500}`,
          status: answer.status,
        }),
      );
      return;
    }
    counter += 1;
    const sid = `SM${String(counter).padStart(32, "0")}`;
    const message = {
      sid,
      account_sid: request.user,
      to: request.form.To,
      from: request.form.From ?? null,
      messaging_service_sid: request.form.MessagingServiceSid ?? null,
      body: request.form.Body,
      status: answer.status ?? "queued",
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${request.user}/Messages/${sid}.json`,
    };
    created.push(message);
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify(message));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sent = () => requests.filter((r) => r.method === "POST" && /\/Messages\.json$/.test(r.path));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    sent,
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sent().length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} messages at the Twilio stand-in, got ${sent().length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return sent();
    },
    async close() {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
