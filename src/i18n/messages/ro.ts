import type { Messages } from "./en";

export const ro: Messages = {
  "language.name": "Română",

  "reply.emergency":
    "Pare a fi o urgență. Sunați imediat la {number}. Acest chat nu poate trimite ajutor, așa că nu așteptați un răspuns aici.",
  "reply.crisis":
    "Îmi pare rău că treceți prin asta. Puteți vorbi chiar acum cu cineva la {helpline}, zi și noapte, gratuit și confidențial. Dacă dumneavoastră sau altcineva sunteți în pericol imediat, sunați la {number}.",
  "reply.injection":
    "Vă pot ajuta doar cu întrebări despre serviciile orașului și nu îmi pot schimba modul de funcționare sau dezvălui instrucțiunile. Ce doriți să aflați?",
  "reply.abuse":
    "Vreau să vă ajut, dar nu pot continua dacă mesajele conțin amenințări sau insulte. Dacă vă reformulați mesajul, voi face tot posibilul să vă ajut.",
  "reply.handoff_offered": "Doriți să transmit solicitarea unui angajat? Vă va răspunde aici, în acest chat.",
  "reply.handoff":
    "Am transmis această conversație echipei primăriei. Un angajat vă va răspunde aici în programul de lucru (luni–joi 8:30–17:00, vineri 8:30–16:30), deci răspunsul poate veni abia în următoarea zi lucrătoare. Puteți închide această pagină: răspunsul vă va aștepta aici când reveniți de pe acest dispozitiv.",
  "reply.with_staff": "Un angajat se ocupă de această conversație și vă va răspunde aici.",
  "reply.handoff_closed":
    "Acum nu lucrează nimeni din echipa primăriei; revin {opens}. Vă pot ajuta totuși: descrieți problema și deschid o sesizare pe care echipa o va urmări, sau spuneți „sunați-mă” și voi aranja să vă sune cineva.",
  "reply.handoff_timeout":
    "Îmi pare rău: nimeni din echipa primăriei nu a fost liber să preia conversația în {minutes} minute. Vă pot ajuta totuși: descrieți problema și deschid o sesizare pe care echipa o va urmări, sau spuneți „sunați-mă” și voi aranja să vă sune cineva.",
  "reply.staff_joined": "{name}, din echipa primăriei, s-a alăturat conversației.",
  "reply.handed_back":
    "Angajatul a părăsit conversația. Sunt din nou asistentul automat: cu ce vă pot ajuta?",
  "reply.conversation_closed":
    "Echipa primăriei a încheiat această conversație. Dacă mai aveți nevoie de ceva, scrieți din nou și va începe o conversație nouă.",
  "reply.clarification":
    "Îmi puteți spune puțin mai mult? O propoziție scurtă despre ce aveți nevoie mă ajută să găsesc răspunsul potrivit.",
  "reply.greeting":
    "Bună ziua! Întrebați-mă despre serviciile orașului sau semnalați o problemă și voi face tot posibilul să vă ajut.",
  "reply.thanks": "Cu plăcere! Vă mai pot ajuta cu ceva?",
  "reply.hazard_notice": "Dacă cineva este în pericol chiar acum, sunați la {number}.",
  "reply.acknowledged": "Bine. Vă mai pot ajuta cu altceva?",
  "reply.opinion":
    "Nu pot da păreri, recomandări sau prognoze. Pot răspunde la întrebări despre serviciile orașului pe baza paginilor oficiale sau vă pot ajuta să semnalați o problemă.",
  "reply.out_of_scope":
    "Acest lucru nu ține de primărie, ci de autoritățile naționale (pașapoarte, vize, impozite naționale, pensii, permise de conducere etc.); site-ul sau linia lor oficială vă pot ajuta. Întrebați-mă orice despre serviciile orașului.",
  "reply.no_answer":
    "Nu am găsit această informație în baza noastră de cunoștințe. Vă pot pune în legătură cu o persoană sau pot deschide o solicitare pentru dumneavoastră.",
  "reply.error":
    "Ne pare rău, a apărut o problemă la noi. Încercați din nou peste câteva momente sau cereți să vorbiți cu o persoană.",
  "reply.other_language":
    "Această informație este disponibilă doar în {language}, așa că am răspuns pe baza acelei versiuni.",
  "reply.out_of_hours":
    "Angajații noștri sunt disponibili {hours}. Lăsați mesajul aici și vă vom răspunde când revenim, sau pot deschide acum o solicitare pentru dumneavoastră.",
  "reply.rate_limited":
    "Trimiteți mesaje foarte repede. Vă rugăm să așteptați puțin înainte de a încerca din nou.",
  "reply.pii_removed":
    "Pentru siguranța dumneavoastră, am eliminat din mesaj datele personale, cum ar fi numerele de card sau de telefon. Vă rugăm să nu le trimiteți aici.",

  "widget.title": "Întrebați primăria",
  "widget.intro": "Puneți o întrebare sau semnalați o problemă. Puteți vorbi oricând cu o persoană.",
  "widget.inputLabel": "Mesajul dumneavoastră",
  "widget.placeholder": "Scrieți întrebarea…",
  "widget.send": "Trimite",
  "widget.talkToPerson": "Vorbiți cu o persoană",
  "widget.helpful": "Util",
  "widget.notHelpful": "Nu a fost util",
  "widget.feedbackThanks": "Vă mulțumim pentru părere.",
  "widget.sources": "Surse",
  "widget.languageLabel": "Limba",
  "widget.reconnecting": "Conexiunea s-a întrerupt, reîncercăm…",
  "widget.connectionLost":
    "Nu am putut contacta serviciul. Mesajul a fost păstrat; încercați din nou peste câteva momente.",
  "widget.errorGeneric": "A apărut o eroare. Încercați din nou.",
  "widget.you": "Dumneavoastră",
  "widget.assistant": "Asistent",
  "widget.staff": "Angajat",
  "widget.notice": "Actualizare",
  "widget.openChat": "Deschide chatul",
  "widget.closeChat": "Închide chatul",
  "widget.privacyNotice":
    "Păstrăm mesajele dvs. fără datele personale, ca să vă răspundem și să rezolvăm sesizările.",
  "widget.privacyLink": "Cum folosim datele dvs.",
};
