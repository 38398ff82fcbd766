import type { Messages } from "./en";

export const hu: Messages = {
  "language.name": "Magyar",

  "reply.emergency":
    "Ez vészhelyzetnek tűnik. Azonnal hívja a {number} számot. Ebben a csevegésben nem tudunk segítséget küldeni, ezért ne itt várjon válaszra.",
  "reply.crisis":
    "Sajnálom, hogy ezen kell keresztülmennie. Most rögtön beszélhet valakivel a {helpline} számon, éjjel-nappal, ingyenesen és bizalmasan. Ha Ön vagy valaki más közvetlen veszélyben van, hívja a {number} számot.",
  "reply.injection":
    "Csak a város szolgáltatásaival kapcsolatos kérdésekben tudok segíteni, a működésemen nem változtathatok, és az utasításaimat sem oszthatom meg. Miben segíthetek?",
  "reply.abuse":
    "Szeretnék segíteni, de fenyegetések vagy sértések mellett nem tudom folytatni. Ha átfogalmazza az üzenetét, igyekszem segíteni.",
  "reply.handoff_offered":
    "Szeretné, hogy továbbítsam a kérdését egy munkatársunknak? Itt, ebben a csevegésben fog válaszolni.",
  "reply.handoff":
    "Továbbítottam ezt a beszélgetést a város munkatársainak. Egy kollégánk itt válaszol Önnek ügyfélfogadási időben (hétfőtől csütörtökig 8:30–17:00, pénteken 8:30–16:30), ezért a válasz a következő munkanapon is érkezhet. Bezárhatja ezt az oldalt: a válasz itt várja majd, amikor erről az eszközről visszatér.",
  "reply.with_staff": "Egy munkatársunk foglalkozik ezzel a beszélgetéssel, és itt fog válaszolni.",
  "reply.handoff_closed":
    "Most senki sem dolgozik a város csapatából; ekkor lesznek újra elérhetők: {opens}. Ennek ellenére segíthetek: írja le a problémát, és ügyet nyitok, amelyet a csapat követ, vagy írja, hogy „hívjanak vissza”, és intézem, hogy felhívják.",
  "reply.handoff_timeout":
    "Sajnálom: {minutes} percen belül senki sem tudta átvenni a beszélgetést a város csapatából. Ennek ellenére segíthetek: írja le a problémát, és ügyet nyitok, amelyet a csapat követ, vagy írja, hogy „hívjanak vissza”, és intézem, hogy felhívják.",
  "reply.staff_joined": "{name} (a város munkatársa) csatlakozott a beszélgetéshez.",
  "reply.handed_back":
    "A munkatársunk kilépett a beszélgetésből. Újra az automatikus asszisztens vagyok – miben segíthetek?",
  "reply.conversation_closed":
    "A város munkatársai lezárták ezt a beszélgetést. Ha másban is segíthetünk, írjon újra, és új beszélgetés indul.",
  "reply.clarification":
    "Elmondaná kicsit részletesebben? Egy rövid mondat arról, mire van szüksége, segít megtalálni a megfelelő választ.",
  "reply.greeting":
    "Jó napot! Kérdezzen a város szolgáltatásairól, vagy jelentsen be egy problémát, és igyekszem segíteni.",
  "reply.thanks": "Szívesen! Segíthetek még valamiben?",
  "reply.hazard_notice": "Ha most bárki veszélyben van, hívja a {number} számot.",
  "reply.acknowledged": "Rendben. Segíthetek még valamiben?",
  "reply.opinion":
    "Véleményt, ajánlást vagy előrejelzést nem adhatok. A város szolgáltatásairól a hivatalos oldalak alapján válaszolok, vagy segítek bejelenteni egy problémát.",
  "reply.out_of_scope":
    "Ez nem a városi önkormányzat, hanem az állam hatásköre (útlevél, vízum, országos adók, nyugdíj, jogosítvány és hasonlók); a hivatalos honlapjuk vagy ügyfélvonaluk segít. A város szolgáltatásairól bármit kérdezhet tőlem.",
  "reply.no_answer":
    "Ezt nem találtam meg a tudásbázisunkban. Összekapcsolhatom egy munkatárssal, vagy nyithatok Önnek egy ügyet.",
  "reply.error":
    "Elnézést, hiba történt nálunk. Kérjük, próbálja újra egy kis idő múlva, vagy kérje, hogy egy munkatárssal beszélhessen.",
  "reply.other_language":
    "Ez az információ csak a következő nyelven érhető el: {language}, ezért a válaszom ezen a változaton alapul.",
  "reply.out_of_hours":
    "Munkatársaink {hours} érhetők el. Hagyja itt az üzenetét, és visszatérésünkkor válaszolunk, vagy most rögtön nyithatok Önnek egy ügyet.",
  "reply.rate_limited":
    "Nagyon gyorsan küldi az üzeneteket. Kérjük, várjon egy kicsit, mielőtt újra próbálkozik.",
  "reply.pii_removed":
    "Az Ön biztonsága érdekében eltávolítottam az üzenetéből a személyes adatokat, például a kártya- vagy telefonszámokat. Kérjük, ne ossza meg ezeket itt.",

  "widget.title": "Kérdezze a várost",
  "widget.intro":
    "Tegyen fel egy kérdést, vagy jelentsen be egy problémát. Bármikor beszélhet egy munkatárssal.",
  "widget.inputLabel": "Az Ön üzenete",
  "widget.placeholder": "Írja be a kérdését…",
  "widget.send": "Küldés",
  "widget.talkToPerson": "Beszélek egy munkatárssal",
  "widget.helpful": "Hasznos",
  "widget.notHelpful": "Nem hasznos",
  "widget.feedbackThanks": "Köszönjük a visszajelzést.",
  "widget.sources": "Források",
  "widget.languageLabel": "Nyelv",
  "widget.reconnecting": "Megszakadt a kapcsolat, újrapróbálkozás…",
  "widget.connectionLost":
    "Nem értük el a szolgáltatást. Az üzenetét megőriztük; próbálja újra egy kis idő múlva.",
  "widget.errorGeneric": "Hiba történt. Kérjük, próbálja újra.",
  "widget.you": "Ön",
  "widget.assistant": "Asszisztens",
  "widget.staff": "Munkatárs",
  "widget.notice": "Értesítés",
  "widget.openChat": "Csevegés megnyitása",
  "widget.closeChat": "Csevegés bezárása",
  "widget.privacyNotice":
    "Üzeneteit személyes adatok nélkül őrizzük meg, hogy válaszolhassunk és intézhessük bejelentéseit.",
  "widget.privacyLink": "Hogyan kezeljük adatait",
};
