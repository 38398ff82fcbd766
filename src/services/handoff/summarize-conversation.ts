import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conversations, messages } from "../../db/schema";
import type { Logger } from "../../logger";
import type { ChatModel, TranscriptTurn } from "../../ports/chat-model";
import type { ConversationRow } from "../conversations/context";
import { redactPii } from "../guardrails/redact-pii";

/** A summary written by the chat model: staff are told which model wrote it and to check the transcript. */
export interface GeneratedSummary {
  kind: "generated";
  /** The model that wrote it, as the provider names it. */
  model: string;
  lines: string[];
  /** The newest message the model read; a newer one means a new summary. */
  basedOnMessageId: string;
}

/**
 * Generated summaries kept in memory, so that viewing a conversation again does not call the model.
 * Only settled results are shared between requests (never a pending promise: a Workers isolate refuses
 * to let one request wait on another's I/O); a key being generated is marked pending instead.
 */
export interface SummaryCache {
  /** The stored lines, null for a recent failure, "pending" while another request asks the model. */
  get(key: string): string[] | null | "pending" | undefined;
  /** Marks the key as being generated, for at most `forMs` (a request that dies leaves no lasting mark). */
  begin(key: string, forMs: number): void;
  /** Stores the model's lines, or null when it failed. */
  settle(key: string, lines: string[] | null): void;
  /** Drops every summary of this contact (erased): their words leave this process's memory at once. */
  forgetContact(contactId: string): void;
}

/** What writing a summary with the chat model needs; without a model that can summarise, none is written. */
export interface SummaryDeps {
  chatModel: ChatModel;
  cache: SummaryCache;
  /** The longest a page waits for the model before it shows the extractive summary instead. */
  timeoutMs: number;
  logger?: Logger | undefined;
}

/** The model reads at most this many recent messages, each clipped, so a long conversation stays cheap. */
const TURNS = 40;
const TURN_CHARS = 1_000;

/** How long a generated summary stays in a process's memory (see `createSummaryCache`). */
export const SUMMARY_TTL_MS = 15 * 60_000;

/**
 * Keeps summaries per contact and newest message: a new message makes a new key, so a summary is never
 * older than the transcript beside it. Failures are kept briefly, so a model that is down is not asked
 * on every view; entries expire and the oldest are dropped beyond `maxEntries`.
 *
 * The cache is per process. The process that erases a contact forgets their summaries at once
 * (`forgetContact`); the others are not told, so entries live `SUMMARY_TTL_MS` at most (15 minutes): an
 * erased contact's summary is gone from every process within that time. It can never be shown after the
 * erasure anyway (its key needs the contact's newest message, which is gone); the bound is about how
 * long the words stay in memory. Viewing a quiet conversation again after it asks the model once more.
 */
export function createSummaryCache(
  options: { maxEntries?: number; ttlMs?: number; failureTtlMs?: number; clock?: () => number } = {},
): SummaryCache {
  const maxEntries = options.maxEntries ?? 500;
  const ttlMs = options.ttlMs ?? SUMMARY_TTL_MS;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, { value: string[] | null | "pending"; expiresAt: number }>();
  const put = (key: string, value: string[] | null | "pending", lifeMs: number) => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: clock() + lifeMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    begin(key, forMs) {
      put(key, "pending", forMs);
    },
    settle(key, lines) {
      put(key, lines, lines === null ? failureTtlMs : ttlMs);
    },
    forgetContact(contactId) {
      for (const key of entries.keys()) {
        if (contactOfKey(key) === contactId) entries.delete(key);
      }
    },
  };
}

/**
 * A short summary of the contact's recent messages written by the chat model, or null when there is no
 * such model, nothing the citizen wrote, or the model failed or took too long (the caller then shows the
 * extractive summary). Every message is masked again before it leaves, in case one was stored unmasked.
 */
export async function generateConversationSummary(
  deps: SummaryDeps | undefined,
  db: Db,
  conversation: Pick<ConversationRow, "id" | "contactId" | "lang">,
): Promise<GeneratedSummary | null> {
  const model = deps?.chatModel;
  if (!deps || !model?.summarizeTranscript) return null;
  const recent = await db
    .select({ id: messages.id, role: messages.role, text: messages.text })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(conversations.contactId, conversation.contactId),
        inArray(messages.role, ["citizen", "assistant", "staff"]),
        sql`${messages.text} <> ''`,
      ),
    )
    .orderBy(desc(messages.sequence), desc(messages.createdAt))
    .limit(TURNS);
  const newest = recent[0];
  if (!newest || !recent.some((m) => m.role === "citizen")) return null;
  const turns: TranscriptTurn[] = recent.reverse().map((m) => ({
    role: m.role as TranscriptTurn["role"],
    text: clip(redactPii(m.text).text, TURN_CHARS),
  }));
  const key = summaryKey(model.name, conversation.contactId, newest.id);
  let written = deps.cache.get(key);
  // Another view is asking the model for this very summary: this one shows the extractive summary now.
  if (written === "pending") return null;
  if (written === undefined) {
    deps.cache.begin(key, deps.timeoutMs + 1_000);
    written = await askModel(deps, model, { turns, lang: conversation.lang }, conversation.id);
    deps.cache.settle(key, written);
  }
  return written
    ? { kind: "generated", model: model.name, lines: written, basedOnMessageId: newest.id }
    : null;
}

async function askModel(
  deps: SummaryDeps,
  model: ChatModel,
  request: { turns: TranscriptTurn[]; lang: string },
  conversationId: string,
): Promise<string[] | null> {
  const deadline = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no summary within ${deps.timeoutMs} ms`);
      deadline.abort(error);
      reject(error);
    }, deps.timeoutMs);
  });
  try {
    const lines = await Promise.race([
      model.summarizeTranscript!(request, { signal: deadline.signal }),
      timeout,
    ]);
    const clean = lines.map((line) => line.trim()).filter((line) => line !== "");
    if (clean.length === 0) throw new Error("the model wrote an empty summary");
    return clean;
  } catch (error) {
    deps.logger?.warn("conversation summary not generated; showing the extractive one", {
      conversationId,
      model: model.name,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The cache key: the model, the contact and the newest message it read. */
export function summaryKey(model: string, contactId: string, messageId: string): string {
  return `${model}\u0000${contactId}\u0000${messageId}`;
}

function contactOfKey(key: string): string | undefined {
  return key.split("\u0000")[1];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
