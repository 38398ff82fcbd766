/** The privacy texts citizens see, per language; `{url}` is the privacy page, `{days}` etc. are retention figures. */
export interface PrivacyTexts {
  /** One line at first contact (chat greeting, first SMS, start of a call's follow-up text). */
  notice: string;
  /** The fixed reply to "delete my data" / "what do you hold about me" in the chat. */
  reply: string;
  page: {
    title: string;
    intro: string;
    whatTitle: string;
    what: string[];
    keepTitle: string;
    keep: string;
    rightsTitle: string;
    rights: string;
    publicTitle: string;
    public: string;
  };
}

export const PRIVACY_TEXTS: Record<string, PrivacyTexts> = {
  en: {
    notice:
      "We keep your messages with personal details removed, to answer you and handle your reports. Privacy: {url}",
    reply:
      "I can't show or delete personal data in this chat, because I can't check who you are here. To get a copy of what we hold about you, or to have it deleted, ask to talk to a person or contact the council: a member of staff checks your identity and does it for you. What we keep and for how long: {url}",
    page: {
      title: "Privacy: what we keep and why",
      intro: "{city} uses this service to answer questions and handle reports about city services.",
      whatTitle: "What we keep",
      what: [
        "Your messages, with personal details (names, phone numbers, e-mail addresses, card numbers) removed before they are stored.",
        "The reports you make: the service, the place, your description and how the case went.",
        "Your channel address (a phone number, or a random id for the web chat) so we can reply and tell you when a case changes.",
        "A record of which staff member read or changed your data.",
      ],
      keepTitle: "How long",
      keep: "Conversations: {messages} days after the last message. Call transcripts and recordings: {recordings} days. Unredacted copies: {raw} days. Cases: anonymised {cases} days after they are closed (the service, dates, status and an approximate position stay for statistics). Access records: {audit} days.",
      rightsTitle: "Your rights",
      rights:
        "You can ask for a copy of everything we hold about you, or ask us to delete it. Ask in the chat to talk to a person, or contact the council; we check who you are first, so nobody else can see or delete your data.",
      publicTitle: "What is public",
      public:
        "The city's open data (Open311) shows the service, street, status and dates of reports, never your words, name or contact details.",
    },
  },
  fr: {
    notice:
      "Nous conservons vos messages sans vos données personnelles, pour vous répondre et traiter vos signalements. Confidentialité : {url}",
    reply:
      "Je ne peux ni montrer ni supprimer des données personnelles dans ce chat, car je ne peux pas vérifier votre identité ici. Pour obtenir une copie de vos données ou les faire supprimer, demandez à parler à une personne ou contactez la mairie : un agent vérifie votre identité et s'en charge. Ce que nous conservons et combien de temps : {url}",
    page: {
      title: "Confidentialité : ce que nous conservons et pourquoi",
      intro:
        "{city} utilise ce service pour répondre aux questions et traiter les signalements sur les services municipaux.",
      whatTitle: "Ce que nous conservons",
      what: [
        "Vos messages, dont les données personnelles (noms, numéros de téléphone, adresses e-mail, numéros de carte) sont retirées avant l'enregistrement.",
        "Vos signalements : le service, le lieu, votre description et le suivi du dossier.",
        "Votre adresse sur le canal (un numéro de téléphone, ou un identifiant aléatoire pour le chat) pour vous répondre et vous informer.",
        "La trace des agents qui ont consulté ou modifié vos données.",
      ],
      keepTitle: "Combien de temps",
      keep: "Conversations : {messages} jours après le dernier message. Transcriptions et enregistrements d'appels : {recordings} jours. Copies non expurgées : {raw} jours. Dossiers : anonymisés {cases} jours après leur clôture (le service, les dates, l'état et une position approximative restent pour les statistiques). Traces d'accès : {audit} jours.",
      rightsTitle: "Vos droits",
      rights:
        "Vous pouvez demander une copie de tout ce que nous détenons sur vous, ou sa suppression. Demandez dans le chat à parler à une personne, ou contactez la mairie ; nous vérifions d'abord votre identité.",
      publicTitle: "Ce qui est public",
      public:
        "Les données ouvertes de la ville (Open311) montrent le service, la rue, l'état et les dates des signalements, jamais vos mots, votre nom ni vos coordonnées.",
    },
  },
  ro: {
    notice:
      "Păstrăm mesajele dvs. fără datele personale, ca să vă răspundem și să rezolvăm sesizările. Confidențialitate: {url}",
    reply:
      "Nu pot afișa sau șterge date personale în acest chat, pentru că aici nu vă pot verifica identitatea. Pentru o copie a datelor sau ștergerea lor, cereți să vorbiți cu o persoană sau contactați primăria: un angajat vă verifică identitatea și se ocupă. Ce păstrăm și cât timp: {url}",
    page: {
      title: "Confidențialitate: ce păstrăm și de ce",
      intro:
        "{city} folosește acest serviciu pentru a răspunde la întrebări și a rezolva sesizări despre serviciile orașului.",
      whatTitle: "Ce păstrăm",
      what: [
        "Mesajele dvs., din care datele personale (nume, numere de telefon, adrese de e-mail, numere de card) sunt eliminate înainte de salvare.",
        "Sesizările: serviciul, locul, descrierea și evoluția cazului.",
        "Adresa dvs. pe canal (un număr de telefon sau un identificator aleatoriu pentru chat), ca să vă putem răspunde.",
        "Evidența angajaților care v-au citit sau modificat datele.",
      ],
      keepTitle: "Cât timp",
      keep: "Conversații: {messages} zile după ultimul mesaj. Transcrieri și înregistrări ale apelurilor: {recordings} zile. Copii nemodificate: {raw} zile. Cazuri: anonimizate la {cases} zile după închidere. Evidența accesului: {audit} zile.",
      rightsTitle: "Drepturile dvs.",
      rights:
        "Puteți cere o copie a tuturor datelor pe care le deținem despre dvs. sau ștergerea lor. Cereți în chat să vorbiți cu o persoană sau contactați primăria; mai întâi vă verificăm identitatea.",
      publicTitle: "Ce este public",
      public:
        "Datele deschise ale orașului (Open311) arată serviciul, strada, starea și datele sesizărilor, niciodată cuvintele, numele sau datele dvs. de contact.",
    },
  },
  de: {
    notice:
      "Wir speichern Ihre Nachrichten ohne persönliche Daten, um Ihnen zu antworten und Meldungen zu bearbeiten. Datenschutz: {url}",
    reply:
      "Ich kann in diesem Chat keine persönlichen Daten zeigen oder löschen, weil ich hier nicht prüfen kann, wer Sie sind. Für eine Kopie Ihrer Daten oder ihre Löschung bitten Sie um ein Gespräch mit einer Person oder wenden Sie sich an die Stadtverwaltung: Eine Mitarbeiterin oder ein Mitarbeiter prüft Ihre Identität und erledigt es. Was wir wie lange speichern: {url}",
    page: {
      title: "Datenschutz: was wir speichern und warum",
      intro:
        "{city} beantwortet mit diesem Dienst Fragen und bearbeitet Meldungen zu städtischen Leistungen.",
      whatTitle: "Was wir speichern",
      what: [
        "Ihre Nachrichten, aus denen persönliche Daten (Namen, Telefonnummern, E-Mail-Adressen, Kartennummern) vor dem Speichern entfernt werden.",
        "Ihre Meldungen: die Leistung, den Ort, Ihre Beschreibung und den Verlauf des Vorgangs.",
        "Ihre Kanaladresse (eine Telefonnummer oder eine zufällige Kennung im Web-Chat), damit wir antworten können.",
        "Wer von den Mitarbeitenden Ihre Daten gelesen oder geändert hat.",
      ],
      keepTitle: "Wie lange",
      keep: "Gespräche: {messages} Tage nach der letzten Nachricht. Anruf-Transkripte und Aufnahmen: {recordings} Tage. Ungeschwärzte Kopien: {raw} Tage. Vorgänge: {cases} Tage nach Abschluss anonymisiert. Zugriffsprotokoll: {audit} Tage.",
      rightsTitle: "Ihre Rechte",
      rights:
        "Sie können eine Kopie aller Daten verlangen, die wir über Sie haben, oder deren Löschung. Bitten Sie im Chat um eine Person oder wenden Sie sich an die Stadtverwaltung; wir prüfen zuerst Ihre Identität.",
      publicTitle: "Was öffentlich ist",
      public:
        "Die offenen Daten der Stadt (Open311) zeigen Leistung, Straße, Status und Daten der Meldungen, nie Ihre Worte, Ihren Namen oder Ihre Kontaktdaten.",
    },
  },
  es: {
    notice:
      "Guardamos sus mensajes sin sus datos personales, para responderle y tramitar sus avisos. Privacidad: {url}",
    reply:
      "No puedo mostrar ni borrar datos personales en este chat, porque aquí no puedo comprobar quién es usted. Para obtener una copia de sus datos o que los borremos, pida hablar con una persona o contacte con el ayuntamiento: un empleado comprueba su identidad y lo hace por usted. Qué guardamos y durante cuánto tiempo: {url}",
    page: {
      title: "Privacidad: qué guardamos y por qué",
      intro:
        "{city} usa este servicio para responder preguntas y tramitar avisos sobre los servicios municipales.",
      whatTitle: "Qué guardamos",
      what: [
        "Sus mensajes, de los que se quitan los datos personales (nombres, teléfonos, correos, números de tarjeta) antes de guardarlos.",
        "Sus avisos: el servicio, el lugar, su descripción y cómo avanzó el caso.",
        "Su dirección en el canal (un teléfono o un identificador aleatorio en el chat) para poder responderle.",
        "Qué empleados leyeron o cambiaron sus datos.",
      ],
      keepTitle: "Cuánto tiempo",
      keep: "Conversaciones: {messages} días tras el último mensaje. Transcripciones y grabaciones de llamadas: {recordings} días. Copias sin anonimizar: {raw} días. Casos: anonimizados {cases} días después de cerrarse. Registro de accesos: {audit} días.",
      rightsTitle: "Sus derechos",
      rights:
        "Puede pedir una copia de todo lo que tenemos sobre usted, o que lo borremos. Pida en el chat hablar con una persona o contacte con el ayuntamiento; primero comprobamos su identidad.",
      publicTitle: "Qué es público",
      public:
        "Los datos abiertos de la ciudad (Open311) muestran el servicio, la calle, el estado y las fechas de los avisos, nunca sus palabras, su nombre ni sus datos de contacto.",
    },
  },
  hu: {
    notice:
      "Üzeneteit személyes adatok nélkül őrizzük meg, hogy válaszolhassunk és intézhessük bejelentéseit. Adatvédelem: {url}",
    reply:
      "Ebben a csevegésben nem tudok személyes adatokat megmutatni vagy törölni, mert itt nem tudom ellenőrizni, ki Ön. Ha másolatot kér az adatairól vagy a törlésüket kéri, kérje, hogy egy munkatárssal beszélhessen, vagy forduljon a hivatalhoz: egy munkatárs ellenőrzi személyazonosságát, és elintézi. Mit és meddig őrzünk: {url}",
    page: {
      title: "Adatvédelem: mit őrzünk meg és miért",
      intro:
        "{city} ezzel a szolgáltatással válaszol a kérdésekre és intézi a városi szolgáltatásokkal kapcsolatos bejelentéseket.",
      whatTitle: "Mit őrzünk meg",
      what: [
        "Üzeneteit, amelyekből a személyes adatokat (nevek, telefonszámok, e-mail-címek, kártyaszámok) mentés előtt eltávolítjuk.",
        "Bejelentéseit: a szolgáltatást, a helyet, a leírást és az ügy alakulását.",
        "A csatornán használt címét (telefonszám vagy a csevegésben egy véletlen azonosító), hogy válaszolhassunk.",
        "Azt, hogy mely munkatársak olvasták vagy módosították adatait.",
      ],
      keepTitle: "Meddig",
      keep: "Beszélgetések: az utolsó üzenet után {messages} napig. Hívások átiratai és felvételei: {recordings} napig. Eredeti, nem anonimizált másolatok: {raw} napig. Ügyek: lezárás után {cases} nappal anonimizáljuk. Hozzáférési napló: {audit} napig.",
      rightsTitle: "Az Ön jogai",
      rights:
        "Kérhet másolatot minden adatáról, vagy kérheti azok törlését. Kérjen a csevegésben munkatársat, vagy forduljon a hivatalhoz; előbb ellenőrizzük személyazonosságát.",
      publicTitle: "Mi nyilvános",
      public:
        "A város nyílt adatai (Open311) a bejelentések szolgáltatását, utcáját, állapotát és dátumait mutatják, soha nem az Ön szavait, nevét vagy elérhetőségét.",
    },
  },
};

/** The texts in `lang`, English when the language has none. */
export function privacyTextsFor(lang: string): PrivacyTexts {
  return PRIVACY_TEXTS[lang.toLowerCase().split(/[-_]/)[0] ?? ""] ?? PRIVACY_TEXTS.en!;
}
