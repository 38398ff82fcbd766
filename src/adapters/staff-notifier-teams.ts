import type { Database } from "../db/client";
import type { Logger } from "../logger";
import type { SlaAlert, StaffNotifier } from "../ports/staff-notifier";
import type { TeamsChannel } from "../ports/teams-channel";
import { findStaffAlertDelivery } from "../services/teams/staff-alerts";

/**
 * SLA warnings, breaches and escalation steps as proactive Teams messages, from the conversation
 * references stored when staff installed or messaged the bot. With nowhere to send one, it is logged.
 */
export function createTeamsStaffNotifier(options: {
  database: Database;
  teams: TeamsChannel;
  logger: Logger;
}): StaffNotifier {
  const { database, teams, logger } = options;
  return {
    async notifyStaff(alert: SlaAlert) {
      const delivery = await findStaffAlertDelivery({ ctx: { database }, alert });
      if (delivery.references.length === 0) {
        logger.warn("sla alert has no teams recipient", {
          caseReference: alert.caseReference,
          kind: alert.kind,
          notify: alert.notify,
          departmentCode: alert.departmentCode,
        });
        return;
      }
      for (const { reference, to } of delivery.references) {
        try {
          await teams.send(reference, { text: delivery.text });
        } catch (error) {
          logger.warn("sla alert not delivered to teams", {
            caseReference: alert.caseReference,
            to,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
  };
}
