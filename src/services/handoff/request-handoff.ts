import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  caseIntakes,
  cases,
  conversationEvents,
  messages,
  services,
  slaCalendars,
  slaPolicies,
} from "../../db/schema";
import { isWithStaff } from "../conversations/context";
import { type BusinessCalendar, isOpen, nextOpening } from "../sla/calendar";
import { assignWaitingConversation } from "./assign-conversation";
import { changeOwner, type HandoffContext, type HandoffSettings, lockConversation } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { handoffPickupTimeoutJob, pickupJobKey } from "./pickup-timeout-job";

/** The catalogue service whose department answers the phone and the chat: the contact centre. */
const CONTACT_CENTRE_SERVICE = "callback-request";

export interface QueueOutcome {
  /** The owner afterwards. */
  state: string;
  /** The staff member the queue gave it to, when one was available. */
  assignedStaffId: string | null;
  /** Set when nobody works now: the conversation stays with the assistant, which says so. */
  closed?: { opensAt: Date; timeZone: string };
}

/**
 * Queues a conversation for a person (the citizen asked, the bot failed twice, a caller said "agent",
 * or staff flagged it). One already waiting or held keeps its owner. Returns the state afterwards.
 */
export async function markHandoff(
  db: Db,
  conversationId: string,
  reason: string,
  now: Date,
  actor: HandoffContext["actor"] = { kind: "system", name: "assistant" },
  settings?: HandoffSettings,
): Promise<string> {
  return (await queueForPerson(db, conversationId, reason, now, actor, settings)).state;
}

/**
 * `markHandoff` with what the citizen should be told: the conversation is assigned to an available
 * staff member when one fits, and a pick-up check is planned; out of the department's business hours
 * (when `settings.businessHours`) it is not queued at all, and the caller tells the citizen when the
 * team is back and offers a case or a call back. Each outcome is stored as a conversation event.
 */
export async function queueForPerson(
  db: Db,
  conversationId: string,
  reason: string,
  now: Date,
  actor: HandoffContext["actor"] = { kind: "system", name: "assistant" },
  settings?: HandoffSettings,
): Promise<QueueOutcome> {
  const outcome = await db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (isWithStaff(conversation.state)) {
      return { state: conversation.state, assignedStaffId: conversation.assignedStaffId };
    }
    if (settings?.businessHours) {
      const calendar = await handoffCalendar(tx, conversation.id);
      if (calendar && !isOpen(calendar, now)) {
        const opensAt = nextOpening(calendar, now);
        // A turn run again for the same message (a retried request, a restart mid-turn) records the
        // refusal once: only a citizen message newer than the last refusal earns another.
        if (await refusedSinceLastMessage(tx, conversation.id)) {
          return {
            state: conversation.state,
            assignedStaffId: null,
            closed: { opensAt, timeZone: calendar.timeZone },
          } satisfies QueueOutcome;
        }
        await tx.insert(conversationEvents).values({
          conversationId: conversation.id,
          kind: "handoff_closed",
          fromState: conversation.state,
          toState: conversation.state,
          actorKind: actor.kind === "staff" ? "staff" : actor.kind,
          actorId:
            actor.kind === "staff" ? actor.userId : actor.kind === "citizen" ? actor.contactId : actor.name,
          reason,
          text: `out_of_hours until ${opensAt.toISOString()}`,
          createdAt: now,
        });
        return {
          state: conversation.state,
          assignedStaffId: null,
          closed: { opensAt, timeZone: calendar.timeZone },
        } satisfies QueueOutcome;
      }
    }
    const moved = await changeOwner(tx, { actor }, conversation, { to: "waiting", reason, now });
    const assignedStaffId = await assignWaitingConversation(tx, moved, now);
    return { state: moved.state, assignedStaffId, requestedAt: moved.handoffRequestedAt ?? now };
  });
  if ("requestedAt" in outcome && outcome.requestedAt) {
    announceHandoffActivity(conversationId);
    if (settings?.jobQueue) await schedulePickupCheck(settings, conversationId, outcome.requestedAt);
  }
  const { state, assignedStaffId } = outcome;
  return { state, assignedStaffId, ...("closed" in outcome ? { closed: outcome.closed } : {}) };
}

/** Plans the pick-up check of one request for a person; planning it again keeps one job. */
export async function schedulePickupCheck(
  settings: Pick<HandoffSettings, "jobQueue" | "pickupTimeoutMinutes">,
  conversationId: string,
  requestedAt: Date,
): Promise<void> {
  await settings.jobQueue?.enqueue(
    handoffPickupTimeoutJob,
    { conversationId, requestedAt: requestedAt.toISOString() },
    {
      runAt: new Date(requestedAt.getTime() + settings.pickupTimeoutMinutes * 60_000),
      key: pickupJobKey(conversationId, requestedAt),
    },
  );
}

/**
 * The business hours that apply to a conversation: the calendar of the SLA policy of the service it
 * is about (its latest case, else its case intake), else the contact centre's. None when the
 * catalogue has neither, which counts as always open.
 */
export async function handoffCalendar(db: Db, conversationId: string): Promise<BusinessCalendar | undefined> {
  const [fromCase] = await db
    .select({ service: cases.serviceCode })
    .from(cases)
    .where(eq(cases.conversationId, conversationId))
    .orderBy(desc(cases.createdAt))
    .limit(1);
  const [fromIntake] = fromCase
    ? []
    : await db
        .select({ service: caseIntakes.serviceCode })
        .from(caseIntakes)
        .where(eq(caseIntakes.conversationId, conversationId))
        .orderBy(desc(caseIntakes.updatedAt))
        .limit(1);
  for (const code of [fromCase?.service ?? fromIntake?.service, CONTACT_CENTRE_SERVICE]) {
    if (!code) continue;
    const [row] = await db
      .select({ timeZone: slaCalendars.timeZone, hours: slaCalendars.hours, holidays: slaCalendars.holidays })
      .from(services)
      .innerJoin(slaPolicies, eq(slaPolicies.code, services.slaPolicyCode))
      .innerJoin(slaCalendars, eq(slaCalendars.code, slaPolicies.calendarCode))
      .where(eq(services.code, code))
      .limit(1);
    if (row) return row as BusinessCalendar;
  }
  return undefined;
}

/** True when a refusal out of hours was stored after the citizen's latest message. */
async function refusedSinceLastMessage(tx: Db, conversationId: string): Promise<boolean> {
  const [refusal] = await tx
    .select({ at: conversationEvents.createdAt })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        eq(conversationEvents.kind, "handoff_closed"),
      ),
    )
    .orderBy(desc(conversationEvents.createdAt))
    .limit(1);
  if (!refusal) return false;
  const [message] = await tx
    .select({ at: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, "citizen")))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return !message || refusal.at >= message.at;
}
