import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { cases, conversationEvents, conversations, messages, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { type HandoffContext, parseConversationId, requireHandoffStaff } from "./context";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";
import { type GeneratedSummary, generateConversationSummary } from "./summarize-conversation";

export const GetStaffConversationInput = z.object({ conversationId: z.string() });

export interface StaffMessageView {
  id: string;
  role: string;
  text: string;
  lang: string | null;
  status: string | null;
  citations: { articleId: string; title: string; url: string }[];
  staffId: string | null;
  /** A bot reply kept back because a person held the conversation: what it would have said. */
  withheld: string | null;
  /** What the citizen sent with the message (MMS photos): the provider's links, never downloaded. */
  attachments: MessageAttachment[];
  createdAt: string;
}

export interface MessageAttachment {
  url: string;
  contentType: string | null;
}

export interface ConversationEventView {
  kind: string;
  fromState: string | null;
  toState: string | null;
  actorKind: string;
  actorId: string | null;
  /** The staff member's name for a staff actor (null when the account is gone). */
  actorName: string | null;
  reason: string | null;
  text: string | null;
  createdAt: string;
}

/** Sentences taken word for word from the transcript; no model wrote them. */
export interface ExtractiveSummary {
  kind: "extractive";
  lines: { role: string; text: string }[];
}

export interface StaffConversationView extends HandoffSummary {
  /** The name of the staff member it is assigned to or held by. */
  assignedStaffName: string | null;
  transcript: StaffMessageView[];
  /** Owner changes and private notes, oldest first. */
  events: ConversationEventView[];
  /**
   * Written by the chat model when one is configured (marked with its name), else sentences taken word
   * for word from the transcript. A model that fails or is slow leaves the extractive one.
   */
  summary: ExtractiveSummary | GeneratedSummary;
  openCases: {
    reference: string;
    status: string;
    serviceCode: string;
    department: string;
    createdAt: string;
  }[];
}

const TRANSCRIPT_LIMIT = 500;
const SUMMARY_TAIL = 3;

/** One conversation for the staff member working it, audited as a read of citizen data. */
export async function getStaffConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<StaffConversationView> {
  const actor = requireHandoffStaff(ctx);
  const parsed = GetStaffConversationInput.parse(input);
  const id = parseConversationId(parsed.conversationId);
  const view = await readStaffConversation(ctx.database.db, id, ctx.summaries, ctx.now ?? new Date());
  if (!view) throw new DomainError("not_found", "No such conversation.");
  await recordAudit(ctx.database.db, actor, ctx.requestId, {
    action: "conversation.read",
    subjectType: "conversation",
    subjectId: view.id,
  });
  return view;
}

/**
 * The conversation as `getStaffConversation` shows it, without the role check or the audit row: for a
 * live view that the caller checked and audited once when it opened. Null when there is no such one.
 */
export async function readStaffConversation(
  db: Db,
  id: string,
  summaries: HandoffContext["summaries"],
  now: Date,
): Promise<StaffConversationView | null> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  if (!conversation) return null;
  // Every conversation of the same contact, so a call followed by texts reads as one transcript.
  const rows = await db
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(eq(conversations.contactId, conversation.contactId))
    .orderBy(desc(messages.sequence))
    .limit(TRANSCRIPT_LIMIT);
  const transcript = rows.reverse().map(({ message }) => toStaffMessage(message));
  const events = await db
    .select()
    .from(conversationEvents)
    .where(eq(conversationEvents.conversationId, conversation.id))
    .orderBy(asc(conversationEvents.createdAt));
  const open = await openCasesOfContact(db, conversation.contactId, 20);
  const assignedStaffName = await staffNameOf(db, conversation.assignedStaffId);
  const staffIds = [
    ...new Set(events.filter((e) => e.actorKind === "staff" && e.actorId).map((e) => e.actorId!)),
  ];
  const staffNames = new Map(
    staffIds.length === 0
      ? []
      : (
          await db
            .select({ id: staffUsers.id, name: staffUsers.name })
            .from(staffUsers)
            .where(inArray(staffUsers.id, staffIds))
        ).map((row) => [row.id, row.name]),
  );
  return {
    ...toHandoffSummary(conversation, now),
    assignedStaffName,
    transcript,
    events: events.map((e) => ({
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      actorKind: e.actorKind,
      actorId: e.actorId,
      actorName: e.actorKind === "staff" && e.actorId ? (staffNames.get(e.actorId) ?? null) : null,
      reason: e.reason,
      text: e.text,
      createdAt: e.createdAt.toISOString(),
    })),
    summary:
      (await generateConversationSummary(summaries, db, conversation)) ?? extractiveSummary(transcript),
    openCases: open.map((c) => ({
      reference: c.reference,
      status: c.status,
      serviceCode: c.serviceCode,
      department: c.departmentCode,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

/** The contact's cases that are not resolved or closed, newest first. */
export function openCasesOfContact(db: Db, contactId: string, limit: number) {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.contactId, contactId), notInArray(cases.status, ["resolved", "closed"])))
    .orderBy(desc(cases.createdAt))
    .limit(limit);
}

/** The name of the staff member with this id; null for no id or an account that is gone. */
export async function staffNameOf(db: Db, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  const [staff] = await db
    .select({ name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
    .limit(1);
  return staff?.name ?? null;
}

/**
 * The media stored on a message (MMS: Twilio's MediaUrl and MediaContentType), web links only, so a
 * stored value can never become a script or data link on a staff page.
 */
export function attachmentsOf(meta: unknown): MessageAttachment[] {
  const media = (meta as { media?: unknown } | null)?.media;
  if (!Array.isArray(media)) return [];
  return media.flatMap((item: unknown) => {
    const { url, contentType } = (item ?? {}) as { url?: unknown; contentType?: unknown };
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return [];
    return [{ url, contentType: typeof contentType === "string" ? contentType : null }];
  });
}

function toStaffMessage(row: typeof messages.$inferSelect): StaffMessageView {
  const meta = row.meta as { staffId?: string; withheld?: { text?: string } };
  return {
    id: row.id,
    role: row.role,
    text: row.text,
    lang: row.lang,
    status: row.status,
    citations: row.citations,
    staffId: meta.staffId ?? null,
    withheld: meta.withheld?.text ?? null,
    attachments: attachmentsOf(row.meta),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The citizen's first message, then their latest ones, each as written: what they came for and where
 * they are now. When they wrote only once, the last replies to them follow, so the reader sees the answer.
 * Also the summary a call put through to a person leaves for staff (see recordCallTransfer).
 */
export function extractiveSummary(
  transcript: readonly Pick<StaffMessageView, "role" | "text">[],
): ExtractiveSummary {
  const spoken = transcript.filter((m) => inArrayOf(m.role, ["citizen", "assistant", "staff"]) && m.text);
  const citizen = spoken.filter((m) => m.role === "citizen");
  const first = citizen[0];
  const latest = citizen.slice(1).slice(-(SUMMARY_TAIL - 1));
  const tail = latest.length > 0 ? latest : spoken.slice(-(SUMMARY_TAIL - 1)).filter((m) => m !== first);
  const lines = [...(first ? [first] : []), ...tail].map((m) => ({
    role: m.role,
    text: m.text.length > 300 ? `${m.text.slice(0, 297)}...` : m.text,
  }));
  return { kind: "extractive", lines };
}

function inArrayOf(value: string, list: readonly string[]): boolean {
  return list.includes(value);
}
