/** What the phone line says, and the short texts it sends to callers, in every supported language. */
const en = {
  welcome: "Welcome to {city} City Council.",
  choose_language: "For English, say English or press {digit}.",
  ask: "How can I help? Ask a question or describe a problem. Say agent at any time to talk to a person.",
  ask_again: "What else can I help with? Say agent to talk to a person, or hang up when you are done.",
  reprompt: "Sorry, I didn't catch that. Please tell me again, in a few words, what you need.",
  keypad: "You can also use your keypad. Press 1 to try again by speaking, or press 0 to talk to a person.",
  holding: "One moment please, I'm looking that up.",
  still_working: "Still looking, thank you for waiting.",
  slow_answer: "Sorry, this is taking too long.",
  unavailable:
    "We can't take your call right now because of a technical problem. Please call again in a few minutes.",
  offer_link: "Shall I text you the link? Say yes or no.",
  link_sent: "I've sent the link to your phone by text message.",
  link_none: "Sorry, I have no link to send for that.",
  sms_unavailable: "Sorry, I can't send a text message to this number.",
  transfer: "I'm putting you through to a member of staff. Please hold.",
  transfer_failed: "Sorry, nobody could take your call right now.",
  callback:
    "Our advisers are not available at the moment. I've asked them to call you back on the number you are calling from, {when}. Your reference is {reference}.",
  callback_when: "on {day} from {time}",
  callback_failed: "Sorry, I couldn't book a call back. Please call again in office hours.",
  emergency_offer: "To be connected to {number} now, press 1 or say yes.",
  emergency_connecting: "Connecting you to {number}.",
  reference: "Your reference is {reference}. I've also sent it to you by text message.",
  goodbye: "Thank you for calling. Goodbye.",
  yes_words: "yes|yeah|yep|please|sure|ok|okay",
  no_words: "no|nope|no thanks|not now",
  person_words: "agent|person|human|operator|someone|adviser|advisor|staff",
  sms_link: "{title}: {url}",
  sms_reference: "{city} City Council: your case reference is {reference}.",
  callback_topic: "Call back requested on the voice line. Recent turns: {turns}",
} as const;

export type VoiceTextKey = keyof typeof en;
type VoiceTexts = Record<VoiceTextKey, string>;

const fr: VoiceTexts = {
  welcome: "Bienvenue à la mairie de {city}.",
  choose_language: "Pour le français, dites français ou appuyez sur {digit}.",
  ask: "Comment puis-je vous aider ? Posez une question ou décrivez un problème. Dites conseiller à tout moment pour parler à une personne.",
  ask_again:
    "Puis-je vous aider pour autre chose ? Dites conseiller pour parler à une personne, ou raccrochez si c'est tout.",
  reprompt: "Pardon, je n'ai pas compris. Dites-moi à nouveau, en quelques mots, ce dont vous avez besoin.",
  keypad:
    "Vous pouvez aussi utiliser le clavier. Appuyez sur 1 pour réessayer en parlant, ou sur 0 pour parler à une personne.",
  holding: "Un instant s'il vous plaît, je cherche.",
  still_working: "Je cherche encore, merci de patienter.",
  slow_answer: "Désolé, cela prend trop de temps.",
  unavailable:
    "Nous ne pouvons pas prendre votre appel pour le moment en raison d'un problème technique. Veuillez rappeler dans quelques minutes.",
  offer_link: "Voulez-vous que je vous envoie le lien par SMS ? Dites oui ou non.",
  link_sent: "Je vous ai envoyé le lien par SMS.",
  link_none: "Désolé, je n'ai pas de lien à envoyer pour cela.",
  sms_unavailable: "Désolé, je ne peux pas envoyer de SMS à ce numéro.",
  transfer: "Je vous mets en relation avec un agent. Veuillez patienter.",
  transfer_failed: "Désolé, personne n'a pu prendre votre appel pour le moment.",
  callback:
    "Nos conseillers ne sont pas disponibles pour le moment. Je leur ai demandé de vous rappeler au numéro depuis lequel vous appelez, {when}. Votre référence est {reference}.",
  callback_when: "le {day} à partir de {time}",
  callback_failed: "Désolé, je n'ai pas pu demander un rappel. Rappelez pendant les heures d'ouverture.",
  emergency_offer: "Pour être mis en relation avec le {number} maintenant, appuyez sur 1 ou dites oui.",
  emergency_connecting: "Je vous mets en relation avec le {number}.",
  reference: "Votre référence est {reference}. Je vous l'ai aussi envoyée par SMS.",
  goodbye: "Merci de votre appel. Au revoir.",
  yes_words: "oui|ouais|d'accord|volontiers|s'il vous plaît|ok",
  no_words: "non|non merci|pas maintenant",
  person_words: "conseiller|conseillère|agent|personne|opérateur|quelqu'un|humain",
  sms_link: "{title} : {url}",
  sms_reference: "Mairie de {city} : la référence de votre demande est {reference}.",
  callback_topic: en.callback_topic,
};

const ro: VoiceTexts = {
  welcome: "Bine ați venit la Primăria {city}.",
  choose_language: "Pentru limba română, spuneți română sau apăsați {digit}.",
  ask: "Cu ce vă pot ajuta? Puneți o întrebare sau descrieți o problemă. Spuneți operator oricând pentru a vorbi cu o persoană.",
  ask_again:
    "Cu ce vă mai pot ajuta? Spuneți operator pentru a vorbi cu o persoană sau închideți dacă ați terminat.",
  reprompt: "Scuzați, nu am înțeles. Spuneți-mi din nou, în câteva cuvinte, de ce aveți nevoie.",
  keypad:
    "Puteți folosi și tastatura. Apăsați 1 pentru a încerca din nou vorbind sau 0 pentru a vorbi cu o persoană.",
  holding: "Un moment, vă rog, caut informația.",
  still_working: "Încă caut, vă mulțumesc pentru răbdare.",
  slow_answer: "Îmi pare rău, durează prea mult.",
  unavailable:
    "Nu vă putem prelua apelul acum din cauza unei probleme tehnice. Vă rugăm să sunați din nou peste câteva minute.",
  offer_link: "Doriți să vă trimit linkul prin SMS? Spuneți da sau nu.",
  link_sent: "V-am trimis linkul prin SMS.",
  link_none: "Îmi pare rău, nu am un link de trimis pentru asta.",
  sms_unavailable: "Îmi pare rău, nu pot trimite un SMS la acest număr.",
  transfer: "Vă transfer la un angajat. Vă rog să așteptați.",
  transfer_failed: "Îmi pare rău, nimeni nu a putut prelua apelul acum.",
  callback:
    "Consilierii noștri nu sunt disponibili acum. Le-am cerut să vă sune înapoi la numărul de pe care sunați, {when}. Referința dumneavoastră este {reference}.",
  callback_when: "{day}, de la ora {time}",
  callback_failed: "Îmi pare rău, nu am putut cere un apel înapoi. Vă rugăm să sunați în programul de lucru.",
  emergency_offer: "Pentru a fi conectat acum la {number}, apăsați 1 sau spuneți da.",
  emergency_connecting: "Vă conectez la {number}.",
  reference: "Referința dumneavoastră este {reference}. V-am trimis-o și prin SMS.",
  goodbye: "Vă mulțumim pentru apel. La revedere.",
  yes_words: "da|sigur|vă rog|te rog|desigur|ok|bine",
  no_words: "nu|nu mulțumesc|nu acum",
  person_words: "operator|agent|persoană|persoana|om|cineva|consilier|angajat",
  sms_link: "{title}: {url}",
  sms_reference: "Primăria {city}: referința cazului dumneavoastră este {reference}.",
  callback_topic: en.callback_topic,
};

const de: VoiceTexts = {
  welcome: "Willkommen bei der Stadtverwaltung {city}.",
  choose_language: "Für Deutsch sagen Sie Deutsch oder drücken Sie die {digit}.",
  ask: "Wie kann ich helfen? Stellen Sie eine Frage oder beschreiben Sie ein Problem. Sagen Sie jederzeit Mitarbeiter, um mit einer Person zu sprechen.",
  ask_again:
    "Wobei kann ich noch helfen? Sagen Sie Mitarbeiter, um mit einer Person zu sprechen, oder legen Sie auf, wenn Sie fertig sind.",
  reprompt:
    "Entschuldigung, das habe ich nicht verstanden. Sagen Sie mir bitte noch einmal in wenigen Worten, was Sie brauchen.",
  keypad:
    "Sie können auch die Tastatur benutzen. Drücken Sie die 1, um es noch einmal gesprochen zu versuchen, oder die 0 für eine Person.",
  holding: "Einen Moment bitte, ich sehe nach.",
  still_working: "Ich suche noch, danke für Ihre Geduld.",
  slow_answer: "Entschuldigung, das dauert zu lange.",
  unavailable:
    "Wegen eines technischen Problems können wir Ihren Anruf gerade nicht annehmen. Bitte rufen Sie in ein paar Minuten wieder an.",
  offer_link: "Soll ich Ihnen den Link per SMS schicken? Sagen Sie ja oder nein.",
  link_sent: "Ich habe Ihnen den Link per SMS geschickt.",
  link_none: "Entschuldigung, dazu habe ich keinen Link.",
  sms_unavailable: "Entschuldigung, an diese Nummer kann ich keine SMS schicken.",
  transfer: "Ich verbinde Sie mit einer Mitarbeiterin oder einem Mitarbeiter. Bitte bleiben Sie dran.",
  transfer_failed: "Entschuldigung, gerade konnte niemand Ihren Anruf annehmen.",
  callback:
    "Unsere Beraterinnen und Berater sind gerade nicht erreichbar. Ich habe einen Rückruf an die Nummer bestellt, von der Sie anrufen, {when}. Ihre Referenz ist {reference}.",
  callback_when: "am {day} ab {time}",
  callback_failed:
    "Entschuldigung, ich konnte keinen Rückruf bestellen. Bitte rufen Sie zu den Öffnungszeiten an.",
  emergency_offer: "Um jetzt mit der {number} verbunden zu werden, drücken Sie die 1 oder sagen Sie ja.",
  emergency_connecting: "Ich verbinde Sie mit der {number}.",
  reference: "Ihre Referenz ist {reference}. Ich habe sie Ihnen auch per SMS geschickt.",
  goodbye: "Danke für Ihren Anruf. Auf Wiederhören.",
  yes_words: "ja|gerne|bitte|okay|ok|klar",
  no_words: "nein|nein danke|jetzt nicht",
  person_words: "mitarbeiter|mitarbeiterin|person|mensch|berater|beraterin|jemand|agent",
  sms_link: "{title}: {url}",
  sms_reference: "Stadt {city}: Ihre Fallnummer ist {reference}.",
  callback_topic: en.callback_topic,
};

const es: VoiceTexts = {
  welcome: "Bienvenido al Ayuntamiento de {city}.",
  choose_language: "Para español, diga español o pulse {digit}.",
  ask: "¿En qué puedo ayudarle? Haga una pregunta o describa un problema. Diga agente en cualquier momento para hablar con una persona.",
  ask_again:
    "¿En qué más puedo ayudarle? Diga agente para hablar con una persona, o cuelgue si ha terminado.",
  reprompt: "Perdone, no le he entendido. Dígame de nuevo, en pocas palabras, qué necesita.",
  keypad:
    "También puede usar el teclado. Pulse 1 para volver a intentarlo hablando, o 0 para hablar con una persona.",
  holding: "Un momento, por favor, lo estoy buscando.",
  still_working: "Sigo buscando, gracias por esperar.",
  slow_answer: "Lo siento, está tardando demasiado.",
  unavailable:
    "Ahora no podemos atender su llamada por un problema técnico. Vuelva a llamar dentro de unos minutos.",
  offer_link: "¿Quiere que le envíe el enlace por SMS? Diga sí o no.",
  link_sent: "Le he enviado el enlace por SMS.",
  link_none: "Lo siento, no tengo un enlace para eso.",
  sms_unavailable: "Lo siento, no puedo enviar un SMS a este número.",
  transfer: "Le paso con una persona del equipo. No cuelgue, por favor.",
  transfer_failed: "Lo siento, nadie ha podido atender su llamada ahora.",
  callback:
    "Nuestros asesores no están disponibles ahora. He pedido que le llamen al número desde el que llama, {when}. Su referencia es {reference}.",
  callback_when: "el {day} a partir de las {time}",
  callback_failed: "Lo siento, no he podido pedir la llamada. Llame de nuevo en horario de oficina.",
  emergency_offer: "Para hablar ahora con el {number}, pulse 1 o diga sí.",
  emergency_connecting: "Le paso con el {number}.",
  reference: "Su referencia es {reference}. También se la he enviado por SMS.",
  goodbye: "Gracias por su llamada. Adiós.",
  yes_words: "sí|si|claro|vale|por favor|de acuerdo|ok",
  no_words: "no|no gracias|ahora no",
  person_words: "agente|persona|operador|operadora|alguien|asesor|asesora|humano",
  sms_link: "{title}: {url}",
  sms_reference: "Ayuntamiento de {city}: la referencia de su caso es {reference}.",
  callback_topic: en.callback_topic,
};

const hu: VoiceTexts = {
  welcome: "Üdvözöljük {city} város ügyfélszolgálatán.",
  choose_language: "Magyar nyelvhez mondja, hogy magyar, vagy nyomja meg a {digit}-es gombot.",
  ask: "Miben segíthetek? Tegyen fel egy kérdést vagy írjon le egy problémát. Mondja, hogy ügyintéző, ha emberrel szeretne beszélni.",
  ask_again:
    "Miben segíthetek még? Mondja, hogy ügyintéző, ha emberrel szeretne beszélni, vagy tegye le, ha végzett.",
  reprompt: "Elnézést, nem értettem. Mondja el újra néhány szóban, mire van szüksége.",
  keypad:
    "A billentyűzetet is használhatja. Nyomja meg az 1-est, hogy újra beszéljen, vagy a 0-t, hogy ügyintézővel beszéljen.",
  holding: "Egy pillanat türelmet, utánanézek.",
  still_working: "Még keresem, köszönöm a türelmét.",
  slow_answer: "Elnézést, ez túl sokáig tart.",
  unavailable: "Műszaki hiba miatt most nem tudjuk fogadni a hívását. Kérjük, hívjon újra néhány perc múlva.",
  offer_link: "Elküldjem a linket SMS-ben? Mondja, hogy igen vagy nem.",
  link_sent: "Elküldtem a linket SMS-ben.",
  link_none: "Elnézést, ehhez nincs elküldhető linkem.",
  sms_unavailable: "Elnézést, erre a számra nem tudok SMS-t küldeni.",
  transfer: "Kapcsolom egy munkatársunkat. Kérem, tartsa a vonalat.",
  transfer_failed: "Elnézést, most senki sem tudta fogadni a hívását.",
  callback:
    "Ügyintézőink most nem érhetők el. Kértem, hogy hívják vissza azon a számon, amelyről telefonál, {when}. Az ügyszáma {reference}.",
  callback_when: "{day} {time} órától",
  callback_failed: "Elnézést, nem tudtam visszahívást kérni. Kérem, hívjon újra ügyfélfogadási időben.",
  emergency_offer: "Ha most a {number} számot szeretné hívni, nyomja meg az 1-est vagy mondja, hogy igen.",
  emergency_connecting: "Kapcsolom a {number} számot.",
  reference: "Az ügyszáma {reference}. SMS-ben is elküldtem.",
  goodbye: "Köszönjük a hívását. Viszonthallásra.",
  yes_words: "igen|persze|kérem|jó|rendben|ok",
  no_words: "nem|nem köszönöm|most nem",
  person_words: "ügyintéző|ügyintézővel|munkatárs|ember|operátor|valaki|személy",
  sms_link: "{title}: {url}",
  sms_reference: "{city} város: az ügy azonosítója {reference}.",
  callback_topic: en.callback_topic,
};

const VOICE_TEXTS: Record<string, VoiceTexts> = { en, fr, ro, de, es, hu };

/** Languages the phone line can speak. */
export const VOICE_LANGUAGES = Object.keys(VOICE_TEXTS);

/** The phone line's text for `key` in `lang` (English when the language has none), `{name}` filled. */
export function voiceText(
  lang: string,
  key: VoiceTextKey,
  params: Record<string, string | number> = {},
): string {
  const template = (VOICE_TEXTS[lang] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
