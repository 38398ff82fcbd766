import { foldText } from "../retrieval/analyzer";

// Folded (no diacritics) greetings and thanks in the city's languages; a message made only of
// these words (and politeness fillers) gets a fixed reply instead of a knowledge search.
const GREETINGS = new Set(
  "hi hello hey hiya morning afternoon evening good bonjour salut bonsoir coucou buna ziua seara hallo guten tag morgen abend servus moin hola buenos buenas dias tardes noches szia sziasztok jo napot reggelt estet udv".split(
    " ",
  ),
);
const THANKS = new Set(
  "thanks thank you thx cheers ta merci beaucoup mersi multumesc multumim mult danke dankeschon vielen dank gracias muchas mil koszonom koszi szepen nagyon ok okay great perfect super parfait genial perfecto grozav".split(
    " ",
  ),
);
const FILLERS = new Set("so much very a lot all there everyone team bot de la the to".split(" "));

/** "greeting", "thanks", or undefined when the message asks for something. */
export function detectSmallTalk(text: string): "greeting" | "thanks" | undefined {
  const words = foldText(text).match(/\p{L}+/gu) ?? [];
  if (words.length === 0 || words.length > 5) return undefined;
  const meaningful = words.filter((w) => !FILLERS.has(w));
  if (meaningful.length === 0) return undefined;
  if (meaningful.every((w) => THANKS.has(w))) return "thanks";
  if (meaningful.every((w) => GREETINGS.has(w) || THANKS.has(w))) return "greeting";
  return undefined;
}
