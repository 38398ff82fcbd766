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

/** True when the message is about a matter of national government rather than the city's services. */
export function isNationalMatter(text: string): boolean {
  const folded = ` ${foldWords(text).replace(/\?/g, " ")} `;
  return NATIONAL_MATTERS.some((phrase) => folded.includes(` ${phrase} `));
}
