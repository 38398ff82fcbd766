import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { EnqueueDelivery } from "../../services/deliveries/context";
import { addConversationNote } from "../../services/handoff/add-conversation-note";
import { assignConversation, setStaffAvailability } from "../../services/handoff/assign-conversation";
import { closeConversation } from "../../services/handoff/close-conversation";
import type { HandoffContext } from "../../services/handoff/context";
import { conversationChangeMark } from "../../services/handoff/conversation-change-mark";
import { getStaffConversation, readStaffConversation } from "../../services/handoff/get-staff-conversation";
import { handBackConversation } from "../../services/handoff/hand-back-conversation";
import {
  ListHandoffQueueInput,
  listHandoffQueue,
  readHandoffQueue,
} from "../../services/handoff/list-handoff-queue";
import { postStaffReply } from "../../services/handoff/post-staff-reply";
import { suggestReplies } from "../../services/handoff/suggest-replies";
import type { SummaryDeps } from "../../services/handoff/summarize-conversation";
import { takeNextConversation } from "../../services/handoff/take-next-conversation";
import { takeOverConversation } from "../../services/handoff/take-over-conversation";
import type { KnowledgeContext } from "../../services/knowledge/context";
import { limitBody, readJsonBody } from "../body";
import { allowRoles, type StaffEnv, type StaffTokenEntry, staffAuth } from "../staff-auth";

const MAX_BODY_BYTES = 16 * 1024;

export interface StaffConversationsDeps {
  database: Database;
  staffTokens: StaffTokenEntry[];
  /** Texts staff replies to SMS and voice citizens. */
  enqueueDelivery?: EnqueueDelivery | undefined;
  /** The knowledge base suggested replies are drawn from; without it there are none. */
  knowledge?: KnowledgeContext | undefined;
  /** How often the live queue stream reads the queue from the database (every process sees it). */
  queuePollMs?: number;
  /** How often an open conversation stream asks the database whether the conversation changed. */
  conversationPollMs?: number;
  /** Aborted when the process shuts down: open streams end (the browser reconnects to another process). */
  shutdownSignal?: AbortSignal | undefined;
  /** Writes conversation summaries with the chat model; the extractive summary only without it. */
  summaries?: SummaryDeps | undefined;
}

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** The handoff queue and the conversations staff take over, under /v1/staff/conversations. */
export function staffConversationsRoutes(deps: StaffConversationsDeps) {
  const app = new Hono<StaffEnv>();
  const ctx = (c: Context<StaffEnv>): HandoffContext => ({
    database: deps.database,
    actor: c.var.staff,
    requestId: c.var.requestId,
    ...(deps.enqueueDelivery ? { enqueueDelivery: deps.enqueueDelivery } : {}),
    ...(deps.summaries ? { summaries: deps.summaries } : {}),
  });
  const handoffStaff = allowRoles("agent", "supervisor", "admin");
  app.use("/v1/staff/conversations", staffAuth(deps.staffTokens), limitBody(MAX_BODY_BYTES));
  app.use("/v1/staff/conversations/*", staffAuth(deps.staffTokens), limitBody(MAX_BODY_BYTES));

  app.get("/v1/staff/conversations", handoffStaff, async (c) =>
    c.json(await listHandoffQueue({ ctx: ctx(c), input: c.req.query() })),
  );
  // The live queue: server-sent events, read from the database, so a change made by any process shows.
  app.use("/v1/staff/queue/stream", staffAuth(deps.staffTokens));
  app.get("/v1/staff/queue/stream", handoffStaff, async (c) => {
    const filters = ListHandoffQueueInput.parse(c.req.query());
    // Opening the stream is the audited read; the re-reads behind it are the same view kept current.
    const first = await listHandoffQueue({ ctx: ctx(c), input: c.req.query() });
    const viewer = c.var.staff.userId;
    let list: typeof first.conversations | undefined = first.conversations;
    let sent = "";
    return liveEvents(c, deps.shutdownSignal, deps.queuePollMs ?? 2_000, async () => {
      list ??= await readHandoffQueue(deps.database.db, filters, viewer, new Date());
      // waitingSeconds changes every second; the page counts it itself, so it does not count as a change.
      const signature = JSON.stringify(list.map(({ waitingSeconds: _, ...entry }) => entry));
      const data = JSON.stringify({ conversations: list });
      list = undefined;
      if (signature === sent) return null;
      sent = signature;
      return { event: "queue", data };
    });
  });
  // One conversation live: the same roles, 404 and audit row as reading it; then a `conversation` event
  // with the whole view whenever its change mark moves (a message, an owner change, a note).
  app.get("/v1/staff/conversations/:id/stream", handoffStaff, async (c) => {
    const context = ctx(c);
    const db = deps.database.db;
    // The mark before the read, so a change made while the view is read is sent next, not missed.
    let mark = await conversationChangeMark(db, c.req.param("id"));
    const first = await getStaffConversation({ ctx: context, input: { conversationId: c.req.param("id") } });
    let view: typeof first | null = first;
    return liveEvents(c, deps.shutdownSignal, deps.conversationPollMs ?? 1_000, async () => {
      if (!view) {
        const now = await conversationChangeMark(db, first.id);
        if (now === mark) return null;
        mark = now;
        // Erased or deleted while watched: say so once and end the stream.
        view = now === null ? null : await readStaffConversation(db, first.id, context.summaries, new Date());
        if (!view) return { event: "gone", data: JSON.stringify({ id: first.id }), last: true };
      }
      const data = JSON.stringify(view);
      view = null;
      return { event: "conversation", data };
    });
  });
  app.get("/v1/staff/conversations/:id/suggestions", handoffStaff, async (c) =>
    c.json(
      await suggestReplies({
        ctx: ctx(c),
        knowledge: deps.knowledge,
        input: { ...c.req.query(), conversationId: c.req.param("id") },
      }),
    ),
  );
  app.post("/v1/staff/conversations/take-next", handoffStaff, async (c) =>
    c.json(await takeNextConversation({ ctx: ctx(c) })),
  );
  app.get("/v1/staff/conversations/:id", handoffStaff, async (c) =>
    c.json(await getStaffConversation({ ctx: ctx(c), input: { conversationId: c.req.param("id") } })),
  );

  const verbs = {
    "take-over": takeOverConversation,
    "hand-back": handBackConversation,
    close: closeConversation,
  } as const;
  for (const [path, verb] of Object.entries(verbs)) {
    app.post(`/v1/staff/conversations/:id/${path}`, handoffStaff, async (c) => {
      const body = await readOptionalObject(c);
      return c.json(await verb({ ctx: ctx(c), input: { ...body, conversationId: c.req.param("id") } }));
    });
  }
  // Reassigning is a supervisor's call; the verb refuses agents with 403 too.
  app.post("/v1/staff/conversations/:id/assign", allowRoles("supervisor", "admin"), async (c) => {
    const body = await readOptionalObject(c);
    const input = { ...body, conversationId: c.req.param("id") };
    return c.json(await assignConversation({ ctx: ctx(c), input }));
  });
  app.use("/v1/staff/me/availability", staffAuth(deps.staffTokens), limitBody(MAX_BODY_BYTES));
  app.post("/v1/staff/me/availability", handoffStaff, async (c) =>
    c.json(await setStaffAvailability({ ctx: ctx(c), input: await readOptionalObject(c) })),
  );
  app.post("/v1/staff/conversations/:id/messages", handoffStaff, async (c) => {
    const body = await readOptionalObject(c);
    const input = { ...body, conversationId: c.req.param("id") };
    return c.json(await postStaffReply({ ctx: ctx(c), input }), 201);
  });
  app.post("/v1/staff/conversations/:id/notes", handoffStaff, async (c) => {
    const body = await readOptionalObject(c);
    const input = { ...body, conversationId: c.req.param("id") };
    return c.json(await addConversationNote({ ctx: ctx(c), input }), 201);
  });
  return app;
}

/** A JSON object body; an empty body counts as `{}` for the verbs whose fields are all optional. */
async function readOptionalObject(c: Context): Promise<Record<string, unknown>> {
  const body = await readJsonBody(c, { optional: true });
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new DomainError("invalid_input", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

/**
 * Serves server-sent events from `next`, called at once and then every `pollMs`: an event to send, or
 * null when nothing changed (a comment goes out after a quiet 15 s so proxies keep the stream open).
 * The stream ends when the client leaves, the process begins to shut down, `next` fails (the database
 * went away: the browser reconnects, maybe to another process) or an event is marked `last`.
 *
 * Why poll the database rather than LISTEN/NOTIFY or Redis pub/sub: every process shares PostgreSQL, and
 * what the views show is written by many paths (web, SMS, voice, the jobs, the bot's turns, erasure) in
 * every process; a notification would have to be added to each of them, and listening needs a connection
 * of its own per process, which Redis-less and embedded deployments do not have. A poll costs nothing
 * when nobody watches (it runs only inside an open stream) and one small indexed query per open view
 * per interval when someone does.
 */
function liveEvents(
  c: Context<StaffEnv>,
  shutdownSignal: AbortSignal | undefined,
  pollMs: number,
  next: () => Promise<{ event: string; data: string; last?: boolean } | null>,
) {
  return streamSSE(c, async (stream) => {
    let closed = shutdownSignal?.aborted ?? false;
    let wakeUp = () => {};
    const close = () => {
      closed = true;
      wakeUp();
    };
    stream.onAbort(close);
    shutdownSignal?.addEventListener("abort", close, { once: true });
    let lastWrite = 0;
    while (!closed) {
      let change: Awaited<ReturnType<typeof next>>;
      try {
        change = await next();
      } catch {
        // The database went away (shutdown): end the stream; the browser reconnects to another process.
        break;
      }
      if (closed) break;
      if (change) {
        await stream.writeSSE({ event: change.event, data: change.data });
        lastWrite = Date.now();
        if (change.last) break;
      } else if (Date.now() - lastWrite >= HEARTBEAT_MS) {
        await stream.write(": still here\n\n");
        lastWrite = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    shutdownSignal?.removeEventListener("abort", close);
  });
}
