import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import {
  type cases,
  conversationEvents,
  conversations,
  messages,
  teamsConversations,
  teamsHandoffCards,
} from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { ConversationRow } from "../conversations/context";
import { redactPii } from "../guardrails/redact-pii";
import { closeConversation } from "../handoff/close-conversation";
import type { HandoffContext } from "../handoff/context";
import { attachmentsOf, openCasesOfContact, staffNameOf } from "../handoff/get-staff-conversation";
import { handBackConversation } from "../handoff/hand-back-conversation";
import { postStaffReply } from "../handoff/post-staff-reply";
import { VOICE_LINE_ACTOR } from "../handoff/record-call-transfer";
import { generateConversationSummary } from "../handoff/summarize-conversation";
import { takeOverConversation } from "../handoff/take-over-conversation";
import { ANY_DEPARTMENT, type TeamsContext } from "./context";
import { type EscalationFacts, escalationCard } from "./escalation-card";
import type { TeamsStaffMember } from "./resolve-teams-staff";

const LAST_MESSAGES = 5;
const SUMMARY_LINES = 3;
const BATCH = 20;
/** Requests for a person older than this get no card (a bot set up today does not post last month's). */
const NEW_REQUEST_WINDOW_MS = 24 * 3600_000;
/** A card that failed to post is tried again after this long. */
const RETRY_AFTER_MS = 60_000;
/** Cards older than this are no longer refreshed or relayed into. */
const CARD_LIFETIME_MS = 14 * 24 * 3600_000;

type CardRow = typeof teamsHandoffCards.$inferSelect;

/** Citizen text as it leaves for a channel the whole department reads: contact details masked. */
function masked(text: string): string {
  return redactPii(text).text;
}

async function cardFacts(
  ctx: Pick<TeamsContext, "database" | "summaries">,
  conversation: ConversationRow,
  now: Date,
) {
  const db = ctx.database.db;
  const recent = await db
    .select({ role: messages.role, text: messages.text, meta: messages.meta })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversation.id),
        inArray(messages.role, ["citizen", "assistant", "staff"]),
        sql`${messages.text} <> ''`,
      ),
    )
    .orderBy(desc(messages.sequence))
    .limit(20);
  const spoken = recent.reverse().map((m) => ({
    role: m.role,
    text: clip(masked(m.text), 300),
    attachments: m.role === "citizen" ? attachmentLines(m.meta) : "",
  }));
  const [openCase] = await openCasesOfContact(db, conversation.contactId, 1);
  const assigneeName = await staffNameOf(db, conversation.assignedStaffId);
  const due = openCase ? nextDue(openCase) : null;
  const generated = await generateConversationSummary(ctx.summaries, db, conversation);
  const [callNote] = await db
    .select({ text: conversationEvents.text })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversation.id),
        eq(conversationEvents.kind, "note"),
        eq(conversationEvents.actorKind, "system"),
        eq(conversationEvents.actorId, VOICE_LINE_ACTOR),
      ),
    )
    .orderBy(desc(conversationEvents.createdAt))
    .limit(1);
  const facts: EscalationFacts = {
    conversationId: conversation.id,
    lang: conversation.lang,
    channel: conversation.channel,
    reason: conversation.handoffReason,
    state: conversation.state,
    assigneeName,
    waitingSeconds: conversation.handoffRequestedAt
      ? Math.max(0, (now.getTime() - conversation.handoffRequestedAt.getTime()) / 1000)
      : 0,
    summary:
      generated?.lines.map((line) => clip(masked(line), 300)) ??
      spoken
        .filter((m) => m.role === "citizen")
        .slice(-SUMMARY_LINES)
        .map((m) => m.text),
    summaryModel: generated?.model ?? null,
    // What the citizen sent before the card was posted comes with its attachments as links too.
    lastMessages: spoken.slice(-LAST_MESSAGES).map((m) => ({ role: m.role, text: m.text + m.attachments })),
    // Written from the redacted transcript; masked again like everything else on the card.
    callNote: callNote?.text ? clip(masked(callNote.text), 1000) : null,
    sla: openCase && due ? { caseReference: openCase.reference, ...due } : null,
    now,
  };
  return { facts, departmentCode: openCase?.departmentCode ?? null };
}

function nextDue(row: typeof cases.$inferSelect): { label: string; dueAt: Date } | null {
  if (!row.firstRespondedAt && row.firstResponseDueAt)
    return { label: "first response", dueAt: row.firstResponseDueAt };
  if (row.nextResponseDueAt) return { label: "next response", dueAt: row.nextResponseDueAt };
  if (row.resolutionDueAt) return { label: "resolution", dueAt: row.resolutionDueAt };
  return null;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

async function channelFor(ctx: Pick<TeamsContext, "database">, departmentCode: string | null) {
  const db = ctx.database.db;
  const codes = departmentCode ? [departmentCode, ANY_DEPARTMENT] : [ANY_DEPARTMENT];
  const rows = await db
    .select()
    .from(teamsConversations)
    .where(and(eq(teamsConversations.kind, "channel"), inArray(teamsConversations.departmentCode, codes)));
  return rows.find((r) => r.departmentCode === departmentCode) ?? rows[0] ?? null;
}

export interface TeamsSyncCounts {
  posted: number;
  refreshed: number;
  relayed: number;
  failed: number;
}

/**
 * Carries the handoff queue to Teams: posts a card for each new escalation to its department's
 * channel, refreshes cards whose conversation changed owner (from Teams or the console), and relays
 * what citizens write while waiting or held into the card's thread. Safe to run from several
 * processes: each card and each relayed message is claimed in the database before it is sent.
 */
export async function syncTeamsHandoffs({ ctx }: { ctx: TeamsContext }): Promise<TeamsSyncCounts> {
  const counts: TeamsSyncCounts = { posted: 0, refreshed: 0, relayed: 0, failed: 0 };
  const now = ctx.now ?? new Date();
  await postNewCards(ctx, now, counts);
  await refreshChangedCards(ctx, now, counts);
  await relayCitizenMessages(ctx, counts);
  return counts;
}

async function postNewCards(ctx: TeamsContext, now: Date, counts: TeamsSyncCounts) {
  const db = ctx.database.db;
  const waiting = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.state, "waiting"),
        // Requests from before the bot was set up (or long forgotten) are not dug up.
        gt(conversations.handoffRequestedAt, new Date(now.getTime() - NEW_REQUEST_WINDOW_MS)),
        sql`not exists (select 1 from ${teamsHandoffCards} c where c.conversation_id = ${conversations.id}
          and c.handoff_requested_at = ${conversations.handoffRequestedAt}
          and (c.status <> 'failed' or c.updated_at > ${new Date(now.getTime() - RETRY_AFTER_MS)}))`,
      ),
    )
    .limit(BATCH);
  for (const conversation of waiting) {
    const { facts, departmentCode } = await cardFacts(ctx, conversation, now);
    const channel = await channelFor(ctx, departmentCode);
    if (!channel) continue;
    const lastSequence = await latestCitizenSequence(ctx, conversation.id);
    const [claimed] = await db
      .insert(teamsHandoffCards)
      .values({
        conversationId: conversation.id,
        handoffRequestedAt: conversation.handoffRequestedAt!,
        teamsConversationId: channel.id,
        relayedSequence: lastSequence,
        shownState: conversation.state,
        shownStaffId: conversation.assignedStaffId,
      })
      // A card that failed to post a while ago is claimed again; one posted or posting is left alone.
      .onConflictDoUpdate({
        target: [teamsHandoffCards.conversationId, teamsHandoffCards.handoffRequestedAt],
        set: { status: "posting", teamsConversationId: channel.id, updatedAt: now },
        setWhere: sql`${teamsHandoffCards.status} = 'failed' and ${teamsHandoffCards.updatedAt} <= ${new Date(now.getTime() - RETRY_AFTER_MS)}`,
      })
      .returning();
    if (!claimed) continue;
    try {
      const sent = await ctx.teams.send(channel.reference, {
        card: escalationCard(facts, ctx.consoleBaseUrl),
        text: "A citizen is waiting for a person",
      });
      await db
        .update(teamsHandoffCards)
        .set({ activityId: sent.id, status: "posted", updatedAt: new Date() })
        .where(eq(teamsHandoffCards.id, claimed.id));
      counts.posted++;
    } catch (error) {
      counts.failed++;
      await db
        .update(teamsHandoffCards)
        .set({ status: "failed", updatedAt: new Date() })
        .where(eq(teamsHandoffCards.id, claimed.id));
      ctx.logger.warn("teams escalation card not posted", {
        conversationId: conversation.id,
        error: errorText(error),
      });
    }
  }
}

async function refreshChangedCards(ctx: TeamsContext, now: Date, counts: TeamsSyncCounts) {
  const db = ctx.database.db;
  const changed = await db
    .select({ card: teamsHandoffCards, conversation: conversations })
    .from(teamsHandoffCards)
    .innerJoin(conversations, eq(conversations.id, teamsHandoffCards.conversationId))
    .where(
      and(
        eq(teamsHandoffCards.status, "posted"),
        gt(teamsHandoffCards.createdAt, new Date(now.getTime() - CARD_LIFETIME_MS)),
        sql`(${teamsHandoffCards.shownState} <> ${conversations.state}
          or ${teamsHandoffCards.shownStaffId} is distinct from ${conversations.assignedStaffId})`,
      ),
    )
    .limit(BATCH);
  for (const { card, conversation } of changed) {
    // An old card whose conversation was queued again shows that it was handed back, nothing newer.
    const latest = conversation.handoffRequestedAt?.getTime() === card.handoffRequestedAt.getTime();
    const shown = latest ? conversation : { ...conversation, state: "bot", assignedStaffId: null };
    if (shown.state === card.shownState && shown.assignedStaffId === card.shownStaffId) continue;
    if (await updateCard(ctx, card, shown, now)) counts.refreshed++;
    else counts.failed++;
  }
}

async function updateCard(ctx: TeamsContext, card: CardRow, conversation: ConversationRow, now: Date) {
  const db = ctx.database.db;
  const [channel] = await db
    .select()
    .from(teamsConversations)
    .where(eq(teamsConversations.id, card.teamsConversationId))
    .limit(1);
  if (!channel || !card.activityId) return false;
  const { facts } = await cardFacts(ctx, conversation, now);
  try {
    await ctx.teams.update(channel.reference, card.activityId, {
      card: escalationCard(facts, ctx.consoleBaseUrl),
    });
    await db
      .update(teamsHandoffCards)
      .set({
        shownState: conversation.state,
        shownStaffId: conversation.assignedStaffId,
        updatedAt: new Date(),
      })
      .where(eq(teamsHandoffCards.id, card.id));
    return true;
  } catch (error) {
    ctx.logger.warn("teams escalation card not refreshed", { cardId: card.id, error: errorText(error) });
    return false;
  }
}

async function latestCitizenSequence(ctx: Pick<TeamsContext, "database">, conversationId: string) {
  const [row] = await ctx.database.db
    .select({ max: sql<number | null>`max(${messages.sequence})` })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, "citizen")));
  return Number(row?.max ?? 0);
}

async function relayCitizenMessages(ctx: TeamsContext, counts: TeamsSyncCounts) {
  const db = ctx.database.db;
  const open = await db
    .select({ card: teamsHandoffCards, channel: teamsConversations })
    .from(teamsHandoffCards)
    .innerJoin(conversations, eq(conversations.id, teamsHandoffCards.conversationId))
    .innerJoin(teamsConversations, eq(teamsConversations.id, teamsHandoffCards.teamsConversationId))
    .where(
      and(
        eq(teamsHandoffCards.status, "posted"),
        inArray(conversations.state, ["waiting", "human"]),
        eq(conversations.handoffRequestedAt, teamsHandoffCards.handoffRequestedAt),
        sql`exists (select 1 from ${messages} m where m.conversation_id = ${teamsHandoffCards.conversationId}
          and m.role = 'citizen' and m.sequence > ${teamsHandoffCards.relayedSequence})`,
      ),
    )
    .limit(BATCH);
  for (const { card, channel } of open) {
    const fresh = await db
      .select({ text: messages.text, sequence: messages.sequence, meta: messages.meta })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, card.conversationId),
          eq(messages.role, "citizen"),
          gt(messages.sequence, card.relayedSequence),
        ),
      )
      .orderBy(messages.sequence)
      .limit(20);
    const last = fresh.at(-1)?.sequence;
    if (!last || !card.activityId) continue;
    // Claim the messages first: another process that read the same sequence updates nothing.
    const claimed = await db
      .update(teamsHandoffCards)
      .set({ relayedSequence: last, updatedAt: new Date() })
      .where(
        and(eq(teamsHandoffCards.id, card.id), eq(teamsHandoffCards.relayedSequence, card.relayedSequence)),
      )
      .returning({ id: teamsHandoffCards.id });
    if (claimed.length === 0) continue;
    const text = fresh.map((m) => `Citizen: ${masked(m.text)}${attachmentLines(m.meta)}`).join("\n\n");
    try {
      await ctx.teams.send(channel.reference, { text }, { threadRootId: card.activityId });
      counts.relayed += fresh.length;
    } catch (error) {
      counts.failed++;
      // Give the claim back so the next pass tries these messages again.
      await db
        .update(teamsHandoffCards)
        .set({ relayedSequence: card.relayedSequence })
        .where(and(eq(teamsHandoffCards.id, card.id), eq(teamsHandoffCards.relayedSequence, last)));
      ctx.logger.warn("citizen message not relayed to teams", { cardId: card.id, error: errorText(error) });
    }
  }
}

/** The conversation whose escalation card heads this channel thread, if any. */
export async function findHandoffForThread({
  ctx,
  rootConversationId,
  threadRootId,
}: {
  ctx: Pick<TeamsContext, "database">;
  rootConversationId: string;
  threadRootId: string;
}): Promise<string | null> {
  const [card] = await ctx.database.db
    .select({ conversationId: teamsHandoffCards.conversationId })
    .from(teamsHandoffCards)
    .where(
      and(
        eq(teamsHandoffCards.teamsConversationId, rootConversationId),
        eq(teamsHandoffCards.activityId, threadRootId),
      ),
    )
    .limit(1);
  return card?.conversationId ?? null;
}

function handoffContext(ctx: TeamsContext, staff: TeamsStaffMember): HandoffContext {
  return {
    database: ctx.database,
    actor: { kind: "staff", userId: staff.userId, roles: staff.roles },
    ...(ctx.enqueueDelivery ? { enqueueDelivery: ctx.enqueueDelivery } : {}),
    requestId: "teams",
    ...(ctx.now ? { now: ctx.now } : {}),
  };
}

/**
 * Take over from the card's button: the take-over verb as the mapped staff member, then every copy
 * of the card is refreshed to say who took it. Returns the refreshed card for the invoke's answer.
 */
export async function takeOverFromTeams({
  ctx,
  staff,
  conversationId,
}: {
  ctx: TeamsContext;
  staff: TeamsStaffMember;
  conversationId: string;
}) {
  await takeOverConversation({ ctx: handoffContext(ctx, staff), input: { conversationId } });
  return refreshCardsOf(ctx, conversationId);
}

/** Refreshes the conversation's latest card now (not waiting for the sync) and returns it. */
async function refreshCardsOf(ctx: TeamsContext, conversationId: string) {
  const db = ctx.database.db;
  const now = ctx.now ?? new Date();
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!conversation) throw new DomainError("not_found", "No such conversation.");
  const [card] = await db
    .select()
    .from(teamsHandoffCards)
    .where(eq(teamsHandoffCards.conversationId, conversationId))
    .orderBy(desc(teamsHandoffCards.handoffRequestedAt))
    .limit(1);
  if (card && card.status === "posted") await updateCard(ctx, card, conversation, now);
  const { facts } = await cardFacts(ctx, conversation, now);
  return escalationCard(facts, ctx.consoleBaseUrl);
}

export type ThreadCommand = "handback" | "close" | "reply";

/** Reads a staff message in a card's thread: `handback`, `close`, or a reply to the citizen. */
export function threadCommandOf(text: string): ThreadCommand {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  if (word === "handback" || word === "hand back") return "handback";
  if (word === "close") return "close";
  return "reply";
}

/**
 * A staff member writes in an escalation thread: `handback` returns the conversation to the
 * assistant, `close` ends it, anything else goes to the citizen as a staff reply (web chat, or SMS
 * through the delivery queue). Returns what the bot says in the thread.
 */
export async function actInHandoffThread({
  ctx,
  staff,
  conversationId,
  text,
}: {
  ctx: TeamsContext;
  staff: TeamsStaffMember;
  conversationId: string;
  text: string;
}): Promise<string | null> {
  const hctx = handoffContext(ctx, staff);
  const who = staff.name ?? "A staff member";
  switch (threadCommandOf(text)) {
    case "handback":
      await handBackConversation({ ctx: hctx, input: { conversationId, reason: "staff_hand_back" } });
      await refreshCardsOf(ctx, conversationId);
      return `${who} handed the conversation back to the assistant.`;
    case "close":
      await closeConversation({ ctx: hctx, input: { conversationId } });
      await refreshCardsOf(ctx, conversationId);
      return `${who} closed the conversation.`;
    default: {
      const sent = await postStaffReply({ ctx: hctx, input: { conversationId, text } });
      return sent.delivery === "sms" ? "Sent to the citizen by SMS." : null;
    }
  }
}

/**
 * The citizen's attachments (MMS photos) as Markdown links under the relayed text, so staff in Teams see
 * them too; the links are the provider's, nothing is downloaded.
 */
function attachmentLines(meta: unknown): string {
  const attachments = attachmentsOf(meta);
  if (attachments.length === 0) return "";
  return attachments
    .map((a, i) => {
      // Brackets, parentheses and spaces would end the Markdown link early.
      const href = a.url.replace(
        /[()[\]\s<>]/g,
        (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
      );
      const label = `Attachment ${i + 1}${a.contentType ? ` (${a.contentType.replace(/[[\]]/g, "")})` : ""}`;
      return `\n- [${label}](${href})`;
    })
    .join("");
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
