import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { Notifier } from "../../ports/notifier";
import type { CaseSettings } from "../cases/context";

/** What the public Open311 verbs need; the API has no signed-in user, only client API keys for writes. */
export interface Open311Context {
  database: Database;
  /** Language of service names, descriptions and notices (Open311 v2 has no locale parameter). */
  lang: string;
  /** Keys accepted for POST requests; an empty list refuses every write. */
  apiKeys: readonly string[];
  notifier?: Notifier;
  /** Where a new case's SLA timers are queued. */
  jobQueue?: JobQueue;
  logger?: Logger;
  settings?: CaseSettings;
  requestId?: string;
  now?: Date;
}
