import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseFollowers, cases, services } from "../../db/schema";
import { isDomainError } from "../../domain/errors";
import { caseText, formatCaseDate } from "../../i18n/cases";
import { readQuestionForm } from "../language/question-form";
import { ACTIVE_STATUSES, type CaseStatus } from "./case-status";
import { pickLanguage } from "./case-view";
import type { CaseContext, CitizenActor } from "./context";
import { getCitizenCase } from "./get-citizen-case";
import { foldAnswer } from "./intake-answers";

export interface StatusAnswer {
  reply: string;
  case?: { reference: string; status: string };
}

const statusLabel = (lang: string, status: string) => caseText(lang, `status.${status as CaseStatus}`);

/** "What is the status of CD-2026-000123?": answered only for the case's own citizens, "not found" for anyone else. */
export async function answerCaseStatus(
  ctx: CaseContext<CitizenActor>,
  reference: string,
  lang: string,
): Promise<StatusAnswer> {
  try {
    const view = await getCitizenCase({ ctx, input: { reference, lang } });
    const parts = [
      caseText(lang, "status.reply", {
        reference: view.reference,
        service: view.service.name,
        status: statusLabel(lang, view.status),
        opened: formatCaseDate(new Date(view.createdAt), lang),
      }),
    ];
    if (view.expectedAt && (ACTIVE_STATUSES as readonly string[]).includes(view.status)) {
      parts.push(
        caseText(lang, "status.expected", { date: formatCaseDate(new Date(view.expectedAt), lang) }),
      );
    }
    const latestNote = view.history.findLast((h) => h.note)?.note;
    if (latestNote) parts.push(caseText(lang, "status.latest_note", { note: latestNote }));
    return { reply: parts.join(" "), case: { reference: view.reference, status: view.status } };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") {
      return { reply: caseText(lang, "status.not_found", { reference }) };
    }
    throw error;
  }
}

const STATUS_WORDS =
  /\b(status|statut|stadiu\w*|stare\w*|estado|stand|update|updates|news|nouvelles|suivi|noutati|neuigkeiten|where is|ou en est|happened)\b/;
const CASE_WORDS =
  /\b(case|cases|report|reports|request|complaint|dossier|signalement|demande|reclamation|caz|cazul\w*|sesizar\w*|cerer\w*|reclamati\w*|vorgang|meldung|anliegen|incidencia|solicitud|queja|aviso)\b/;
const OWN_WORDS = /\b(my|mon|ma|mes|mea|meu|mele|mein\w*|mi|mis)\b/;

/** "What's the status of my report?" without a reference. */
export function asksAboutOwnCase(text: string): boolean {
  const folded = foldAnswer(text);
  return STATUS_WORDS.test(folded) && CASE_WORDS.test(folded) && OWN_WORDS.test(folded);
}

const PROGRESS_WORDS =
  /\b(fixed|repaired|mended|done|sorted|resolved|cleared|removed|collected|happening|progress|news|yet|repare\w*|resolu\w*|enleve\w*|nouvelles|reparat\w*|rezolvat\w*|ridicat\w*|inca|deja|noutati|repariert|erledigt|behoben|schon|arreglad\w*|reparad\w*|resuelt\w*|ya|javit\w*|megoldod\w*|mar)\b/;
const OWN_OBJECT =
  /\b(my|our|mon|ma|mes|notre|nos|meu|mea|mei|mele|nostru|noastra|mein\w*|unser\w*|mi|mis|nuestr\w*|it|this|that|ca|cela|asta|aceasta|es|das|esto|eso)\b/;

/**
 * "Is my street light fixed yet?", "any news?": a question about progress with no case word; it is
 * about the citizen's own case only when they have one (the caller checks that).
 */
export function asksAboutProgress(text: string): boolean {
  const folded = foldAnswer(text);
  return PROGRESS_WORDS.test(folded) && OWN_OBJECT.test(folded) && readQuestionForm(text).asks;
}

/** The citizen's latest cases with their status, or a request for the reference when there are none. */
export async function answerOwnCases(db: Db, contactId: string, lang: string): Promise<StatusAnswer> {
  const followed = db
    .select({ id: caseFollowers.caseId })
    .from(caseFollowers)
    .where(eq(caseFollowers.contactId, contactId));
  const rows = await db
    .select({ reference: cases.reference, status: cases.status, serviceNames: services.names })
    .from(cases)
    .innerJoin(services, eq(services.code, cases.serviceCode))
    .where(or(eq(cases.contactId, contactId), inArray(cases.id, followed)))
    .orderBy(desc(cases.createdAt))
    .limit(3);
  if (rows.length === 0) return { reply: caseText(lang, "status.ask_reference") };
  const lines = rows.map(
    (r) => `• ${r.reference} (${pickLanguage(r.serviceNames, lang)}): ${statusLabel(lang, r.status)}`,
  );
  const latest = rows[0]!;
  return {
    reply: `${caseText(lang, "status.your_cases")}\n${lines.join("\n")}`,
    case: { reference: latest.reference, status: latest.status },
  };
}
