/** SMS-only texts: keyword confirmations, help, and the link line that ends a shortened answer. */
const en = {
  stop: "{city}: you will get no more texts from us. Reply START to receive them again.",
  start: "{city}: texts are back on. Ask us anything about city services; reply STOP to end them.",
  help: "{city} citizen service: text your question or report a problem. For emergencies call {emergency}. Reply STOP to end texts.",
  more: "More: {url}",
};

export type SmsMessageKey = keyof typeof en;
type Messages = Record<SmsMessageKey, string>;

const fr: Messages = {
  stop: "{city} : vous ne recevrez plus de SMS de notre part. Répondez START pour les recevoir à nouveau.",
  start:
    "{city} : les SMS sont réactivés. Posez vos questions sur les services de la ville ; STOP pour arrêter.",
  help: "Service aux habitants de {city} : écrivez votre question ou signalez un problème. Urgences : {emergency}. STOP pour arrêter.",
  more: "Plus : {url}",
};

const ro: Messages = {
  stop: "{city}: nu veți mai primi SMS-uri de la noi. Răspundeți START pentru a le primi din nou.",
  start: "{city}: SMS-urile sunt reactivate. Întrebați-ne despre serviciile orașului; STOP pentru oprire.",
  help: "Serviciul pentru cetățeni {city}: scrieți întrebarea sau semnalați o problemă. Urgențe: {emergency}. STOP pentru oprire.",
  more: "Detalii: {url}",
};

const de: Messages = {
  stop: "{city}: Sie erhalten keine SMS mehr von uns. Antworten Sie START, um sie wieder zu erhalten.",
  start: "{city}: SMS sind wieder aktiv. Fragen Sie uns zu städtischen Diensten; STOP zum Beenden.",
  help: "Bürgerservice {city}: Schreiben Sie Ihre Frage oder melden Sie ein Problem. Notruf: {emergency}. STOP zum Beenden.",
  more: "Mehr: {url}",
};

const es: Messages = {
  stop: "{city}: no recibirá más SMS nuestros. Responda START para volver a recibirlos.",
  start:
    "{city}: los SMS están activados de nuevo. Pregúntenos por los servicios municipales; STOP para dejar de recibirlos.",
  help: "Atención ciudadana de {city}: escriba su pregunta o avise de un problema. Emergencias: {emergency}. STOP para dejar de recibir SMS.",
  more: "Más: {url}",
};

const hu: Messages = {
  stop: "{city}: több SMS-t nem küldünk. Ha újra kér, válaszoljon: START.",
  start:
    "{city}: az SMS-ek újra be vannak kapcsolva. Kérdezzen a városi szolgáltatásokról; leiratkozás: STOP.",
  help: "{city} ügyfélszolgálat: írja meg kérdését vagy jelezzen hibát. Segélyhívó: {emergency}. Leiratkozás: STOP.",
  more: "Bővebben: {url}",
};

const CATALOGUES: Record<string, Messages> = { en, fr, ro, de, es, hu };

export function smsText(
  lang: string,
  key: SmsMessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = (CATALOGUES[lang] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
