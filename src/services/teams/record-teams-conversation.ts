import { eq, sql } from "drizzle-orm";
import { teamsConversations } from "../../db/schema";
import type { TeamsIncoming } from "../../ports/teams-channel";
import type { TeamsContext } from "./context";

/**
 * Keeps the conversation reference of every Teams conversation the bot hears from (installation,
 * first message, any later message), so it can post there later. For a 1:1 chat with a known staff
 * member, the chat is recorded as theirs.
 */
export async function recordTeamsConversation({
  ctx,
  incoming,
  staffUserId,
}: {
  ctx: Pick<TeamsContext, "database" | "now">;
  incoming: TeamsIncoming;
  staffUserId?: string | undefined;
}): Promise<void> {
  const now = ctx.now ?? new Date();
  const personalOwner = incoming.kind === "personal" && staffUserId ? { staffUserId } : {};
  await ctx.database.db
    .insert(teamsConversations)
    .values({
      id: incoming.rootConversationId,
      kind: incoming.kind,
      reference: incoming.reference,
      tenantId: incoming.tenantId ?? null,
      ...personalOwner,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: teamsConversations.id,
      set: { reference: incoming.reference, updatedAt: now, ...personalOwner },
    });
}

/** Forgets a conversation the bot was removed from. */
export async function forgetTeamsConversation({
  ctx,
  rootConversationId,
}: {
  ctx: Pick<TeamsContext, "database">;
  rootConversationId: string;
}): Promise<void> {
  await ctx.database.db.delete(teamsConversations).where(eq(teamsConversations.id, rootConversationId));
}

/** Points a department's escalations at a channel (`*` for every department without its own). */
export async function linkTeamsChannel({
  ctx,
  rootConversationId,
  departmentCode,
}: {
  ctx: Pick<TeamsContext, "database" | "now">;
  rootConversationId: string;
  departmentCode: string;
}): Promise<boolean> {
  const rows = await ctx.database.db
    .update(teamsConversations)
    .set({ departmentCode, updatedAt: ctx.now ?? new Date() })
    .where(sql`${teamsConversations.id} = ${rootConversationId} and ${teamsConversations.kind} = 'channel'`)
    .returning({ id: teamsConversations.id });
  return rows.length > 0;
}
