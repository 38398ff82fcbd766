import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { deliveries } from "../../db/schema";
import {
  type DeliveryContext,
  type DeliveryTarget,
  MAX_SEND_ATTEMPTS,
  RETRYABLE_STATUS_CODES,
} from "./context";
import { type DeliveryRow, finish, recordFailedNotice, sendCount } from "./deliver-message";
import { setContactConsent } from "./set-contact-consent";

export const DeliveryStatusInput = z.object({
  providerId: z.string().trim().min(1).max(64),
  status: z.string().trim().min(1).max(32),
  errorCode: z.string().trim().max(16).optional(),
});

// Later statuses never move a message back to an earlier one (callbacks can arrive out of order).
const FINAL = new Set(["delivered", "undelivered", "failed", "blocked"]);

export type DeliveryStatusResult =
  | { outcome: "unknown" }
  | { outcome: "recorded"; state: string }
  /** Not delivered, but worth another send: the caller queues it. */
  | { outcome: "retry"; kind: "reply" | "notification"; target: DeliveryTarget; sends: number };

/**
 * Records a provider's delivery report (Twilio's status callback). `undelivered` and `failed` are
 * sent again while the error may clear and sends remain; otherwise they are final, a case notice's
 * failure is put on the case, and 21610 marks the contact opted out.
 */
export async function recordDeliveryStatus({
  ctx,
  input,
}: {
  ctx: DeliveryContext;
  input: unknown;
}): Promise<DeliveryStatusResult> {
  const parsed = DeliveryStatusInput.parse(input);
  const db = ctx.database.db;
  const now = ctx.now ?? new Date();
  const [delivery] = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.providerId, parsed.providerId))
    .limit(1);
  if (!delivery) return { outcome: "unknown" };

  const code = parsed.errorCode || undefined;
  const attempt = {
    at: now.toISOString(),
    outcome: `status:${parsed.status}`,
    providerId: parsed.providerId,
    ...(code ? { code } : {}),
  };
  if (FINAL.has(delivery.state) || delivery.providerId !== parsed.providerId) {
    await appendOnly(ctx, delivery, attempt);
    return { outcome: "recorded", state: delivery.state };
  }
  if (parsed.status === "delivered") {
    await db
      .update(deliveries)
      .set({
        state: "delivered",
        attempts: sql`${deliveries.attempts} || ${JSON.stringify([attempt])}::jsonb`,
        updatedAt: now,
      })
      .where(eq(deliveries.id, delivery.id));
    return { outcome: "recorded", state: "delivered" };
  }
  if (parsed.status !== "undelivered" && parsed.status !== "failed") {
    await appendOnly(ctx, delivery, attempt);
    return { outcome: "recorded", state: delivery.state };
  }

  if (code === "21610" && delivery.contactId) {
    await setContactConsent(db, delivery.contactId, delivery.channel, {
      allowed: false,
      source: "provider:21610",
      now,
    });
    await finish(db, delivery, "blocked", attempt, now, code);
    return { outcome: "recorded", state: "blocked" };
  }
  const sends = sendCount(delivery);
  if (code && RETRYABLE_STATUS_CODES.has(code) && sends < MAX_SEND_ATTEMPTS) {
    await db
      .update(deliveries)
      .set({
        state: "pending",
        providerId: null,
        errorCode: code,
        attempts: sql`${deliveries.attempts} || ${JSON.stringify([attempt])}::jsonb`,
        updatedAt: now,
      })
      .where(eq(deliveries.id, delivery.id));
    return {
      outcome: "retry",
      kind: delivery.kind === "notification" ? "notification" : "reply",
      target: {
        messageId: delivery.messageId,
        channel: delivery.channel as DeliveryTarget["channel"],
        address: delivery.address,
        caseReference: delivery.caseReference ?? undefined,
      },
      sends,
    };
  }
  await finish(db, delivery, parsed.status, attempt, now, code);
  await recordFailedNotice(db, delivery, code, now);
  return { outcome: "recorded", state: parsed.status };
}

async function appendOnly(ctx: DeliveryContext, delivery: DeliveryRow, attempt: Record<string, unknown>) {
  await ctx.database.db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} || ${JSON.stringify([attempt])}::jsonb` })
    .where(eq(deliveries.id, delivery.id));
}
