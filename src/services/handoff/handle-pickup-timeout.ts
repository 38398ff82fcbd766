import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { contacts, conversations, messages } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { PHONE_CHANNELS, type Translate } from "../conversations/context";
import type { EnqueueDelivery } from "../deliveries/context";
import { changeOwner, type HandoffSettings, lockConversation } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { schedulePickupCheck } from "./request-handoff";

export interface PickupTimeoutDeps {
  database: Database;
  translate: Translate;
  pickupTimeoutMinutes: number;
  /** Texts the notice to SMS and voice citizens; without it they find it on their next message. */
  enqueueDelivery?: EnqueueDelivery | undefined;
}

export type PickupTimeoutOutcome = { outcome: "told"; messageId: string } | { outcome: "stale" };

/**
 * Runs when a conversation has waited the pick-up time. If it still waits on the same request, nobody
 * took it: the assistant gets it back (recorded with the reason) and tells the citizen honestly,
 * offering to open a case (whose SLA timers then apply) or to arrange a call back. A conversation a
 * person took, or that asked again since, is left alone, so a repeated or late job changes nothing.
 */
export async function handlePickupTimeout(
  deps: PickupTimeoutDeps,
  payload: { conversationId: string; requestedAt: string },
  now: Date,
): Promise<PickupTimeoutOutcome> {
  const told = await deps.database.db.transaction(async (tx) => {
    // Gone (the privacy purge or an erasure removed it): nothing to tell anyone.
    const conversation = await lockConversation(tx, payload.conversationId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "not_found") return undefined;
      throw error;
    });
    if (
      conversation?.state !== "waiting" ||
      conversation.handoffRequestedAt?.getTime() !== Date.parse(payload.requestedAt)
    ) {
      return undefined;
    }
    await changeOwner(tx, { actor: { kind: "system", name: "handoff-timer" } }, conversation, {
      to: "bot",
      reason: "pickup_timeout",
      assignedStaffId: null,
      now,
    });
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        role: "assistant",
        text: deps.translate(conversation.lang, "reply.handoff_timeout", {
          minutes: deps.pickupTimeoutMinutes,
        }),
        lang: conversation.lang,
        status: "handoff",
        meta: { handoff: "pickup_timeout" },
        createdAt: now,
      })
      .returning();
    const phone = (PHONE_CHANNELS as readonly string[]).includes(conversation.channel);
    const [contact] = phone
      ? await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)).limit(1)
      : [];
    return { messageId: message!.id, address: contact?.address };
  });
  if (!told) return { outcome: "stale" };
  announceHandoffActivity(payload.conversationId);
  if (told.address && deps.enqueueDelivery) {
    await deps.enqueueDelivery("reply", { messageId: told.messageId, channel: "sms", address: told.address });
  }
  return { outcome: "told", messageId: told.messageId };
}

/**
 * Plans the pick-up check of every conversation waiting now (one job per request, so planning again
 * is harmless). Run at start, it brings back checks an in-process queue lost in a restart; checks
 * already overdue run at once.
 */
export async function sweepPickupChecks(
  database: Database,
  settings: Pick<HandoffSettings, "jobQueue" | "pickupTimeoutMinutes">,
  now: Date,
): Promise<number> {
  if (!settings.jobQueue) return 0;
  const waiting = await database.db
    .select({ id: conversations.id, requestedAt: conversations.handoffRequestedAt })
    .from(conversations)
    .where(
      and(
        eq(conversations.state, "waiting"),
        isNotNull(conversations.handoffRequestedAt),
        lt(conversations.handoffRequestedAt, now),
      ),
    )
    .limit(10_000);
  for (const row of waiting) await schedulePickupCheck(settings, row.id, row.requestedAt!);
  return waiting.length;
}
