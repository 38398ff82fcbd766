import { and, arrayContains, eq, inArray } from "drizzle-orm";
import { staffUsers, teamsConversations } from "../../db/schema";
import type { SlaAlert } from "../../ports/staff-notifier";
import type { TeamsReference } from "../../ports/teams-channel";
import { ANY_DEPARTMENT, type TeamsContext } from "./context";
import { durationText } from "./escalation-card";

/** Who an alert is for in Teams: staff 1:1 chats, or the department's channel when none of them has one. */
export interface StaffAlertDelivery {
  references: { reference: TeamsReference; to: string }[];
  text: string;
}

const TIMER_LABEL: Record<string, string> = {
  first_response: "first response",
  next_response: "next response",
  resolution: "resolution",
};

/**
 * Where an SLA warning, breach or escalation step goes in Teams: the case's assignee (assignee), the
 * department's supervisors (team_lead) or admins (department_head), each in their 1:1 chat with the
 * bot. When none of them has one, the department's channel gets it instead, so nobody misses it.
 */
export async function findStaffAlertDelivery({
  ctx,
  alert,
}: {
  ctx: Pick<TeamsContext, "database">;
  alert: SlaAlert;
}): Promise<StaffAlertDelivery> {
  const db = ctx.database.db;
  let staffIds: string[] = [];
  if (alert.notify === "assignee") {
    staffIds = alert.assigneeId ? [alert.assigneeId] : [];
  } else {
    const role = alert.notify === "team_lead" ? "supervisor" : "admin";
    const leads = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(
        and(
          eq(staffUsers.active, true),
          arrayContains(staffUsers.roles, [role]),
          arrayContains(staffUsers.departments, [alert.departmentCode]),
        ),
      );
    staffIds = leads.map((l) => l.id);
  }
  const chats = staffIds.length
    ? await db
        .select()
        .from(teamsConversations)
        .where(
          and(eq(teamsConversations.kind, "personal"), inArray(teamsConversations.staffUserId, staffIds)),
        )
    : [];
  let references = chats.map((c) => ({ reference: c.reference, to: `staff:${c.staffUserId}` }));
  if (references.length === 0) {
    const channels = await db
      .select()
      .from(teamsConversations)
      .where(
        and(
          eq(teamsConversations.kind, "channel"),
          inArray(teamsConversations.departmentCode, [alert.departmentCode, ANY_DEPARTMENT]),
        ),
      );
    const channel = channels.find((c) => c.departmentCode === alert.departmentCode) ?? channels[0];
    references = channel ? [{ reference: channel.reference, to: `channel:${channel.departmentCode}` }] : [];
  }
  return { references, text: alertText(alert) };
}

export function alertText(alert: SlaAlert): string {
  const timer = TIMER_LABEL[alert.timer] ?? alert.timer;
  // Counted from the timer's own due time: a warning's job falls due before it, a later step after it.
  const gap = (alert.timerDueAt.getTime() - alert.firedAt.getTime()) / 1000;
  const when = gap >= 0 ? `due in ${durationText(gap)}` : `overdue by ${durationText(gap)}`;
  const due = `${alert.timerDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (alert.kind === "sla.warn") {
    return `SLA warning: case ${alert.caseReference} (${alert.departmentCode}), ${timer} ${when} (${due}).`;
  }
  if (alert.kind === "sla.breach") {
    return `SLA breached: case ${alert.caseReference} (${alert.departmentCode}), ${timer} was due ${due}.`;
  }
  return `SLA escalation (step ${(alert.step ?? 0) + 1}): case ${alert.caseReference} (${alert.departmentCode}), ${timer} ${when} (${due}).`;
}
