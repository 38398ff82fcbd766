/*
 * Deterministic guardrail rules, written against folded text (lower case, no diacritics; see foldText).
 * Each language's phrases live in rules/<lang>.ts; this module compiles them with the concept rules and holds
 * the suppressors shared by all languages. Every language's rules run on every message, so a misdetected
 * language does not switch a rule off.
 * The rules aim at high precision: a phrase has to say the thing, not merely mention a word like "fire".
 */

import { EMERGENCY_CONCEPT_RULES } from "./emergency-concepts";
import { INJECTION_CONCEPT_RULES } from "./injection-concepts";
import { findRequiredLiterals } from "./required-literals";
import type { ConceptRule, EmergencyConcepts, Rule, RuleLabel } from "./rule-types";
import { LANGUAGE_RULES, MARKUP_INJECTION_RULES } from "./rules";

export type { Rule, RuleLabel } from "./rule-types";

/** " ~ " in a rule allows up to three words between two parts of a phrase, " ~~ " up to twelve. */
const GAP = String.raw`[,;:.!?)]*(?:\s+\S+){0,3}\s+`;
const WIDE_GAP = String.raw`[,;:.!?)]*(?:\s+\S+){0,12}\s+`;

function compile(id: string, lang: string, sources: string[]): Rule[] {
  return sources.map((source, i) => {
    const expanded = source.replaceAll(" ~~ ", WIDE_GAP).replaceAll(" ~ ", GAP);
    return {
      id: `${id}.${lang}.${i + 1}`,
      lang,
      pattern: new RegExp(expanded),
      anchors: findRequiredLiterals(expanded),
    };
  });
}

/*
 * Emergencies are described in endless ways, so besides fixed phrases a few families are recognised by two
 * concepts meeting in one sentence, in either order: a person and a state ("my dad ... isn't breathing"),
 * a child and going missing, a fire and it being out of control. Objects and pets veto the missing-child family.
 * Both concepts must be in one sentence, in either order, at most about ten words apart.
 */
function near(a: string, b: string, aAfter = a): string {
  const window = "[^.!?]{0,70}?";
  return String.raw`\b(?:${a})\b${window}\b(?:${b})\b|\b(?:${b})\b${window}\b(?:${aAfter})\b`;
}

function conceptRules(c: EmergencyConcepts): string[] {
  return [
    near(c.person, c.unresponsive),
    // Checked from the start of each sentence, so pets and objects veto only their own sentence.
    String.raw`(?:^|[.!?]\s*)(?![^.!?]*\b(?:${c.notChild})\b)(?:[^.!?]*?)(?:${near(c.child, c.missing, c.childAfter)})`,
    near(c.fire, c.fireNow),
    near(c.fall, c.noResponse),
    near(c.weapon, c.fight),
  ];
}

const languages = Object.entries(LANGUAGE_RULES);
const EMERGENCY = Object.fromEntries(
  languages.map(([lang, rules]) => [lang, [...rules.emergency, ...conceptRules(rules.emergencyConcepts)]]),
);
const CRISIS = Object.fromEntries(languages.map(([lang, rules]) => [lang, rules.crisis]));
const [first, ...others] = languages.map(([lang, rules]) => [lang, rules.injection] as const);
// Markup rules were numbered right after the English ones; their place keeps the ids and the order.
const INJECTION = Object.fromEntries([first!, ["markup", MARKUP_INJECTION_RULES] as const, ...others]);
const ABUSE = Object.fromEntries(languages.map(([lang, rules]) => [lang, rules.abuse]));
const HANDOFF = Object.fromEntries(languages.map(([lang, rules]) => [lang, rules.handoff]));

// Things that contain a trigger word but are not emergencies; removed before the emergency rules run.
const NOT_EMERGENCY = [
  String.raw`\bfire ?(?:exit|door|alarm|hydrant|extinguisher|station|brigade open day|safety|drill|escape|hazard|risk|certificate|inspection|pit|place|works|wood|fighter|fighters|man|engine|truck|department|marshal|regulations|sign)s?\b`,
  // Burning leaves or garden waste, and its smoke, is a nuisance to report in every language.
  String.raw`\b(?:burn\w*) (?:\w+ ){0,2}(?:leaves|garden waste|branches|hedge cuttings)\b|\b(?:fait|font|faire) bruler (?:des |ses |les |de )?(?:feuilles|dechets|branches|herbes)\b|\bfeu (?:de|dans (?:son|le|leur)) (?:jardin|feuilles|dechets verts)\b|\b(?:feuer im garten|gartenfeuer|laub (?:verbrennen|verbrennt|verbrannt))\b|\bquem\w* (?:de )?(?:hojas|rastrojos|restos de poda)\b|\bard\w* (?:frunze|resturi vegetale|gunoaie in curte)\b|\bavar\w* (?:eget\w*|get\w*)|\bavaregetes\w*`,
  // Smoke from a bonfire, a barbecue or a chimney is a nuisance to report, not a fire: removed whole,
  // before "bonfire" alone is, so "smoke is coming" is not left behind.
  String.raw`\b(?:bonfire|barbecue|bbq|chimney|wood ?burner|log burner|stove|incinerator)s?(?:'s)? smoke\b|\bsmoke (?:\w+ ){0,4}from (?:\w+(?:'s)? ){0,2}(?:bonfire|barbecue|bbq|chimney|wood ?burner|log burner|stove|incinerator)s?\b`,
  String.raw`\b(?:fireworks?|bonfire|campfire|ceasefire|firewall|intruder alarm|burglar alarm)\b`,
  String.raw`\b(?:will|could|might|may|would|going to) (?:be set |get set |catch |go up )?(?:on fire|in flames)\b`,
  String.raw`\b(?:risk|danger|hazard) of (?:a )?(?:fire|catching fire)\b`,
  String.raw`\b(?:risque|danger|risques) d'incendie\b|\b(?:brand|feuer)(?:gefahr|risiko)\w*|\b(?:riesgo|peligro) de incendio\b|\b(?:pericol|risc)(?:ul)? de incendiu\b|\btuzveszely\w*`,
  String.raw`\bgas (?:meter|bill|supplier|boiler service|cooker|hob|tariff|price|safety certificate|safety check|station|bottle|canister)s?\b`,
  String.raw`\bsmoke (?:alarm|detector|free|from the chimney)s?\b`,
  String.raw`\b(?:sortie de secours|extincteur|bouche d'incendie|borne (?:d')?incendie|detecteur de fumee|alarme incendie|compteur (?:de|du) gaz|facture de gaz|caserne (?:de|des) pompiers|feux? d'artifice|feu de camp|feux? (?:de signalisation|tricolores?|rouges?|verts?)|permis de feu)\b`,
  String.raw`\b(?:notausgang|feuerloscher|hydrant|rauchmelder|feuermelder|brandschutz\w*|gaszahler|gasrechnung|gasanbieter|feuerwerk|lagerfeuer|osterfeuer|brennt nicht|brennt (?:dauerhaft|tagsuber|den ganzen tag|auch tagsuber))\b`,
  String.raw`\b(?:salida de emergencia|extintor|boca de incendios|hidrante|detector de humo|alarma (?:de |contra )?incendios|contador del gas|factura del gas|fuegos artificiales|hoguera|parque de bomberos)\b`,
  String.raw`\b(?:iesire(?:a)? de urgenta|stingator|hidrant|detector de fum|alarma de incendiu|contor(?:ul)? de gaz|factura (?:la|de) gaz|artificii|foc de tabara|arde toata ziua|arde si ziua|becul arde)\b`,
  String.raw`\b(?:veszkijarat|tuzoltokeszulek|tuzolto keszulek|tuzcsap|fustjelzo|tuzjelzo|gazora|gazszamla|tuzijatek|tabortuz|eg a lampa|egve marad|napkozben is eg)\w*`,
  // Entries vanishing from lists and registers ("my son disappeared from the canteen list").
  String.raw`\b(?:disappeared|missing|vanished|verschwunden|disparu|a disparu|desaparecido|ha desaparecido|disparut|a disparut|eltunt)\b[^.!?]{0,40}?\b(?:list|lists|register|system|website|records|liste|registre|site|lista|registro|sistema|registru|sistem|listajarol|listarol|nyilvantartasbol|rendszerbol)\b`,
  String.raw`\b(?:list|lists|register|system|website|records|liste|registre|site|lista|registro|sistema|registru|sistem|listajarol|listarol|nyilvantartasbol|rendszerbol)\b[^.!?]{0,40}?\b(?:disappeared|missing|vanished|verschwunden|disparu|a disparu|desaparecido|ha desaparecido|disparut|a disparut|eltunt)\b`,
];

// A clear past reference without present urgency means a report about something over, not a live emergency.
const PAST_EVENT = [
  String.raw`\b(?:last (?:week|month|year|weekend|summer|winter)|(?:\d+|a|an|one|two|three|four|few|several|couple of) (?:days?|weeks?|months?|years?) ago|(?:years|months|ages|long) ago|in (?:19|20)\d\d|(?:back )?in (?:january|february|march|april|june|july|august|september|october|november|december))\b`,
  String.raw`\b(?:la semaine derniere|le mois dernier|l'an(?:nee)? derniere?|il y a (?:\d+|deux|trois|quelques|plusieurs) (?:semaines|mois|ans|annees)|il y a (?:des annees|des mois|longtemps)|en (?:19|20)\d\d)\b`,
  String.raw`\b(?:letzte woche|letzten monat|letztes jahr|vor (?:\d+|zwei|drei|einigen|ein paar|mehreren) (?:wochen|monaten|jahren)|vor (?:jahren|monaten|langer zeit)|im jahr (?:19|20)\d\d)\b`,
  String.raw`\b(?:la semana pasada|el mes pasado|el ano pasado|hace (?:\d+|un|una|dos|tres|unas|unos|varias|varios) (?:semanas?|mes|meses|anos?)|hace (?:anos|meses|mucho tiempo)|en (?:19|20)\d\d)\b`,
  String.raw`\b(?:saptamana trecuta|luna trecuta|anul trecut|acum (?:\d+|o|un|doua|trei|cateva) (?:saptamana|saptamani|luna|luni|an|ani)|acum (?:multi|cativa) ani|de ani de zile|in (?:19|20)\d\d)\b`,
  String.raw`\b(?:mult heten|mult honapban|tavaly|(?:\d+|ket|harom|nehany) (?:hete|honapja|eve)|evekkel ezelott|(?:19|20)\d\d-ban|(?:19|20)\d\d-ben)\b`,
];

// "Still" is urgent with something still happening ("still burning"), not with what is left ("the road is still dug up").
const STILL_URGENT = String.raw`\b(?:now|right now|still \w+ing|again|hurry|quick|urgent|help|maintenant|(?:brule|fume|fuit|sent|saigne) encore|(?:encore|toujours) (?:en feu|coince\w*|bloque\w*)|vite|urgent|jetzt|gerade|(?:brennt|raucht|riecht|blutet) (?:immer )?noch|immer noch (?:brennt|raucht|riecht|eingeklemmt)|schnell|dringend|hilfe|ahora|sigue (?:ardiendo|saliendo|oliendo|atrapad\w*|sangrando)|todavia (?:arde|huele|sale|sangra)|rapido|urgente|ayuda|inca (?:arde|miroase|iese|sangereaza)|arde inca|repede|ajutor|most|meg mindig (?:eg|fust\w*|szivarog|verzik)|gyorsan|surgos|segitseg)\b`;

// Idioms and policy questions that use crisis words without being a crisis.
const NOT_CRISIS = [
  String.raw`\bsuicide (?:prevention|statistics|rates?|awareness) (?:strategy|funding|training|week|day|charity|charities|programme|program|plan)?\b`,
  String.raw`\b(?:domestic (?:violence|abuse)|violences? conjugales?|hausliche gewalt|violencia de genero|violenta domestica|csaladon beluli eroszak) (?:statistics|figures|policy|strategy|funding|awareness|training|statistiques|chiffres|statistik|estadisticas|statistici|statisztika)\b`,
];

// Phrases from ordinary messages that the injection rules would otherwise misread.
const NOT_INJECTION = [
  String.raw`\b(?:ignore|disregard|forget|skip) (?:my|the|that) (?:previous|last|earlier|other) (?:message|email|question|request|answer|address|comment|reply)\b`,
  String.raw`\b(?:system|systems) (?:prompted|prompts) (?:me|us|you)\b`,
];

function compileAll(id: string, table: Record<string, string[]>): Rule[] {
  return Object.entries(table).flatMap(([lang, sources]) => compile(id, lang, sources));
}

function compileConcepts(id: string, table: Record<string, ConceptRule[]>): Rule[] {
  return Object.entries(table).flatMap(([lang, rules]) =>
    rules.map((rule, i) => ({
      id: `${id}.${lang}.${i + 1}`,
      lang,
      // Global so every match can be checked against the veto of its own sentence.
      pattern: new RegExp(rule.source, rule.veto ? "g" : ""),
      anchors: findRequiredLiterals(rule.source),
      // Concepts with literal anchors go first: a String.includes miss is far cheaper than a regex scan.
      requires: rule.requires
        .map((r) => ({ pattern: new RegExp(r), anchors: findRequiredLiterals(r) }))
        .sort((a, b) => Number(!a.anchors) - Number(!b.anchors)),
      veto: rule.veto ? new RegExp(rule.veto) : undefined,
    })),
  );
}

export const RULES: Record<RuleLabel, Rule[]> = {
  // Concept rules get their own id prefix ("emergency.concept.fr.4") so logs show which layer fired.
  emergency: [
    ...compileAll("emergency", EMERGENCY),
    ...compileConcepts("emergency.concept", EMERGENCY_CONCEPT_RULES),
  ],
  crisis: compileAll("crisis", CRISIS),
  injection: [
    ...compileAll("injection", INJECTION),
    ...compileConcepts("injection.concept", INJECTION_CONCEPT_RULES),
  ],
  abuse: compileAll("abuse", ABUSE),
  handoff: compileAll("handoff", HANDOFF),
};

/*
 * Words that often come with danger (fire, blood, a knife, not breathing...), in all six languages. Too broad to
 * block a turn on, but enough to add the emergency number to an ordinary answer: a safety net for emergencies
 * worded in ways the rules above do not know.
 */
const HAZARD_WORDS = String.raw`fire|flames|smoke|smoking|burning|blaze|bleeding|blood|unconscious|breathing|breathe|choking|knife|knives|gun|stabbed|shot|attacking|hitting|beating|injured|hurt|crash|crashed|collapsed|drowning|overdose|screaming|feu|flammes|fumee|brule|incendie|saigne|inconscient|respire|etouffe|couteau|frappe|blesses?|percute|noye|hurle|au secours|feuer|flammen|rauch|brennt|brand|blutet|bewusstlos|atmet|messer|waffe|schlagt|verletzte?|schreit|fuego|llamas|humo|quema|incendio|sangra|sangre|inconsciente|respira|cuchillo|pega|golpea|heridos?|estrellado|socorro|gritando|foc|flacari|fum|arde|incendiu|sangereaza|inconstient|cutit|loveste|bate|raniti|ranit|ajutor|tipa|tuz|fust|eg|verzik|eszmeletlen|lelegzik|kes|fegyver|uti|veri|serultek|serult|segitseg|kiabal|gaz|gas`;

export const HAZARD_HINT = new RegExp(String.raw`\b(?:${HAZARD_WORDS})\b`);

export const SUPPRESSORS = {
  notEmergency: new RegExp(NOT_EMERGENCY.join("|"), "gu"),
  notCrisis: new RegExp(NOT_CRISIS.join("|"), "gu"),
  notInjection: new RegExp(NOT_INJECTION.join("|"), "gu"),
  pastEvent: new RegExp(PAST_EVENT.join("|"), "u"),
  stillUrgent: new RegExp(STILL_URGENT, "u"),
};
