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
  "your opinion",
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
  "va t il pleuvoir",
  "va t il neiger",
  "qui va gagner",
  // ro
  "ce parere",
  "parerea ta",
  "credeti ca",
  "crezi ca",
  "cel mai bun restaurant",
  "cele mai bune restaurante",
  "recomanda",
  "vremea maine",
  "cum va fi vremea",
  "prognoza meteo",
  "va ploua",
  "va ninge",
  "cine va castiga",
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
