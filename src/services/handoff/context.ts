import { eq } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { conversationEvents, conversations } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { JobQueue } from "../../ports/job-queue";
import type { StaffActor, StaffRole } from "../cases/context";
import { requireStaff } from "../cases/context";
import type { ConversationRow, ConversationState } from "../conversations/context";
import type { EnqueueDelivery } from "../deliveries/context";
import type { SensitiveTopic } from "./sensitive-topics";
import type { SummaryDeps } from "./summarize-conversation";

/** How the queue treats a request for a person; built from config by the app, passed down as deps. */
export interface HandoffSettings {
  /** Minutes a conversation may wait for a person before the citizen is told and offered a case or call back. */
  pickupTimeoutMinutes: number;
  /** When true, a request out of the department's business hours is answered honestly instead of queued. */
  businessHours: boolean;
  /** Where the pick-up check is queued; without a queue no check is planned. */
  jobQueue?: JobQueue | undefined;
  /** Topics on which an unanswered question goes straight to a person. */
  sensitiveTopics?: readonly SensitiveTopic[] | undefined;
}

export interface HandoffContext {
  database: Database;
  actor: StaffActor | { kind: "system"; name: string } | { kind: "citizen"; contactId: string };
  /** Queues SMS deliveries of staff replies; without it a reply to an SMS citizen is refused. */
  enqueueDelivery?: EnqueueDelivery;
  /** The request's id, copied into audit rows. */
  requestId?: string;
  /** The chat model that writes conversation summaries; the extractive summary only without it. */
  summaries?: SummaryDeps | undefined;
  now?: Date;
}

/** Roles that may work the handoff queue. */
export const HANDOFF_ROLES: readonly StaffRole[] = ["agent", "supervisor", "admin"];

export function requireHandoffStaff(ctx: HandoffContext): StaffActor {
  return requireStaff(ctx.actor as StaffActor, HANDOFF_ROLES);
}

export function parseConversationId(value: unknown): string {
  if (
    typeof value !== "string" ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  ) {
    throw new DomainError("not_found", "No such conversation.");
  }
  return value;
}

/** Loads the conversation with its row locked, so an owner change and a bot reply never interleave. */
export async function lockConversation(tx: Db, conversationId: string): Promise<ConversationRow> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(eq(conversations.id, parseConversationId(conversationId)))
    .limit(1)
    .for("update");
  if (!row) throw new DomainError("not_found", "No such conversation.");
  return row;
}

function actorOf(ctx: Pick<HandoffContext, "actor">): { actorKind: string; actorId: string | null } {
  if (ctx.actor.kind === "staff") return { actorKind: "staff", actorId: ctx.actor.userId };
  if (ctx.actor.kind === "citizen") return { actorKind: "citizen", actorId: ctx.actor.contactId };
  return { actorKind: "system", actorId: ctx.actor.name };
}

/**
 * Gives a locked conversation a new owner and records who did it, when and why, in the same
 * transaction as the change.
 */
export async function changeOwner(
  tx: Db,
  ctx: Pick<HandoffContext, "actor">,
  conversation: ConversationRow,
  change: { to: ConversationState; reason: string; assignedStaffId?: string | null; now: Date },
): Promise<ConversationRow> {
  const [moved] = await tx
    .update(conversations)
    .set({
      state: change.to,
      updatedAt: change.now,
      ...(change.assignedStaffId !== undefined ? { assignedStaffId: change.assignedStaffId } : {}),
      ...(change.to === "waiting" ? { handoffRequestedAt: change.now, handoffReason: change.reason } : {}),
    })
    .where(eq(conversations.id, conversation.id))
    .returning();
  await tx.insert(conversationEvents).values({
    conversationId: conversation.id,
    kind: "owner_changed",
    fromState: conversation.state,
    toState: change.to,
    reason: change.reason,
    ...actorOf(ctx),
    createdAt: change.now,
  });
  return moved!;
}
