import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseEvents, cases, contacts, conversations, deliveries, messages } from "../../db/schema";
import type { DeliveryAttempt } from "../../db/schema/deliveries";
import { ChannelSendError } from "../../ports/channel-sender";
import { type DeliveryContext, type DeliveryKind, type DeliveryTarget, STALE_CLAIM_MS } from "./context";
import { hasConsent, setContactConsent } from "./set-contact-consent";

export type DeliveryRow = typeof deliveries.$inferSelect;

export type DeliveryResult =
  | { state: "sent"; providerId: string }
  | { state: "already_done"; current: string }
  | { state: "blocked"; reason: "opted_out" | "held_by_staff" }
  /** A retryable failure: the job throws so the queue tries again after its backoff. */
  | { state: "retry"; error: string }
  | { state: "failed"; code?: string | undefined; error: string };

/**
 * Sends one stored message to a channel address once. The delivery row (one per message) makes a
 * retried job a no-op after a send; an opted-out contact is never messaged, except the one
 * confirmation that answers their STOP.
 */
export async function deliverMessage({
  ctx,
  kind,
  target,
  attempt,
  maxAttempts,
}: {
  ctx: DeliveryContext;
  kind: DeliveryKind;
  target: DeliveryTarget;
  /** 1 on the first try of this job. */
  attempt: number;
  maxAttempts: number;
}): Promise<DeliveryResult> {
  const db = ctx.database.db;
  const now = ctx.now ?? new Date();
  const [message] = await db
    .select({
      text: messages.text,
      role: messages.role,
      meta: messages.meta,
      owner: conversations.state,
      contactId: conversations.contactId,
      consent: contacts.consent,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(messages.id, target.messageId))
    .limit(1);
  if (!message) return { state: "failed", error: "no such message" };

  await db
    .insert(deliveries)
    .values({
      messageId: target.messageId,
      kind,
      channel: target.channel,
      address: target.address,
      contactId: message.contactId,
      caseReference: target.caseReference ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: deliveries.messageId });
  const [delivery] = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.messageId, target.messageId))
    .limit(1);
  if (!delivery) throw new Error("delivery upsert returned no row");
  let claimedAt: Date | null = null;
  if (delivery.state === "sending") {
    const settled = await settleStaleClaim(ctx, delivery, message.text, now);
    if (settled) return settled;
    claimedAt = delivery.updatedAt;
  } else if (delivery.state !== "pending") {
    return { state: "already_done", current: delivery.state };
  }

  // Checked again at send time: a bot reply queued before a person took over is never sent.
  if (message.role === "assistant" && message.owner === "human") {
    await finish(db, delivery, "blocked", { at: now.toISOString(), outcome: "blocked" }, now);
    return { state: "blocked", reason: "held_by_staff" };
  }
  const answersStop = (message.meta as { keyword?: string }).keyword === "stop";
  if (!hasConsent(message.consent, target.channel) && !answersStop) {
    await finish(db, delivery, "blocked", { at: now.toISOString(), outcome: "blocked" }, now);
    return { state: "blocked", reason: "opted_out" };
  }

  const sender = ctx.senders[target.channel];
  if (!sender) throw new Error(`no sender configured for ${target.channel}`);
  const callback = ctx.statusCallbackUrls?.[target.channel];
  // Claimed before the provider is called: a job run again after the send (the database failed while
  // recording it, or the process died) finds the claim and does not text the citizen a second time.
  // A stale claim the provider never saw is taken over only by the one job that still finds it as it was.
  const claimed = await db
    .update(deliveries)
    .set({ state: "sending", updatedAt: now })
    .where(
      claimedAt
        ? and(
            eq(deliveries.id, delivery.id),
            eq(deliveries.state, "sending"),
            eq(deliveries.updatedAt, claimedAt),
          )
        : and(eq(deliveries.id, delivery.id), eq(deliveries.state, "pending")),
    )
    .returning({ id: deliveries.id });
  if (claimed.length === 0) return { state: "already_done", current: "sending" };

  let sent: { providerId: string };
  try {
    sent = await sender.send({
      to: target.address,
      text: message.text,
      ...(callback ? { statusCallbackUrl: callback } : {}),
    });
  } catch (error) {
    const details = error instanceof ChannelSendError ? error.details : { retryable: true };
    const text = error instanceof Error ? error.message : String(error);
    const record: DeliveryAttempt = {
      at: now.toISOString(),
      outcome: "failed",
      error: text,
      ...(details.code ? { code: details.code } : {}),
    };
    if ("optedOut" in details && details.optedOut) {
      await setContactConsent(db, message.contactId, target.channel, {
        allowed: false,
        source: `provider:${details.code ?? "opted_out"}`,
        now,
      });
      await finish(db, delivery, "blocked", record, now, details.code);
      return { state: "blocked", reason: "opted_out" };
    }
    if (details.retryable && attempt < maxAttempts) {
      // The provider refused it, so nothing went out: the claim is given back for the retry.
      await db
        .update(deliveries)
        .set({ state: "pending", attempts: appendAttempt(record), updatedAt: now })
        .where(eq(deliveries.id, delivery.id));
      return { state: "retry", error: text };
    }
    await finish(db, delivery, "failed", record, now, details.code);
    await recordFailedNotice(db, delivery, details.code, now);
    return { state: "failed", code: details.code, error: text };
  }
  // Outside the try: a database error here is not a failed send, and must not lead to a second one.
  await db
    .update(deliveries)
    .set({
      state: "sent",
      providerId: sent.providerId,
      attempts: appendAttempt({ at: now.toISOString(), outcome: "sent", providerId: sent.providerId }),
      updatedAt: now,
    })
    .where(eq(deliveries.id, delivery.id));
  return { state: "sent", providerId: sent.providerId };
}

/**
 * A send left claimed (`sending`) by a job that died while calling the provider. A recent claim may
 * still be in flight and is left alone; an older one is settled by asking the provider: the message it
 * took is recorded as sent, and one it never saw is sent now (null tells the caller to send). A sender
 * that cannot be asked leaves the claim as it is: at most once, never twice.
 */
async function settleStaleClaim(
  ctx: DeliveryContext,
  delivery: DeliveryRow,
  text: string,
  now: Date,
): Promise<DeliveryResult | null> {
  const sender = ctx.senders[delivery.channel as DeliveryTarget["channel"]];
  const staleAfter = ctx.staleClaimMs ?? STALE_CLAIM_MS;
  if (now.getTime() - delivery.updatedAt.getTime() < staleAfter || !sender?.findSent) {
    return { state: "already_done", current: "sending" };
  }
  let found: { providerId: string } | null;
  try {
    found = await sender.findSent({ to: delivery.address, text, since: delivery.updatedAt });
  } catch (error) {
    // The provider cannot say yet; the queue's backoff asks again.
    return { state: "retry", error: error instanceof Error ? error.message : String(error) };
  }
  if (!found) return null;
  const recorded = await ctx.database.db
    .update(deliveries)
    .set({
      state: "sent",
      providerId: found.providerId,
      attempts: appendAttempt({ at: now.toISOString(), outcome: "found", providerId: found.providerId }),
      updatedAt: now,
    })
    .where(and(eq(deliveries.id, delivery.id), eq(deliveries.state, "sending")))
    .returning({ id: deliveries.id });
  ctx.logger?.info("unrecorded send found at the provider and recorded", {
    messageId: delivery.messageId,
    providerId: found.providerId,
  });
  return recorded.length > 0
    ? { state: "sent", providerId: found.providerId }
    : { state: "already_done", current: "sending" };
}

function appendAttempt(attempt: DeliveryAttempt) {
  return sql`${deliveries.attempts} || ${JSON.stringify([attempt])}::jsonb`;
}

/** Sends tried so far (sent or refused), across jobs. */
export function sendCount(delivery: DeliveryRow): number {
  return delivery.attempts.filter(
    (a) => a.outcome === "sent" || a.outcome === "found" || a.outcome === "failed",
  ).length;
}

export async function finish(
  db: Db,
  delivery: DeliveryRow,
  state: "blocked" | "failed" | "undelivered",
  attempt: DeliveryAttempt,
  now: Date,
  code?: string,
) {
  await db
    .update(deliveries)
    .set({ state, errorCode: code ?? null, attempts: appendAttempt(attempt), updatedAt: now })
    .where(eq(deliveries.id, delivery.id));
}

/** A case notice that never reached the citizen is shown to staff on the case. */
export async function recordFailedNotice(db: Db, delivery: DeliveryRow, code: string | undefined, now: Date) {
  if (!delivery.caseReference) return;
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.reference, delivery.caseReference))
    .limit(1);
  if (!row) return;
  await db.insert(caseEvents).values({
    caseId: row.id,
    type: "case.notice_failed",
    note: `The ${delivery.channel.toUpperCase()} notice to the citizen was not delivered${code ? ` (error ${code})` : ""}.`,
    actorType: "system",
    actorId: `channel:${delivery.channel}`,
    data: { channel: delivery.channel, messageId: delivery.messageId, errorCode: code ?? null },
    createdAt: now,
  });
}
