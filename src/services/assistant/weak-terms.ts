import { analyzeText } from "../retrieval/analyzer";

/**
 * Everyday verbs and fillers that say little about what a question is about ("can I take…", "what
 * do I need to…"): they count for a third of a content word when choosing the section that answers.
 */
const WEAK_WORDS: Record<string, string> = {
  en: "take get got need do does did make go goes come put bring give want use have has know find tell happen happens happening thing things old new way ways please someone anyone also too oh actually usually normally generally typically roughly about just really still another question now yet already currently anything something completely totally hasnt isnt wasnt dont doesnt didnt cant wont arent werent havent",
  fr: "faire fait prendre mettre avoir aller venir donner vouloir pouvoir devoir savoir trouver besoin chose choses quelqu svp aussi generalement normalement habitude general question recevoir recois recoit obtenir obtient maintenant deja rien quelque completement vieux vieille vieil vieilles passer passent passera passez mettez mets met",
  ro: "face faci luat lua pune pun avea am merge veni da vrea vreau putea pot trebuie sti gasi lucru lucruri va rog si obicei general normal intrebare primi primesc primeste primim obtine obtin acum deja ceva niste complet vechi veche vine vin las lasa stau",
  de: "machen mache nehmen bringen haben habe gehen kommen geben wollen will können kann müssen muss wissen finden brauche brauchen bitte auch normalerweise meistens ungefahr frage bekommen bekomme kriegen erhalten erhalte jetzt schon noch etwas komplett alt alte alten altes",
  es: "hacer hago tomar poner tener tengo ir venir dar querer quiero poder puedo deber saber encontrar necesito cosa favor tambien normalmente generalmente pregunta recibir recibo conseguir obtener ahora ya todavia algo completamente viejo vieja viejos viejas",
  hu: "csinál vesz tesz hoz van megy jön ad akar tud kell kérem",
};

const cache = new Map<string, ReadonlySet<string>>();

/**
 * Numbers and units ("11am", "5 cm", "2 bags") are details of the citizen's case, not what the
 * question is about: they weigh like weak words in every language.
 */
export function isDetailTerm(term: string): boolean {
  return /^\d/.test(term) || /^(cm|mm|km|kg|m|ml|am|pm)$/.test(term);
}

/** The analysed (stemmed) forms of the weak words of a language. */
export function weakTermsOf(lang: string): ReadonlySet<string> {
  let terms = cache.get(lang);
  if (!terms) {
    terms = new Set(analyzeText(WEAK_WORDS[lang] ?? "", lang));
    cache.set(lang, terms);
  }
  return terms;
}
