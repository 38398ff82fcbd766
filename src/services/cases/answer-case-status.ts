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

// Words that ask how something stands, folded, in the supported languages.
const STATUS_WORDS =
  /\b(status|statut|stadiu\w*|stare\w*|situati\w*|estado|stand|update|updates|news|progress|nouvelles|nouveau|suivi|avancement|etat|noutat\w*|noutate|neuigkeiten|neues|sachstand|novedad\w*|did you get|did you receive|have you received|have you got|avez vous recu|vous avez recu|ati primit|ai primit|haben sie erhalten|habt ihr erhalten|han recibido|recibieron|where is my|where s my|wheres my|where are my|what s happening|whats happening|what is happening|what happened|whats happened|what s going on|how is|how s|hows|come along|coming along|heard back|looked at|happened|ou en est|ou en sont|ca en est|que devient|qu est devenu|se intampla|s a intamplat|ce mai face|was ist mit|was ist aus|wie weit|como va|como van|que pasa con|que paso con|que ha pasado|allapot\w*|hol tart)\b/;
// Words that name a case, a report or a request, folded.
const CASE_WORDS =
  /\b(case|cases|ticket|report|reports|request|requests|complaint|complaints|enquiry|claim|dossier|dossiers|signalement|signalements|demande|demandes|reclamation|plainte|caz|cazul\w*|sesizar\w*|cerer\w*|solicitar\w*|reclamati\w*|plangere\w*|vorgang|meldung|meldungen|anliegen|antrag|beschwerde|incidencia\w*|solicitud\w*|queja\w*|aviso|avisos|reclamacion\w*|ugy\w*|bejelentes\w*)\b/;
// Words that make the case the citizen's own: "my", or "the one I reported / made / opened".
const OWN_WORDS =
  /\b(my|mon|ma|mes|mea|meu|mele|mei|mein\w*|mi|mis|our|notre|nos|unser\w*|nuestr\w*|i reported|i made|i opened|i sent|i submitted|i raised|i logged|i filed|j ai signale|j ai fait|j ai ouvert|j ai envoye|que j ai|am semnalat|am facut|am trimis|am deschis|pe care am|ich gemeldet|ich gemacht|die ich|den ich|que hice|que reporte|que envie|que abri|que puse)\b/;

/**
 * "What's the status of my report?", "where is my case at", "any news on the pothole I reported?",
 * "où en est mon signalement ?", "care e stadiul sesizării mele", "¿cómo va mi solicitud?": a question
 * about the citizen's own case without its reference; "and my case?" asks it too.
 */
export function asksAboutOwnCase(text: string): boolean {
  const folded = foldAnswer(text);
  // "The pothole I reported": the thing the citizen reported names their case without a case word.
  const reported = REPORTED_BY_ME.test(folded);
  if (SHORT_OWN_CASE.test(folded)) return true;
  if ((!CASE_WORDS.test(folded) && !reported) || (!OWN_WORDS.test(folded) && !reported)) return false;
  return STATUS_WORDS.test(folded) || (reported && PROGRESS_WORDS.test(folded));
}

// "And my case?", "et mon dossier ?", "și sesizarea mea?": the whole message names the citizen's case.
const SHORT_OWN_CASE =
  /^(and |et |si |iar |und |y |what about |how about |et pour |quid de |und was ist mit )?((my|mon|ma|mes|mein\w*|mi|mis) (case|report|request|complaint|dossier|signalement|demande|reclamation|meldung|anliegen|vorgang|antrag|solicitud|incidencia|aviso|queja)|(sesizarea|cererea|cazul|reclamatia|solicitarea) (mea|meu))$/;

// "…that I reported", "…que j'ai signalé", "…pe care am semnalat-o", "…die ich gemeldet habe", folded.
const REPORTED_BY_ME =
  /\b(i reported|i ve reported|i have reported|i logged|j ai signale\w*|que j ai signale\w*|am semnalat|am raportat|ich gemeldet|ich habe gemeldet|que reporte|que he reportado|que avise)\b/;

const PROGRESS_WORDS =
  /\b(fixed|repaired|mended|done|sorted|resolved|cleared|removed|collected|happening|progress|news|yet|repare\w*|resolu\w*|enleve\w*|nouvelles|reparat\w*|rezolvat\w*|ridicat\w*|inca|deja|noutati|repariert|erledigt|behoben|schon|arreglad\w*|reparad\w*|resuelt\w*|ya|javit\w*|megoldod\w*|mar)\b/;
const OWN_OBJECT =
  /\b(my|our|mon|ma|mes|notre|nos|meu|mea|mei|mele|nostru|noastra|mein\w*|unser\w*|mi|mis|nuestr\w*|it|this|that|ca|cela|asta|aceasta|es|das|esto|eso)\b/;
// A short message that only asks how things stand: "any news?", "status?", "des nouvelles ?", "was Neues?".
const BARE_STATUS =
  /^(any |some |an |the |des |du |quelques |vreo |ceva |was |gibt es |alguna |algo de |hay |what s the |whats the |what is the |le |la |l |ce |care e |care este )?(news|update|updates|status|progress|word|nouvelles|nouveau|statut|suivi|noutati|noutate|stadiul|stare|neues|neuigkeiten|stand|novedad|novedades|estado)( yet| so far| please| on it| on that| on this| svp| va rog| bitte| por favor)?$/;

/**
 * "Is my street light fixed yet?", "any news?": a question about progress with no case word; it is
 * about the citizen's own case only when they have one (the caller checks that).
 */
export function asksAboutProgress(text: string): boolean {
  const folded = foldAnswer(text);
  if (BARE_STATUS.test(folded)) return true;
  const asks = readQuestionForm(text).asks;
  // "Any news about the report?": a case word asked about, though not called "my".
  if (asks && STATUS_WORDS.test(folded) && CASE_WORDS.test(folded)) return true;
  return PROGRESS_WORDS.test(folded) && OWN_OBJECT.test(folded) && asks;
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
