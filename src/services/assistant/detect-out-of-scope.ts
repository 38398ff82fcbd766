import { foldWords } from "../language/question-form";

/**
 * Matters for another level of government, which a city's knowledge base should not pretend to
 * answer: passports, visas, national taxes, state pensions, driving licences. Folded phrases per
 * language, matched as whole words; a city adds its own country's agencies here.
 */
const NATIONAL_MATTERS: string[] = [
  // en
  "passport",
  "passports",
  "visa",
  "visas",
  "immigration",
  "citizenship",
  "asylum",
  "income tax",
  "vat",
  "national insurance",
  "tax return",
  "tax code",
  "hmrc",
  "claim my state pension",
  "claim the state pension",
  "my state pension",
  "driving licence",
  "driving license",
  "provisional licence",
  "driving test",
  "car tax",
  "vehicle tax",
  "dvla",
  "child benefit",
  // fr
  "passeport",
  "impot sur le revenu",
  "impots sur le revenu",
  "declaration d impots",
  "tva",
  "permis de conduire",
  "carte d identite",
  "carte grise",
  "titre de sejour",
  "naturalisation",
  "ma retraite",
  "securite sociale",
  // ro
  "pasaport",
  "pasaportul",
  "viza",
  "impozit pe venit",
  "impozitul pe venit",
  "permis de conducere",
  "permisul de conducere",
  "carte de identitate",
  "buletin",
  "cetatenie",
  "cetatenia",
  "pensia mea",
  // de
  "reisepass",
  "visum",
  "einkommensteuer",
  "mehrwertsteuer",
  "steuererklarung",
  "fuhrerschein",
  "personalausweis",
  "staatsburgerschaft",
  "meine rente",
  // es
  "pasaporte",
  "visado",
  "impuesto sobre la renta",
  "declaracion de la renta",
  "iva",
  "permiso de conducir",
  "carnet de conducir",
  "dni",
  "ciudadania",
  "mi pension",
  // hu
  "utlevel",
  "utlevelet",
  "vizum",
  "szja",
  "jovedelemado",
  "afa",
  "jogositvany",
  "jogositvanyt",
  "szemelyi igazolvany",
  "allampolgarsag",
  "nyugdijam",
];

/**
 * Opinions, recommendations and predictions the city cannot give: "who do you think will win", "the
 * best restaurant", "is it going to snow". Folded phrases, matched as whole words.
 */
const OPINIONS: string[] = [
  // en
  "do you think",
  "do you reckon",
  "you reckon",
  "your opinion",
  "in your view",
  "what do you make of",
  "who should i vote",
  "who to vote for",
  "doing a good job",
  "best restaurant",
  "best restaurants",
  "best pub",
  "best place",
  "recommend a",
  "can you recommend",
  "weather forecast",
  "weather tomorrow",
  "weather today",
  "weather this weekend",
  "weather be like",
  "forecast",
  "going to rain",
  "going to snow",
  "will it rain",
  "will it snow",
  "who will win",
  "stock market",
  // fr
  "pensez vous",
  "tu penses",
  "votre avis",
  "ton avis",
  "meilleur restaurant",
  "meilleurs restaurants",
  "recommander un",
  "meteo",
  "quel temps fera",
  "quel temps fera t il",
  "quel temps va t il faire",
  "va t il pleuvoir",
  "va t il neiger",
  "qui va gagner",
  "a votre avis",
  "pour qui voter",
  "fait du bon travail",
  // ro
  "ce parere",
  "parerea ta",
  "credeti ca",
  "crezi ca",
  "cel mai bun restaurant",
  "cele mai bune restaurante",
  "recomanda",
  "vremea maine",
  "ce vreme",
  "cum e vremea",
  "cum va fi vremea",
  "prognoza meteo",
  "va ploua",
  "va ninge",
  "cine va castiga",
  "cu cine sa votez",
  "cu cine sa votam",
  // de
  "was denken sie",
  "ihre meinung",
  "bestes restaurant",
  "besten restaurants",
  "empfehlen sie",
  "wetter morgen",
  "wie wird das wetter",
  "wettervorhersage",
  "wird es regnen",
  "wird es schneien",
  "wer wird gewinnen",
  "was halten sie",
  "wen soll ich wahlen",
  // es
  "que opina",
  "que opinas",
  "mejor restaurante",
  "mejores restaurantes",
  "recomiendame",
  "el tiempo manana",
  "va a llover",
  "va a nevar",
  "quien va a ganar",
  "a quien votar",
  "que le parece",
  // hu
  "mit gondol",
  "a velemenye",
  "legjobb etterem",
  "idojaras elorejelzes",
  "milyen ido lesz",
  "fog esni",
  "ki fog nyerni",
];

/** True when the message asks for an opinion, a recommendation or a prediction. */
export function isOpinionOrPrediction(text: string): boolean {
  const folded = ` ${foldWords(text).replace(/\?/g, " ")} `;
  return OPINIONS.some((phrase) => folded.includes(` ${phrase} `));
}

/** True when the message is about a matter of national government rather than the city's services. */
export function isNationalMatter(text: string): boolean {
  const folded = ` ${foldWords(text).replace(/\?/g, " ")} `;
  return NATIONAL_MATTERS.some((phrase) => folded.includes(` ${phrase} `));
}

/**
 * Places and services many cities run and some do not: pools, saunas, gyms, museums, zoos, theatres.
 * Folded phrases per language; a question naming one is answered only from a page that names it too
 * (the caller checks the pages found), so "sauna opening hours" is declined honestly rather than
 * answered with some other building's hours.
 */
const FACILITIES: string[] = [
  // en
  "swimming pool",
  "swimming",
  "swim",
  "pool",
  "sauna",
  "gym",
  "leisure centre",
  "museum",
  "zoo",
  "theatre",
  "cinema",
  "ice rink",
  "skate park",
  "golf course",
  // fr
  "piscine",
  "sauna",
  "salle de sport",
  "gymnase",
  "musee",
  "zoo",
  "theatre",
  "cinema",
  "patinoire",
  // ro
  "piscina",
  "piscine",
  "bazin",
  "sauna",
  "sala de sport",
  "muzeu",
  "muzeul",
  "gradina zoologica",
  "teatru",
  "teatrul",
  "cinema",
  "patinoar",
  // de
  "schwimmbad",
  "hallenbad",
  "freibad",
  "sauna",
  "fitnessstudio",
  "museum",
  "zoo",
  "theater",
  "kino",
  "eisbahn",
  // es
  "piscina",
  "sauna",
  "gimnasio",
  "polideportivo",
  "museo",
  "zoo",
  "teatro",
  "cine",
  // hu
  "uszoda",
  "szauna",
  "konditerem",
  "muzeum",
  "allatkert",
  "szinhaz",
  "mozi",
];

/** The facilities (see FACILITIES) a message names, as folded phrases. */
export function namedFacilities(text: string): string[] {
  const folded = ` ${foldWords(text).replace(/\?/g, " ")} `;
  return [...new Set(FACILITIES.filter((phrase) => folded.includes(` ${phrase} `)))];
}
