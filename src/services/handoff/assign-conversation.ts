import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { conversationEvents, conversations, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { requireStaff } from "../cases/context";
import { recordAudit } from "../cases/record-audit";
import type { ConversationRow } from "../conversations/context";
import { HANDOFF_ROLES, type HandoffContext, lockConversation } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

/**
 * The department a conversation is about: its latest case, else the service its case intake is
 * about (the catalogue and routing chose both). Null means the general queue.
 */
export async function departmentOfConversation(db: Db, conversationId: string): Promise<string | null> {
  const result = (await db.execute(sql`select coalesce(
    (select c.department_code from cases c where c.conversation_id = ${conversationId}
       order by c.created_at desc limit 1),
    (select s.department_code from case_intakes i join services s on s.code = i.service_code
       where i.conversation_id = ${conversationId} order by i.updated_at desc limit 1)) as department`)) as unknown as {
    rows: { department: string | null }[];
  };
  return result.rows[0]?.department ?? null;
}

/** Conversations a staff member is working or has been given: both count towards their capacity. */
const LOADED_STATES = ["waiting", "human"];

/**
 * Gives a waiting conversation to one available staff member who speaks its language and works its
 * department (or every department): the least loaded below their capacity, and among equals the one
 * assigned longest ago (the round-robin marker is stored on the staff row, so it is fair across
 * processes). The candidates' rows are locked, so two processes assigning at once never both count
 * the same free place. Returns the staff id, or null when nobody fits (the conversation stays in the
 * general queue for whoever takes it).
 */
export async function assignWaitingConversation(
  tx: Db,
  conversation: ConversationRow,
  now: Date,
): Promise<string | null> {
  if (conversation.state !== "waiting") return null;
  const department = await departmentOfConversation(tx, conversation.id);
  const eligible = await tx
    .select({ id: staffUsers.id, capacity: staffUsers.capacity, lastAssignedAt: staffUsers.lastAssignedAt })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.active, true),
        eq(staffUsers.available, true),
        sql`${staffUsers.roles} && ${sql.raw(`array['${HANDOFF_ROLES.join("','")}']::text[]`)}`,
        sql`(cardinality(${staffUsers.languages}) = 0 or ${conversation.lang} = any(${staffUsers.languages}))`,
        department === null
          ? sql`true`
          : sql`(cardinality(${staffUsers.departments}) = 0 or ${department} = any(${staffUsers.departments}))`,
      ),
    )
    .orderBy(asc(staffUsers.id))
    .for("update");
  if (eligible.length === 0) return null;
  const loads = await tx
    .select({ staffId: conversations.assignedStaffId, n: count() })
    .from(conversations)
    .where(
      and(
        inArray(
          conversations.assignedStaffId,
          eligible.map((s) => s.id),
        ),
        inArray(conversations.state, LOADED_STATES),
      ),
    )
    .groupBy(conversations.assignedStaffId);
  const loadOf = new Map(loads.map((row) => [row.staffId, Number(row.n)]));
  const chosen = eligible
    .map((s) => ({ ...s, load: loadOf.get(s.id) ?? 0 }))
    .filter((s) => s.load < s.capacity)
    .sort(
      (a, b) =>
        a.load - b.load ||
        (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
        a.id.localeCompare(b.id),
    )[0];
  if (!chosen) return null;
  await tx
    .update(conversations)
    .set({ assignedStaffId: chosen.id, updatedAt: now })
    .where(eq(conversations.id, conversation.id));
  await tx.update(staffUsers).set({ lastAssignedAt: now }).where(eq(staffUsers.id, chosen.id));
  await tx.insert(conversationEvents).values({
    conversationId: conversation.id,
    kind: "assigned",
    fromState: conversation.state,
    toState: conversation.state,
    actorKind: "system",
    actorId: "queue",
    reason: department ? `department:${department}` : "general_queue",
    text: chosen.id,
    createdAt: now,
  });
  return chosen.id;
}

/**
 * Assigns the unassigned waiting conversations, longest waiting first, to whoever is available now
 * (run when someone becomes available). Returns how many found a person.
 */
export async function assignQueuedConversations(db: Db, now: Date, limit = 50): Promise<number> {
  const waiting = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.state, "waiting"), isNull(conversations.assignedStaffId)))
    .orderBy(sql`${conversations.handoffRequestedAt} asc nulls last`, asc(conversations.createdAt))
    .limit(limit);
  let assigned = 0;
  for (const { id } of waiting) {
    const staffId = await db.transaction(async (tx) => {
      const conversation = await lockConversation(tx, id);
      if (conversation.state !== "waiting" || conversation.assignedStaffId) return null;
      return assignWaitingConversation(tx, conversation, now);
    });
    if (staffId) assigned++;
  }
  return assigned;
}

/**
 * Inside the caller's transaction: the staff member becomes unavailable, and the waiting conversations
 * the queue gave them (not yet taken) go back to the queue, each with an `assigned` event saying who
 * and why. Conversations they hold stay theirs. The caller runs `assignQueuedConversations` after
 * committing, so those conversations find someone else. Null when there is no such staff member.
 */
export async function withdrawFromQueue(
  tx: Db,
  staffId: string,
  change: { actorId: string; reason: string; now: Date },
): Promise<{ wasAvailable: boolean; released: number } | null> {
  const [before] = await tx
    .select({ available: staffUsers.available })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId))
    .for("update");
  if (!before) return null;
  await tx
    .update(staffUsers)
    .set({ available: false, resumeAvailableUntil: null })
    .where(eq(staffUsers.id, staffId));
  const freed = await tx
    .update(conversations)
    .set({ assignedStaffId: null, updatedAt: change.now })
    .where(and(eq(conversations.state, "waiting"), eq(conversations.assignedStaffId, staffId)))
    .returning({ id: conversations.id });
  for (const { id } of freed) {
    await tx.insert(conversationEvents).values({
      conversationId: id,
      kind: "assigned",
      fromState: "waiting",
      toState: "waiting",
      actorKind: "staff",
      actorId: change.actorId,
      reason: change.reason,
      text: null,
      createdAt: change.now,
    });
  }
  return { wasAvailable: before.available, released: freed.length };
}

export const SetAvailabilityInput = z.object({ available: z.boolean() });

/**
 * A staff member says whether the queue may give them conversations. Going unavailable hands the
 * waiting conversations assigned to them (not yet taken) back to the queue, which assigns them again.
 */
export async function setStaffAvailability({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<{ available: boolean; assigned: number }> {
  const actor = requireStaff(ctx.actor as Parameters<typeof requireStaff>[0], HANDOFF_ROLES);
  const parsed = SetAvailabilityInput.parse(input);
  const now = ctx.now ?? new Date();
  const db = ctx.database.db;
  const released = await db.transaction(async (tx) => {
    let freed = 0;
    if (parsed.available) {
      const updated = await tx
        .update(staffUsers)
        .set({ available: true, resumeAvailableUntil: null })
        .where(eq(staffUsers.id, actor.userId))
        .returning({ id: staffUsers.id });
      if (updated.length === 0) throw new DomainError("not_found", "No staff account for this sign-in.");
    } else {
      const withdrawn = await withdrawFromQueue(tx, actor.userId, {
        actorId: actor.userId,
        reason: "staff_unavailable",
        now,
      });
      if (!withdrawn) throw new DomainError("not_found", "No staff account for this sign-in.");
      freed = withdrawn.released;
    }
    await recordAudit(tx, actor, ctx.requestId, {
      action: "staff.availability",
      subjectType: "staff_user",
      subjectId: actor.userId,
      details: { available: parsed.available, released: freed },
    });
    return freed;
  });
  const assigned = parsed.available || released > 0 ? await assignQueuedConversations(db, now) : 0;
  return { available: parsed.available, assigned };
}

export const AssignConversationInput = z.object({
  conversationId: z.string(),
  staffId: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(1).max(500).default("supervisor_reassign"),
});

/**
 * A supervisor (or admin) gives a waiting or held conversation to another staff member. A waiting
 * one stays waiting for them to take it; a held one passes to them at once. Agents cannot reassign.
 */
export async function assignConversation({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<HandoffSummary> {
  const actor = requireStaff(ctx.actor as Parameters<typeof requireStaff>[0], ["supervisor", "admin"]);
  const parsed = AssignConversationInput.parse(input);
  const now = ctx.now ?? new Date();
  const summary = await ctx.database.db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, parsed.conversationId);
    if (conversation.state !== "waiting" && conversation.state !== "human") {
      throw new DomainError(
        "conflict",
        "Only a conversation waiting for or held by a person can be assigned.",
      );
    }
    const [target] = await tx.select().from(staffUsers).where(eq(staffUsers.id, parsed.staffId)).limit(1);
    if (!target?.active || !target.roles.some((r) => (HANDOFF_ROLES as string[]).includes(r))) {
      throw new DomainError("invalid_input", "No active agent, supervisor or admin with that id.");
    }
    const [moved] = await tx
      .update(conversations)
      .set({ assignedStaffId: target.id, updatedAt: now })
      .where(eq(conversations.id, conversation.id))
      .returning();
    await tx.update(staffUsers).set({ lastAssignedAt: now }).where(eq(staffUsers.id, target.id));
    await tx.insert(conversationEvents).values({
      conversationId: conversation.id,
      kind: "assigned",
      fromState: conversation.state,
      toState: conversation.state,
      actorKind: "staff",
      actorId: actor.userId,
      reason: parsed.reason,
      text: target.id,
      createdAt: now,
    });
    await recordAudit(tx, actor, ctx.requestId, {
      action: "conversation.assign",
      subjectType: "conversation",
      subjectId: conversation.id,
      details: { from: conversation.assignedStaffId, to: target.id, state: conversation.state },
    });
    return toHandoffSummary(moved!, now);
  });
  announceHandoffActivity(summary.id);
  return summary;
}

export interface AssignableStaff {
  id: string;
  name: string | null;
  available: boolean;
  /** Conversations waiting for them or held by them now. */
  load: number;
  capacity: number;
  languages: string[];
  departments: string[];
}

/** Who a supervisor can give a conversation to: active agents, supervisors and admins, with their load. */
export async function listAssignableStaff({ ctx }: { ctx: HandoffContext }): Promise<AssignableStaff[]> {
  requireStaff(ctx.actor as Parameters<typeof requireStaff>[0], ["supervisor", "admin"]);
  const db = ctx.database.db;
  const people = await db
    .select()
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.active, true),
        sql`${staffUsers.roles} && ${sql.raw(`array['${HANDOFF_ROLES.join("','")}']::text[]`)}`,
      ),
    )
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .limit(500);
  const loads = await db
    .select({ staffId: conversations.assignedStaffId, n: count() })
    .from(conversations)
    .where(inArray(conversations.state, LOADED_STATES))
    .groupBy(conversations.assignedStaffId);
  const loadOf = new Map(loads.map((row) => [row.staffId, Number(row.n)]));
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    available: p.available,
    load: loadOf.get(p.id) ?? 0,
    capacity: p.capacity,
    languages: p.languages,
    departments: p.departments,
  }));
}
