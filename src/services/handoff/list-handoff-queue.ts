import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { conversations } from "../../db/schema";
import { recordAudit } from "../cases/record-audit";
import { type HandoffContext, requireHandoffStaff } from "./context";
import { type HandoffSummary, toHandoffSummary } from "./handoff-view";

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).min(1));

export const ListHandoffQueueInput = z.object({
  /** waiting (the queue) by default; `human` lists conversations staff hold. */
  state: commaList(z.enum(["waiting", "human"])).default(["waiting"]),
  department: z.string().trim().min(1).max(100).optional(),
  lang: z.string().trim().min(2).max(10).optional(),
  /** "me" stands for the signed-in staff user. */
  assignee: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export interface QueueEntry extends HandoffSummary {
  /** From the citizen's latest case or the service their intake is about; null when unknown. */
  department: string | null;
  /** The citizen's latest message (redacted), for the queue's one-line preview. */
  lastCitizenText: string | null;
  /** The name of the staff member it is assigned to or held by, for people rather than ids. */
  assignedStaffName: string | null;
}

// The department the conversation is about: its latest case, else the service of its case intake.
const departmentOf = sql<string | null>`coalesce(
  (select c.department_code from cases c where c.conversation_id = "conversations"."id"
     order by c.created_at desc limit 1),
  (select s.department_code from case_intakes i join services s on s.code = i.service_code
     where i.conversation_id = "conversations"."id" order by i.updated_at desc limit 1))`;
const assignedStaffName = sql<string | null>`(select s.name from staff_users s
  where s.id = "conversations"."assigned_staff_id")`;
const lastCitizenText = sql<string | null>`(select m.text from messages m
  where m.conversation_id = "conversations"."id" and m.role = 'citizen' order by m.sequence desc limit 1)`;

/** The handoff queue: longest waiting first, with department, language and waiting time. */
export async function listHandoffQueue({
  ctx,
  input,
}: {
  ctx: HandoffContext;
  input: unknown;
}): Promise<{ conversations: QueueEntry[] }> {
  const actor = requireHandoffStaff(ctx);
  const filters = ListHandoffQueueInput.parse(input ?? {});
  const now = ctx.now ?? new Date();
  const list = await readHandoffQueue(ctx.database.db, filters, actor.userId, now);
  await recordAudit(ctx.database.db, actor, ctx.requestId, {
    action: "conversation.list",
    subjectType: "conversation",
    subjectId: null,
    details: { filters, count: list.length },
  });
  return { conversations: list };
}

/**
 * The queue as `listHandoffQueue` reads it, without the audit row: for a live view that the caller
 * audited once when it opened, and reads again every few seconds.
 */
export async function readHandoffQueue(
  db: Db,
  filters: z.output<typeof ListHandoffQueueInput>,
  viewerId: string,
  now: Date,
): Promise<QueueEntry[]> {
  const where: SQL[] = [inArray(conversations.state, filters.state)];
  if (filters.lang) where.push(eq(conversations.lang, filters.lang));
  if (filters.assignee) {
    where.push(eq(conversations.assignedStaffId, filters.assignee === "me" ? viewerId : filters.assignee));
  }
  if (filters.department) where.push(sql`${departmentOf} = ${filters.department}`);
  const rows = await db
    .select({ conversation: conversations, department: departmentOf, lastCitizenText, assignedStaffName })
    .from(conversations)
    .where(and(...where))
    .orderBy(sql`${conversations.handoffRequestedAt} asc nulls last`, asc(conversations.createdAt))
    .limit(filters.limit);
  return rows.map((row) => ({
    ...toHandoffSummary(row.conversation, now),
    department: row.department,
    lastCitizenText: row.lastCitizenText,
    assignedStaffName: row.assignedStaffName,
  }));
}
