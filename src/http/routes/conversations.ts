import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { DomainError } from "../../domain/errors";
import type { AssistantDeps } from "../../services/assistant/assistant-deps";
import { respondToCitizenMessage } from "../../services/assistant/respond-to-citizen-message";
import type { ConversationActor } from "../../services/conversations/context";
import { createConversation } from "../../services/conversations/create-conversation";
import { getConversation } from "../../services/conversations/get-conversation";
import {
  enforceRateLimit,
  type RateLimitRule,
  refuseUnlessAllowed,
} from "../../services/conversations/rate-limiter";
import { recordFeedback } from "../../services/conversations/record-feedback";
import { requestHandoff } from "../../services/conversations/request-handoff";
import { limitBody, readJsonBody } from "../body";
import type { AppEnv } from "../context";
import { problemFor } from "../problem";

/** A chat message is at most a few thousand characters. */
const MAX_CHAT_BODY_BYTES = 32 * 1024;

export interface ConversationRouteDeps {
  assistant: AssistantDeps;
  /** Per client IP, on top of the per-contact limit the assistant applies. */
  ipRateLimits: { conversations: RateLimitRule; messages: RateLimitRule; cases?: RateLimitRule };
  /** The client's address; by default the socket's (Node) or Cloudflare's header (Workers). */
  resolveClientIp?: (c: Context<AppEnv>) => string;
}

/**
 * The web chat API (DESIGN.md section 5). The conversation token travels as
 * `Authorization: Bearer <token>`. Beyond the contract: `POST …/messages/{messageId}/feedback`
 * `{value: "up"|"down"}` and `POST …/handoff` for the widget's buttons.
 * SSE: `token` events carry `{text}`; `done` carries `{message}` whose text is authoritative
 * (replace what was streamed with it); `error` carries a problem object.
 */
export function conversationRoutes(deps: ConversationRouteDeps) {
  const app = new Hono<AppEnv>();
  const { assistant } = deps;
  const clientIp = deps.resolveClientIp ?? defaultClientIp;
  const limitIp = (c: Context<AppEnv>, scope: string, rule: RateLimitRule) =>
    enforceRateLimit(assistant.rateLimiter, `ip:${scope}:${clientIp(c)}`, rule, new Date());

  app.use("/v1/conversations", limitBody(MAX_CHAT_BODY_BYTES));
  app.use("/v1/conversations/*", limitBody(MAX_CHAT_BODY_BYTES));

  app.post("/v1/conversations", async (c) => {
    await limitIp(c, "conversations", deps.ipRateLimits.conversations);
    const created = await createConversation({
      ctx: { database: assistant.database, languages: assistant.languages },
      input: await readJsonBody(c),
    });
    return c.json({ id: created.id, token: created.token, lang: created.lang }, 201);
  });

  app.get("/v1/conversations/:id", async (c) => {
    const view = await getConversation({
      ctx: { database: assistant.database, actor: bearerActor(c) },
      conversationId: c.req.param("id"),
    });
    return c.json(view);
  });

  app.post("/v1/conversations/:id/messages", async (c) => {
    const casesRule = deps.ipRateLimits.cases;
    const casesKey = `ip:cases:${clientIp(c)}`;
    // The address's message count and (peeked, not spent) its case count, read in one round trip:
    // an address that opened its quota of cases is refused before its next turn could open another.
    const checksCases = casesRule !== undefined && casesRule.limit > 0;
    const [messagesOutcome, casesOutcome] = await assistant.rateLimiter.hitAll(
      [
        { key: `ip:messages:${clientIp(c)}`, rule: deps.ipRateLimits.messages },
        ...(checksCases ? [{ key: casesKey, rule: casesRule, weight: 0 }] : []),
      ],
      new Date(),
    );
    refuseUnlessAllowed(messagesOutcome!, "Too many messages; please wait a moment.");
    if (casesOutcome)
      refuseUnlessAllowed(
        casesOutcome,
        "Too many reports from this address; please wait before sending more.",
      );
    const countCase = async <R extends { message: { status?: string | null } }>(reply: R): Promise<R> => {
      if (casesRule && casesRule.limit > 0 && reply.message.status === "case_opened") {
        await assistant.rateLimiter.hit(casesKey, casesRule, new Date());
      }
      return reply;
    };
    const call = {
      ctx: { deps: assistant, actor: bearerActor(c) },
      conversationId: c.req.param("id"),
      input: await readJsonBody(c),
    };
    if (!wantsEventStream(c))
      return c.json(
        await respondToCitizenMessage(call)
          .then(countCase)
          .then(({ message }) => ({ message })),
      );
    return streamReply(c, (onToken) => respondToCitizenMessage(call, { onToken }).then(countCase));
  });

  app.post("/v1/conversations/:id/messages/:messageId/feedback", async (c) => {
    const body = await readJsonBody(c);
    const message = await recordFeedback({
      ctx: { database: assistant.database, actor: bearerActor(c) },
      conversationId: c.req.param("id"),
      input: { ...(isObject(body) ? body : {}), messageId: c.req.param("messageId") },
    });
    return c.json({ message });
  });

  app.post("/v1/conversations/:id/handoff", async (c) => {
    const result = await requestHandoff({
      ctx: {
        database: assistant.database,
        actor: bearerActor(c),
        translate: assistant.translate,
        handoff: assistant.handoff,
      },
      conversationId: c.req.param("id"),
      input: (await readJsonBody(c, { optional: true })) ?? {},
    });
    return c.json(result);
  });

  return app;
}

/**
 * Opens the event stream only once the first token exists, so a refusal before the turn starts
 * (bad token, rate limit, invalid input) is still an ordinary problem+json response with its status.
 */
async function streamReply(
  c: Context<AppEnv>,
  run: (onToken: (token: string) => void) => Promise<{ message: { text: string } }>,
): Promise<Response> {
  const early: string[] = [];
  let streamed = "";
  let sink: ((token: string) => void) | undefined;
  let firstToken: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    firstToken = resolve;
  });
  const work = run((token) => {
    streamed += token;
    if (sink) return sink(token);
    early.push(token);
    firstToken();
  });
  await Promise.race([work, started]);

  return streamSSE(c, async (stream) => {
    let writes = Promise.resolve();
    const send = (event: string, data: unknown) => {
      writes = writes.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
      return writes;
    };
    for (const token of early) void send("token", { text: token });
    sink = (token) => void send("token", { text: token });
    try {
      const { message } = await work;
      // Fixed replies (emergency, refusals…) are not generated: whatever was not streamed comes as one token.
      if (message.text.startsWith(streamed) && message.text.length > streamed.length) {
        void send("token", { text: message.text.slice(streamed.length) });
      }
      await send("done", { message });
    } catch {
      const requestId = c.get("requestId") ?? "unknown";
      await send("error", problemFor("internal", "Something went wrong on our side.", requestId));
    }
  });
}

function wantsEventStream(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes("text/event-stream");
}

function bearerActor(c: Context): ConversationActor {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw new DomainError("unauthorized", "Send the conversation token as `Authorization: Bearer <token>`.");
  return { kind: "conversation_token", token: match[1]! };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function defaultClientIp(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? c.req.header("cf-connecting-ip") ?? "unknown";
}
