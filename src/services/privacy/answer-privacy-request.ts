import type { Database } from "../../db/client";
import { recordAudit } from "../cases/record-audit";
import type { PrivacyRequestKind } from "./detect-privacy-request";
import { privacyTextsFor } from "./privacy-texts";

/** Where the privacy page lives; channels that need a full link prefix their public base URL. */
export const PRIVACY_PAGE_PATH = "/privacy";

/**
 * The chat's answer to a privacy request: a fixed reply pointing to the verified process (staff check
 * the citizen's identity, then export or erase), and an audit row so the request is never lost.
 */
export async function answerPrivacyRequest({
  database,
  contactId,
  conversationId,
  kind,
  lang,
  now,
}: {
  database: Database;
  contactId: string;
  conversationId: string;
  kind: PrivacyRequestKind;
  lang: string;
  now: Date;
}): Promise<{ status: "privacy_request"; text: string }> {
  await recordAudit(database.db, { kind: "citizen", contactId }, undefined, {
    action: `privacy.request_${kind}`,
    subjectType: "contact",
    subjectId: contactId,
    details: { conversationId, lang, at: now.toISOString() },
  });
  const url = `${PRIVACY_PAGE_PATH}?lang=${encodeURIComponent(lang)}`;
  return { status: "privacy_request", text: privacyTextsFor(lang).reply.replace("{url}", url) };
}
