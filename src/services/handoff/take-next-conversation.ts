import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { conversations, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { sendCitizenNotice, storeStaffJoinedNotice } from "./citizen-notice";
import { changeOwner, type HandoffContext, lockConversation, requireHandoffStaff } from "./context";
import { announceHandoffActivity } from "./handoff-activity";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

// The department a waiting conversation is about, as the queue shows it.
const departmentOf = sql<string | null>`coalesce(
  (select c.department_code from cases c where c.conversation_id = "conversations"."id"
     order by c.created_at desc limit 1),
  (select s.department_code from case_intakes i join services s on s.code = i.service_code
     where i.conversation_id = "conversations"."id" order by i.updated_at desc limit 1))`;

/**
 * The staff member takes the longest-waiting conversation they can serve: first those the queue assigned
 * to them, then unassigned ones in one of their languages and departments when their account lists any,
 * and only while they hold fewer than their capacity.
 */
export async function takeNextConversation({ ctx }: { ctx: HandoffContext }): Promise<HandoffSummary> {
  const actor = requireHandoffStaff(ctx);
  const now = ctx.now ?? new Date();
  const db = ctx.database.db;
  const [profile] = await db.select().from(staffUsers).where(eq(staffUsers.id, actor.userId)).limit(1);
  const [held] = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.state, "human"), eq(conversations.assignedStaffId, actor.userId)));
  if (profile && (held?.n ?? 0) >= profile.capacity) {
    throw new DomainError("conflict", `You already hold ${held?.n} conversations, your capacity.`);
  }
  // Conversations the queue assigned to someone else are theirs to take; those assigned to you come first.
  const where: SQL[] = [
    eq(conversations.state, "waiting"),
    or(isNull(conversations.assignedStaffId), eq(conversations.assignedStaffId, actor.userId))!,
  ];
  if (profile && profile.languages.length > 0) where.push(inArray(conversations.lang, profile.languages));
  if (profile && profile.departments.length > 0) {
    // A conversation about no department yet is anyone's; one about a department goes to its staff.
    where.push(or(isNull(departmentOf), inArray(departmentOf, profile.departments))!);
  }
  const candidates = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(...where))
    .orderBy(
      sql`(${conversations.assignedStaffId} is not null) desc`,
      sql`${conversations.handoffRequestedAt} asc nulls last`,
      asc(conversations.createdAt),
    )
    .limit(5);
  for (const candidate of candidates) {
    const taken = await db.transaction(async (tx) => {
      const conversation = await lockConversation(tx, candidate.id);
      // Someone else took it between the listing and the lock: try the next one.
      if (conversation.state !== "waiting") return undefined;
      const moved = await changeOwner(tx, ctx, conversation, {
        to: "human",
        reason: "staff_take_next",
        assignedStaffId: actor.userId,
        now,
      });
      await recordAudit(tx, actor, ctx.requestId, {
        action: "conversation.take_over",
        subjectType: "conversation",
        subjectId: conversation.id,
        details: { from: "waiting", next: true },
      });
      return { moved, notice: await storeStaffJoinedNotice(tx, moved, actor.userId, now) };
    });
    if (taken) {
      announceHandoffActivity(taken.moved.id);
      await sendCitizenNotice(ctx, taken.notice);
      return toHandoffSummary(taken.moved, now);
    }
  }
  throw new DomainError("not_found", "No conversation is waiting for your languages and departments.");
}
