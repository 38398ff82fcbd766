import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { TeamsChannel } from "../../ports/teams-channel";
import type { EnqueueDelivery } from "../deliveries/context";
import type { SummaryDeps } from "../handoff/summarize-conversation";
import type { KnowledgeContext } from "../knowledge/context";

/** What the Teams staff verbs need: the database, the Teams channel, and where the console lives. */
export interface TeamsContext {
  database: Database;
  teams: TeamsChannel;
  logger: Logger;
  /** The public base URL; "Open in console" links point under it. */
  consoleBaseUrl?: string | undefined;
  /** Staff replies to SMS citizens go out through it (as from the console). */
  enqueueDelivery?: EnqueueDelivery | undefined;
  /** The knowledge base staff can ask in a 1:1 chat; absent, they are told it is not available. */
  knowledge?: KnowledgeContext | undefined;
  /** Writes the card's summary with the chat model; the citizen's own words without it. */
  summaries?: SummaryDeps | undefined;
  now?: Date;
}

/** `department_code` of a channel that takes escalations no linked department claims. */
export const ANY_DEPARTMENT = "*";
