import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import { cases, messages, services, slaCalendars, slaPolicies } from "../../db/schema";
import { voiceText } from "../../i18n/voice";
import { openCase } from "../cases/open-case";
import { recordCallTransfer } from "../handoff/record-call-transfer";
import { markHandoff } from "../handoff/request-handoff";
import { type BusinessCalendar, isOpen, nextOpening } from "../sla/calendar";
import { VOICE_CHANNEL, type VoiceContext } from "./context";

/** The catalogue service whose department answers the phone and whose case is a call back. */
export const CALLBACK_SERVICE = "callback-request";

export type PersonOutcome =
  | { kind: "transfer"; number: string }
  | { kind: "callback"; reference: string; expectedAt: Date; timeZone: string }
  | { kind: "failed" };

/** Why the line hands a caller to a person: they asked ("agent", 0), or it could not hear them. */
export type PersonReason = "voice_agent" | "voice_no_input";

/**
 * The caller asked for a person (or the line gave up understanding them). The conversation is queued
 * for a person with `reason` (one the assistant already queued keeps its own). Within the contact
 * centre's business hours the call goes to the transfer number and the conversation gets a note with
 * the call's summary for the staff member who answers; outside them a call-back case is opened with the
 * caller's number, due when the centre next opens.
 */
export async function connectCallerToPerson({
  ctx,
  conversationId,
  contactId,
  callerNumber,
  lang,
  transferNumber,
  reason = "voice_agent",
}: {
  ctx: VoiceContext;
  conversationId: string;
  contactId: string;
  callerNumber: string;
  lang: string;
  transferNumber?: string | undefined;
  reason?: PersonReason | undefined;
}): Promise<PersonOutcome> {
  const database = ctx.assistant.database;
  const now = ctx.now ?? new Date();
  const calendar = await loadContactCentreCalendar(ctx);

  if (transferNumber && calendar && isOpen(calendar, now)) {
    // The person who answers finds the conversation in the console: its reason, and a note with what
    // was said on the call.
    await recordCallTransfer(database.db, { conversationId, reason, transferredTo: transferNumber, now });
    ctx.logger.info("voice transfer", { conversationId, reason });
    return { kind: "transfer", number: transferNumber };
  }
  await markHandoff(database.db, conversationId, reason, now);
  const turns = await recentTurns(ctx, conversationId);
  if (!calendar || !/^\+?\d{6,15}$/.test(callerNumber)) return { kind: "failed" };
  const callback = (reference: string): PersonOutcome => ({
    kind: "callback",
    reference,
    expectedAt: nextOpening(calendar, now),
    timeZone: calendar.timeZone,
  });
  // One call back per conversation while it is open: a Twilio retry, or the sweep's job for a turn the
  // line gave up on, finds the one already opened.
  const [pending] = await database.db
    .select({ reference: cases.reference })
    .from(cases)
    .where(
      and(
        eq(cases.conversationId, conversationId),
        eq(cases.serviceCode, CALLBACK_SERVICE),
        notInArray(cases.status, ["resolved", "closed"]),
      ),
    )
    .limit(1);
  if (pending) return callback(pending.reference);
  try {
    const opened = await openCase({
      ctx: {
        database,
        actor: { kind: "citizen", contactId },
        logger: ctx.logger,
        now,
        ...(ctx.jobQueue ? { jobQueue: ctx.jobQueue } : {}),
      },
      input: {
        serviceCode: CALLBACK_SERVICE,
        description: voiceText("en", "callback_topic", { turns }),
        attributes: { phone: callerNumber, topic: turns || "-" },
        contactId,
        conversationId,
        channel: VOICE_CHANNEL,
        lang,
        detectDuplicates: false,
      },
    });
    return callback(opened.case.reference);
  } catch (error) {
    ctx.logger.warn("voice call back not opened", {
      error: error instanceof Error ? error.message : String(error),
    });
    return { kind: "failed" };
  }
}

async function loadContactCentreCalendar(ctx: VoiceContext): Promise<BusinessCalendar | undefined> {
  const [row] = await ctx.assistant.database.db
    .select({ timeZone: slaCalendars.timeZone, hours: slaCalendars.hours, holidays: slaCalendars.holidays })
    .from(services)
    .innerJoin(slaPolicies, eq(slaPolicies.code, services.slaPolicyCode))
    .innerJoin(slaCalendars, eq(slaCalendars.code, slaPolicies.calendarCode))
    .where(eq(services.code, CALLBACK_SERVICE))
    .limit(1);
  return row ? (row as BusinessCalendar) : undefined;
}

/** The last few things said on the call, redacted as stored, for the person who takes it over. */
async function recentTurns(ctx: VoiceContext, conversationId: string): Promise<string> {
  const rows = await ctx.assistant.database.db
    .select({ role: messages.role, text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), inArray(messages.role, ["citizen", "assistant"])))
    .orderBy(desc(messages.sequence))
    .limit(6);
  return rows
    .reverse()
    .map((m) => `${m.role === "citizen" ? "Caller" : "Assistant"}: ${m.text.slice(0, 200)}`)
    .join(" | ");
}
