/** Replies and notices of the case intake, case status answers and case notifications. */
const en = {
  "status.new": "received",
  "status.open": "open",
  "status.in_progress": "in progress",
  "status.waiting_for_citizen": "waiting for your reply",
  "status.resolved": "resolved",
  "status.closed": "closed",

  "intake.start": "I can report this to the council as “{service}”.",
  "intake.ask_location":
    "Where is it? Give an address, a place name or coordinates (for example 51.5, -0.12).",
  "intake.ask_description": "Please describe the problem in a few words.",
  "intake.choose_one": "Reply with the number of your answer.",
  "intake.choose_many": "Reply with one or more numbers, for example 1, 3.",
  "intake.ask_number": "Please answer with a number.",
  "intake.ask_date": "Please give a date, for example {example}.",
  "intake.retry": "Sorry, I did not understand that.",
  "intake.cancel_hint": "You can say “cancel” at any time.",
  "intake.confirm_intro": "Here is what I will send:",
  "intake.confirm_service": "Service",
  "intake.confirm_location": "Where",
  "intake.confirm_description": "What",
  "intake.confirm_question":
    "The city's open data will show the service, the street and the dates; your description, name and contact details stay private. Shall I open the case? Reply yes or no.",
  "intake.confirm_retry": "Please reply yes to open the case, or no to drop it.",
  "intake.cancelled": "All right, I have not opened a case. Tell me again whenever you want.",
  "intake.noted": "Thank you, I have noted {value}.",
  "intake.paused": "Your report “{service}” is still waiting. {question} Or say “cancel” to drop it.",

  "clarify.question": "Is this about one of these?",
  "clarify.hint": "Reply with the number, or tell me a little more.",

  "case.opened":
    "Your case {reference} is open ({service}). We will tell you here when it changes, and you can ask me “status {reference}” on any of our channels.",
  "case.linked":
    "This has already been reported as case {reference} ({service}, status: {status}). I have added your report to it, and we will tell you here when it changes.",

  "status.reply": "Case {reference} ({service}), status: {status}. Opened on {opened}.",
  "status.expected": "We expect to finish by {date}.",
  "status.latest_note": "Latest update: {note}",
  "status.not_found": "I could not find a case {reference} for you. Please check the reference.",
  "status.ask_reference": "Please give me the reference of your case; it looks like CD-2026-000123.",
  "status.your_cases": "Your latest cases:",

  "notice.status_change": "Update on your case {reference} ({service}): it is now {status}.",
  "notice.note": "Note from the council: {note}",
  "notice.public_note": "New message about your case {reference}: {note}",
} as const;

export type CaseMessageKey = keyof typeof en;
type Messages = Record<CaseMessageKey, string>;

const fr: Messages = {
  "status.new": "reçu",
  "status.open": "ouvert",
  "status.in_progress": "en cours de traitement",
  "status.waiting_for_citizen": "en attente de votre réponse",
  "status.resolved": "résolu",
  "status.closed": "clos",

  "intake.start": "Je peux signaler ceci à la mairie comme « {service} ».",
  "intake.ask_location":
    "Où est-ce ? Indiquez une adresse, un lieu ou des coordonnées (par exemple 51.5, -0.12).",
  "intake.ask_description": "Décrivez le problème en quelques mots.",
  "intake.choose_one": "Répondez avec le numéro de votre choix.",
  "intake.choose_many": "Répondez avec un ou plusieurs numéros, par exemple 1, 3.",
  "intake.ask_number": "Répondez avec un nombre.",
  "intake.ask_date": "Indiquez une date, par exemple {example}.",
  "intake.retry": "Désolé, je n'ai pas compris.",
  "intake.cancel_hint": "Vous pouvez dire « annuler » à tout moment.",
  "intake.confirm_intro": "Voici ce que je vais transmettre :",
  "intake.confirm_service": "Service",
  "intake.confirm_location": "Lieu",
  "intake.confirm_description": "Problème",
  "intake.confirm_question":
    "Les données ouvertes de la ville montreront le service, la rue et les dates ; votre description, votre nom et vos coordonnées restent privés. J'ouvre le dossier ? Répondez oui ou non.",
  "intake.confirm_retry": "Répondez oui pour ouvrir le dossier, ou non pour l'abandonner.",
  "intake.cancelled": "D'accord, je n'ai pas ouvert de dossier. Vous pourrez me le redemander à tout moment.",
  "intake.noted": "Merci, j'ai noté {value}.",
  "intake.paused":
    "Votre signalement « {service} » est toujours en attente. {question} Ou dites « annuler » pour l'abandonner.",

  "clarify.question": "S'agit-il de l'un de ces sujets ?",
  "clarify.hint": "Répondez avec le numéro, ou donnez-moi un peu plus de détails.",

  "case.opened":
    "Votre dossier {reference} est ouvert ({service}). Nous vous tiendrons informé ici, et vous pouvez me demander « statut {reference} » sur tous nos canaux.",
  "case.linked":
    "Ce problème a déjà été signalé dans le dossier {reference} ({service}, statut : {status}). J'y ai ajouté votre signalement et nous vous tiendrons informé ici.",

  "status.reply": "Dossier {reference} ({service}), statut : {status}. Ouvert le {opened}.",
  "status.expected": "Nous prévoyons de le traiter d'ici le {date}.",
  "status.latest_note": "Dernière information : {note}",
  "status.not_found": "Je ne trouve pas de dossier {reference} à votre nom. Vérifiez la référence.",
  "status.ask_reference": "Donnez-moi la référence de votre dossier ; elle ressemble à CD-2026-000123.",
  "status.your_cases": "Vos derniers dossiers :",

  "notice.status_change":
    "Du nouveau sur votre dossier {reference} ({service}) : il est maintenant {status}.",
  "notice.note": "Message de la mairie : {note}",
  "notice.public_note": "Nouveau message sur votre dossier {reference} : {note}",
};

const ro: Messages = {
  "status.new": "primită",
  "status.open": "deschisă",
  "status.in_progress": "în lucru",
  "status.waiting_for_citizen": "în așteptarea răspunsului dumneavoastră",
  "status.resolved": "rezolvată",
  "status.closed": "închisă",

  "intake.start": "Pot trimite aceasta primăriei ca sesizare „{service}”.",
  "intake.ask_location": "Unde este? Dați o adresă, un loc sau coordonate (de exemplu 51.5, -0.12).",
  "intake.ask_description": "Descrieți problema în câteva cuvinte.",
  "intake.choose_one": "Răspundeți cu numărul variantei.",
  "intake.choose_many": "Răspundeți cu unul sau mai multe numere, de exemplu 1, 3.",
  "intake.ask_number": "Răspundeți cu un număr.",
  "intake.ask_date": "Dați o dată, de exemplu {example}.",
  "intake.retry": "Îmi pare rău, nu am înțeles.",
  "intake.cancel_hint": "Puteți spune „anulează” oricând.",
  "intake.confirm_intro": "Iată ce voi trimite:",
  "intake.confirm_service": "Serviciu",
  "intake.confirm_location": "Unde",
  "intake.confirm_description": "Ce",
  "intake.confirm_question":
    "Datele deschise ale orașului vor arăta serviciul, strada și datele; descrierea, numele și datele de contact rămân private. Deschid sesizarea? Răspundeți da sau nu.",
  "intake.confirm_retry": "Răspundeți da pentru a deschide sesizarea sau nu pentru a renunța.",
  "intake.cancelled": "Bine, nu am deschis nicio sesizare. Spuneți-mi din nou oricând doriți.",
  "intake.noted": "Mulțumesc, am notat {value}.",
  "intake.paused": "Sesizarea „{service}” încă așteaptă. {question} Sau spuneți „anulează” pentru a renunța.",

  "clarify.question": "Este vorba despre una dintre acestea?",
  "clarify.hint": "Răspundeți cu numărul sau spuneți-mi mai multe detalii.",

  "case.opened":
    "Sesizarea dumneavoastră {reference} este deschisă ({service}). Vă anunțăm aici când se schimbă ceva și mă puteți întreba „stadiu {reference}” pe oricare dintre canalele noastre.",
  "case.linked":
    "Problema a fost deja semnalată în sesizarea {reference} ({service}, stadiu: {status}). Am adăugat semnalarea dumneavoastră și vă anunțăm aici când se schimbă ceva.",

  "status.reply": "Sesizarea {reference} ({service}), stadiu: {status}. Deschisă pe {opened}.",
  "status.expected": "Estimăm rezolvarea până pe {date}.",
  "status.latest_note": "Ultima actualizare: {note}",
  "status.not_found":
    "Nu găsesc sesizarea {reference} pentru dumneavoastră. Verificați numărul de referință.",
  "status.ask_reference": "Spuneți-mi numărul sesizării; arată ca CD-2026-000123.",
  "status.your_cases": "Ultimele dumneavoastră sesizări:",

  "notice.status_change": "Noutăți despre sesizarea {reference} ({service}): acum este {status}.",
  "notice.note": "Mesaj de la primărie: {note}",
  "notice.public_note": "Mesaj nou despre sesizarea {reference}: {note}",
};

const de: Messages = {
  "status.new": "eingegangen",
  "status.open": "offen",
  "status.in_progress": "in Bearbeitung",
  "status.waiting_for_citizen": "offen (wir warten auf Ihre Antwort)",
  "status.resolved": "erledigt",
  "status.closed": "geschlossen",

  "intake.start": "Ich kann das der Stadt als „{service}“ melden.",
  "intake.ask_location":
    "Wo ist es? Nennen Sie eine Adresse, einen Ort oder Koordinaten (zum Beispiel 51.5, -0.12).",
  "intake.ask_description": "Beschreiben Sie das Problem bitte in ein paar Worten.",
  "intake.choose_one": "Antworten Sie mit der Nummer Ihrer Wahl.",
  "intake.choose_many": "Antworten Sie mit einer oder mehreren Nummern, zum Beispiel 1, 3.",
  "intake.ask_number": "Bitte antworten Sie mit einer Zahl.",
  "intake.ask_date": "Bitte nennen Sie ein Datum, zum Beispiel {example}.",
  "intake.retry": "Entschuldigung, das habe ich nicht verstanden.",
  "intake.cancel_hint": "Sie können jederzeit „abbrechen“ sagen.",
  "intake.confirm_intro": "Das sende ich:",
  "intake.confirm_service": "Anliegen",
  "intake.confirm_location": "Wo",
  "intake.confirm_description": "Was",
  "intake.confirm_question":
    "Die offenen Daten der Stadt zeigen das Anliegen, die Straße und das Datum; Ihre Beschreibung, Ihr Name und Ihre Kontaktdaten bleiben privat. Soll ich den Vorgang anlegen? Antworten Sie ja oder nein.",
  "intake.confirm_retry": "Antworten Sie ja, um den Vorgang anzulegen, oder nein, um abzubrechen.",
  "intake.cancelled": "In Ordnung, ich habe keinen Vorgang angelegt. Sagen Sie es mir jederzeit wieder.",
  "intake.noted": "Danke, ich habe {value} notiert.",
  "intake.paused":
    "Ihre Meldung „{service}“ wartet noch. {question} Oder sagen Sie „abbrechen“, um sie zu verwerfen.",

  "clarify.question": "Geht es um eines davon?",
  "clarify.hint": "Antworten Sie mit der Nummer oder erzählen Sie mir etwas mehr.",

  "case.opened":
    "Ihr Vorgang {reference} ist angelegt ({service}). Wir melden uns hier, wenn sich etwas ändert, und Sie können mich auf jedem unserer Kanäle nach „Status {reference}“ fragen.",
  "case.linked":
    "Das wurde schon gemeldet, als Vorgang {reference} ({service}, Status: {status}). Ich habe Ihre Meldung hinzugefügt; wir melden uns hier, wenn sich etwas ändert.",

  "status.reply": "Vorgang {reference} ({service}), Status: {status}. Angelegt am {opened}.",
  "status.expected": "Voraussichtlich erledigt bis {date}.",
  "status.latest_note": "Letzte Nachricht: {note}",
  "status.not_found": "Ich finde keinen Vorgang {reference} für Sie. Bitte prüfen Sie die Nummer.",
  "status.ask_reference": "Bitte nennen Sie mir die Vorgangsnummer; sie sieht aus wie CD-2026-000123.",
  "status.your_cases": "Ihre letzten Vorgänge:",

  "notice.status_change": "Neuigkeiten zu Ihrem Vorgang {reference} ({service}): Er ist jetzt {status}.",
  "notice.note": "Nachricht der Stadt: {note}",
  "notice.public_note": "Neue Nachricht zu Ihrem Vorgang {reference}: {note}",
};

const es: Messages = {
  "status.new": "recibida",
  "status.open": "abierta",
  "status.in_progress": "en curso",
  "status.waiting_for_citizen": "a la espera de su respuesta",
  "status.resolved": "resuelta",
  "status.closed": "cerrada",

  "intake.start": "Puedo comunicar esto al ayuntamiento como «{service}».",
  "intake.ask_location":
    "¿Dónde está? Indique una dirección, un lugar o coordenadas (por ejemplo 51.5, -0.12).",
  "intake.ask_description": "Describa el problema en pocas palabras.",
  "intake.choose_one": "Responda con el número de su respuesta.",
  "intake.choose_many": "Responda con uno o varios números, por ejemplo 1, 3.",
  "intake.ask_number": "Responda con un número.",
  "intake.ask_date": "Indique una fecha, por ejemplo {example}.",
  "intake.retry": "Perdone, no lo he entendido.",
  "intake.cancel_hint": "Puede decir «cancelar» en cualquier momento.",
  "intake.confirm_intro": "Esto es lo que voy a enviar:",
  "intake.confirm_service": "Servicio",
  "intake.confirm_location": "Dónde",
  "intake.confirm_description": "Qué",
  "intake.confirm_question":
    "Los datos abiertos de la ciudad mostrarán el servicio, la calle y las fechas; su descripción, su nombre y sus datos de contacto no se publican. ¿Abro la incidencia? Responda sí o no.",
  "intake.confirm_retry": "Responda sí para abrir la incidencia o no para descartarla.",
  "intake.cancelled": "De acuerdo, no he abierto ninguna incidencia. Dígamelo de nuevo cuando quiera.",
  "intake.noted": "Gracias, he anotado {value}.",
  "intake.paused": "Su aviso «{service}» sigue pendiente. {question} O diga «cancelar» para descartarlo.",

  "clarify.question": "¿Se trata de alguna de estas?",
  "clarify.hint": "Responda con el número o cuénteme un poco más.",

  "case.opened":
    "Su incidencia {reference} está abierta ({service}). Le avisaremos aquí cuando cambie y puede preguntarme «estado {reference}» en cualquiera de nuestros canales.",
  "case.linked":
    "Esto ya se ha comunicado en la incidencia {reference} ({service}, estado: {status}). He añadido su aviso y le informaremos aquí cuando cambie.",

  "status.reply": "Incidencia {reference} ({service}), estado: {status}. Abierta el {opened}.",
  "status.expected": "Prevemos resolverla antes del {date}.",
  "status.latest_note": "Última novedad: {note}",
  "status.not_found": "No encuentro la incidencia {reference} a su nombre. Compruebe la referencia.",
  "status.ask_reference": "Indíqueme la referencia de su incidencia; es como CD-2026-000123.",
  "status.your_cases": "Sus últimas incidencias:",

  "notice.status_change": "Novedades sobre su incidencia {reference} ({service}): ahora está {status}.",
  "notice.note": "Mensaje del ayuntamiento: {note}",
  "notice.public_note": "Nuevo mensaje sobre su incidencia {reference}: {note}",
};

const hu: Messages = {
  "status.new": "beérkezett",
  "status.open": "nyitott",
  "status.in_progress": "folyamatban",
  "status.waiting_for_citizen": "az Ön válaszára vár",
  "status.resolved": "megoldva",
  "status.closed": "lezárva",

  "intake.start": "Ezt bejelenthetem az önkormányzatnak ebben a témában: „{service}”.",
  "intake.ask_location": "Hol van? Adjon meg egy címet, helynevet vagy koordinátákat (például 51.5, -0.12).",
  "intake.ask_description": "Kérem, írja le néhány szóban a problémát.",
  "intake.choose_one": "Válaszoljon a választása számával.",
  "intake.choose_many": "Válaszoljon egy vagy több számmal, például 1, 3.",
  "intake.ask_number": "Kérem, számmal válaszoljon.",
  "intake.ask_date": "Kérem, adjon meg egy dátumot, például {example}.",
  "intake.retry": "Elnézést, ezt nem értettem.",
  "intake.cancel_hint": "Bármikor írhatja: „mégse”.",
  "intake.confirm_intro": "Ezt fogom elküldeni:",
  "intake.confirm_service": "Szolgáltatás",
  "intake.confirm_location": "Hol",
  "intake.confirm_description": "Mi történt",
  "intake.confirm_question":
    "A város nyílt adatai a szolgáltatást, az utcát és a dátumokat mutatják; a leírása, a neve és az elérhetőségei nem nyilvánosak. Megnyissam az ügyet? Válaszoljon igennel vagy nemmel.",
  "intake.confirm_retry": "Írja, hogy igen, ha megnyissam az ügyet, vagy nem, ha elvetjük.",
  "intake.cancelled": "Rendben, nem nyitottam ügyet. Szóljon újra, amikor szeretné.",
  "intake.noted": "Köszönöm, feljegyeztem: {value}.",
  "intake.paused":
    "A(z) „{service}” bejelentése még várakozik. {question} Vagy mondja, hogy „mégse”, ha elvetné.",

  "clarify.question": "Ezek valamelyikéről van szó?",
  "clarify.hint": "Válaszoljon a számmal, vagy írjon egy kicsit többet.",

  "case.opened":
    "A(z) {reference} ügyét megnyitottuk ({service}). Itt értesítjük, ha változik, és bármelyik csatornánkon megkérdezheti tőlem: „állapot {reference}”.",
  "case.linked":
    "Ezt már bejelentették a(z) {reference} ügyben ({service}, állapot: {status}). A bejelentését hozzáadtam, és itt értesítjük, ha változik.",

  "status.reply": "{reference} ügy ({service}), állapot: {status}. Megnyitva: {opened}.",
  "status.expected": "Várhatóan eddig végzünk vele: {date}.",
  "status.latest_note": "Legutóbbi hír: {note}",
  "status.not_found":
    "Nem találok {reference} számú ügyet az Ön nevén. Kérem, ellenőrizze a hivatkozási számot.",
  "status.ask_reference": "Kérem, adja meg az ügye hivatkozási számát; így néz ki: CD-2026-000123.",
  "status.your_cases": "Legutóbbi ügyei:",

  "notice.status_change": "Hír a(z) {reference} ügyéről ({service}): az állapota most {status}.",
  "notice.note": "Üzenet az önkormányzattól: {note}",
  "notice.public_note": "Új üzenet a(z) {reference} ügyéről: {note}",
};

export const CASE_MESSAGES: Record<string, Messages> = { en, fr, ro, de, es, hu };

/** The message in the citizen's language (English when it has no translation), with {placeholders} filled. */
export function caseText(
  lang: string,
  key: CaseMessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = (CASE_MESSAGES[lang] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A date as the citizen's locale writes it. */
export function formatCaseDate(date: Date, lang: string, timeZone = "UTC"): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
