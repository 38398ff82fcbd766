/*
 * Insults, swearing and threats of violence, per language, on folded text (foldText). The learned model's
 * abuse needs one of them: a message that contains none ("inspecteur du travail", "je vais craquer") is not
 * abuse, however its letters score.
 */
const ABUSE_WORDS: Record<string, string> = {
  en: String.raw`idiots?|morons?|stupid|useless|pathetic|incompetent|scum|bastards?|bitch\w*|fuck\w*|shit\w*|crap|twats?|wankers?|pricks?|dicks?|arse\w*|ass|assholes?|cunts?|muppets?|clowns?|losers?|dumb|retard\w*|piss\w*|bloody|damn|junk|garbage|rubbish (?:bot|service|council)|kill|smash\w*|punch\w*|beat|hurt|stab|burn (?:it|you|the)|regret|know where (?:you|he|she|they)|thick|lazy|cow|thie(?:f|ves)|parasites?|hell|teeth|face|knock|hit|burn\w*|lives|parks|wreck|destroy|pay for it`,
  fr: String.raw`cons?|conne|connard\w*|connasse\w*|abruti\w*|debile\w*|cretin\w*|idiot\w*|imbecile\w*|salaud\w*|salope\w*|merde\w*|putain|encule\w*|enfoire\w*|batard\w*|ordure\w*|nuls?|nulle|incapables?|incompetent\w*|tuer|buter|crever|frapper|defoncer|regretter|gueule|foutre|chier|niqu\w*|attends a la sortie|voleurs?|parasites?|fainean\w*|enfer|dents|visage|tete|bruler|incendier|habite|gare sa voiture|taper|casser`,
  ro: String.raw`prost\w*|idiot\w*|tampit\w*|cretin\w*|dobitoc\w*|nenorocit\w*|jegos\w*|muie|pula|pizd\w*|fut\w*|dracu\w*|incompetent\w*|nesimtit\w*|bat|bate|omor\w*|ucid\w*|sparg\w*|astept la poarta|hoti|hot|parazit\w*|lene\w*|iad|dintii|dinti|fata|capul|dau foc|incendiez|locuieste|lovesc|bat\w*`,
  de: String.raw`idiot\w*|blod\w*|dumm\w*|depp\w*|arsch\w*|scheiss\w*|wichser\w*|hurensohn\w*|vollidiot\w*|penner\w*|unfahig\w*|inkompetent\w*|nutzlos\w*|fresse|umbringen|abstechen|verprugel\w*|polier\w*|fick\w*|mistkerl\w*|schmarotzer|diebe|faul\w*|holle|zahne|gesicht|schlage\w*|abfackeln|anzunden|wohnt|parkt|zerlege\w*|verprugle\w*|blechhaufen|damlich\w*`,
  es: String.raw`idiota\w*|imbecil\w*|estupid\w*|gilipollas|cabron\w*|mierda|puta\w*|joder|inutil\w*|incompetent\w*|pendej\w*|capull\w*|matar|mato|rajo|parto la cara|romper la cara|ladrones|parasitos|vagos|infierno|dientes|cara|pegar|golpear|quemar|vive|aparca|partir\w*`,
  hu: String.raw`hulye\w*|idiota\w*|barom\w*|szar\w*|kurva\w*|geci\w*|fasz\w*|bunko\w*|hasznalhatatlan\w*|megolom|szetverem|megverem|verem|megkeresem|tolvaj\w*|rohadt|lusta|pokol\w*|fog\w*|arc\w*|kiverem|felgyujt\w*|lakik|parkol|barm\w*|inkompetens`,
};

const compiled: Record<string, RegExp> = {};

/** Whether the folded message holds an insult, a swear word or a threat in its language (or, unknown, in any). */
export function namesAbuse(foldedText: string, lang: string): boolean {
  const source = ABUSE_WORDS[lang] ?? Object.values(ABUSE_WORDS).join("|");
  compiled[lang] ??= new RegExp(String.raw`\b(?:${source})\b`, "u");
  return compiled[lang].test(foldedText);
}
