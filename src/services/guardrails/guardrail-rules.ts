/*
 * Deterministic guardrail rules, written against folded text (lower case, no diacritics; see foldText).
 * Every language's rules run on every message, so a misdetected language does not switch a rule off.
 * The rules aim at high precision: a phrase has to say the thing, not merely mention a word like "fire".
 */

import { EMERGENCY_CONCEPT_RULES } from "./emergency-concepts";
import { INJECTION_CONCEPT_RULES } from "./injection-concepts";
import { findRequiredLiterals } from "./required-literals";

export type RuleLabel = "emergency" | "crisis" | "injection" | "abuse" | "handoff";

export interface Rule {
  id: string;
  lang: string;
  pattern: RegExp;
  /** At least one of these occurs in any text the pattern matches; checked first so most rules never run. */
  anchors: string[] | undefined;
  /** Concept rules: each concept must occur somewhere (literal anchors first) before the joint pattern runs. */
  requires?: { pattern: RegExp; anchors: string[] | undefined }[];
  /** Concept rules: a match does not count when its sentence contains this ("first aid course", "lamp"). */
  veto?: RegExp;
}

/** A rule written as concepts that must meet in one sentence, with words that cancel it in that sentence. */
export interface ConceptRule {
  source: string;
  requires: string[];
  veto?: string;
}

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

// Person nouns (folded) used by several rules.
const EN_CHILD = "(?:child|son|daughter|kid|boy|girl|toddler|baby|grandson|granddaughter)";
const EN_PARTNER =
  "(?:husband|wife|partner|boyfriend|girlfriend|ex|ex-husband|ex-wife|ex-partner|ex-boyfriend|spouse|father|dad|stepfather|mother|mum|mom)";

const EMERGENCY: Record<string, string[]> = {
  en: [
    String.raw`\bunconscious\b`,
    String.raw`\b(?:he|she|they|someone|somebody|person|man|woman|child|baby|kid|boy|girl|dad|mum|mom|father|mother|husband|wife|friend|neighbour|neighbor) (?:is |was |'s |seems |looks |appears )?(?:completely |totally )?unresponsive\b`,
    String.raw`\b(?:not|isn'?t|stopped|stop|no longer) (?:breathing|responding|moving and)\b`,
    String.raw`\b(?:can'?t|cannot|can not|struggling to) breathe\b`,
    String.raw`\bno pulse\b`,
    String.raw`\b(?:he|she|someone|somebody|man|woman|person|child|kid|boy|girl|lady|guy|dad|mum|mom|father|mother|husband|wife|friend|neighbour|neighbor|grandma|grandad|grandfather|grandmother|colleague|customer|driver|cyclist) (?:has |just |suddenly |'s |has just )?(?:collapsed|passed out|fainted)\b`,
    String.raw`\b(?:heart attack|cardiac arrest|having a stroke|having a seizure|having a fit|overdos(?:e|ed|ing)|choking)\b`,
    String.raw`\b(?:house|home|flat|building|car|kitchen|shop|school|roof|apartment|block|garage|shed|van|bus|forest|field|bin store|barn|warehouse|stairwell|office) ~ (?:is |are )?(?:on fire|burning|in flames|ablaze)\b`,
    String.raw`\b(?:there'?s|there is|theres) (?:a )?(?:fire|blaze)\b`,
    String.raw`\b(?:on fire|in flames|ablaze|caught fire|catching fire)\b`,
    String.raw`\bsmoke (?:is )?(?:coming|pouring|billowing|everywhere|filling)\b`,
    String.raw`\bfire! *$`,
    String.raw`\b(?:smell|smells|smelling|stink|stinks|reeks)(?: \w+){0,2} (?:of )?gas\b`,
    String.raw`\bgas (?:leak|leaking|smell|is leaking|escaping)\b`,
    String.raw`\bleaking gas\b`,
    String.raw`\b(?:bleeding|bleeds) (?:heavily|badly|a lot|everywhere|profusely|out|from (?:his|her|the) (?:head|neck|chest))\b`,
    String.raw`\b(?:heavy|severe|serious|lots of) bleeding\b`,
    String.raw`\bblood everywhere\b`,
    String.raw`\b(?:stabbed|gunshots?|gunfire)\b`,
    String.raw`\b(?:been|was|got|is|has been|have been|just been) shot\b`,
    String.raw`\b(?:shots (?:fired|being fired)|shooting (?:at people|going on|outside))\b`,
    String.raw`\b(?:being|getting) (?:attacked|assaulted|beaten(?: up)?|stabbed|mugged|robbed|strangled|chased)\b`,
    String.raw`\b(?:is|are|he'?s|she'?s|they'?re|someone'?s) (?:attacking|beating|hitting|stabbing|strangling|choking|kicking|punching) (?:me|him|her|us|them|someone|a (?:man|woman|child|kid|boy|girl))\b`,
    String.raw`\b(?:has|with|holding|waving|carrying) (?:a )?(?:knife|gun|machete|weapon|firearm)\b`,
    String.raw`\b(?:breaking|broke) in(?:to)? (?:my|our|the) (?:house|home|flat|apartment)\b.*\b(?:now|right now|inside|still)\b`,
    String.raw`\bsomeone (?:is )?(?:breaking|trying to break) in\b`,
    String.raw`\bintruder\b(?! alarm)`,
    String.raw`\b${EN_CHILD} (?:is |has |went |has gone |have gone )?(?:missing|disappeared|vanished|gone missing)\b`,
    String.raw`\b(?:can'?t|cannot|can not) find my (?:\w+ )?${EN_CHILD}\b(?!'s)`,
    String.raw`\bmy (?:\w+ )?${EN_CHILD} is lost\b`,
    String.raw`\b(?:lost|missing) (?:child|kid|toddler|little (?:boy|girl))\b`,
    String.raw`\b(?:crash|accident|collision|pile-?up) ~~ (?:injured|hurt|bleeding|trapped|unconscious|wounded|casualties|not moving)\b`,
    String.raw`\b(?:injured|hurt|trapped|unconscious|wounded) ~~ (?:crash|accident|collision|pile-?up)\b`,
    String.raw`\b(?:won'?t|wont|can'?t|cannot|doesn'?t|does not|isn'?t|is not) (?:wake|waking) (?:up|him|her|them)\b`,
    String.raw`\b(?:took|has taken|swallowed) (?:too many|a lot of|loads of|a whole (?:bottle|box|packet) of|all (?:her|his|their|my|the)) (?:pills|tablets|painkillers|sleeping pills)\b`,
    String.raw`\b(?:injured|hurt|trapped|wounded) (?:people|person|driver|cyclist|pedestrian|child)\b`,
    String.raw`\b(?:knocked (?:down|over)|run over) by (?:a )?(?:car|van|bus|truck|lorry|tram|motorbike)\b`,
    String.raw`\b(?:someone|somebody|a (?:man|woman|child|kid|boy|girl|cyclist|pedestrian|person|jogger)|he|she|my (?:son|daughter|child|kid|wife|husband|friend|dad|mum|mother|father|neighbour|brother|sister)) (?:has been |got |just got |'s been |is |was just |has just been |just been )hit by (?:a )?(?:car|van|bus|truck|lorry|tram|motorbike)\b`,
    String.raw`\b(?:drowning|(?:fell|fallen|has fallen) (?:in|into) the (?:river|canal|lake|sea|water|pool))\b`,
    String.raw`\b(?:need|send|call|get) (?:an |the )?(?:ambulance|paramedics|fire brigade|firefighters|fire service)\b`,
    String.raw`\belectrocuted\b`,
    String.raw`\b(?:live|exposed|fallen|downed) (?:electric |power )?(?:wire|wires|cable|cables|power line|power lines) ~ (?:sparking|on the (?:road|pavement|ground|street))\b`,
    String.raw`\b(?:building|house|roof|balcony|ceiling) (?:has |is )?(?:collapsed|collapsing|coming down)\b`,
    String.raw`\bhelp ~ (?:he|she|they|someone|somebody) (?:is|'s) (?:dying|not breathing|bleeding)\b`,
    String.raw`\b(?:he|she|they|someone|somebody) (?:is|'s) dying\b`,
    String.raw`\blying (?:on the (?:ground|floor|road|pavement|street|pitch)|there|in the road) (?:and )?(?:not moving|motionless|unconscious|bleeding|not responding)\b`,
    String.raw`\b(?:he|she|someone|somebody|man|woman|person|child|kid|baby|dad|mum|mom|grandma|grandad|husband|wife|friend|neighbou?r) (?:\w+ ){0,6}(?:is not|isn'?t|'s not) (?:moving|responding|waking up)\b`,
    String.raw`\b(?:has|'s got|has got|got|pulled|pulling out|pointing) (?:a )?(?:knife|gun|machete|weapon|firearm|pistol)\b(?! (?:sharpener|block|set|drawer|licen[cs]e))`,
    String.raw`\barmed (?:man|men|person|people|robber|robbers|intruder|attacker|gang)\b`,
    String.raw`\b(?:flames|fire|smoke) (?:is |are )?(?:coming|pouring|shooting|billowing|leaping) (?:out|from)\b`,
    String.raw`\b(?:turning|gone|going|lips are|lips have gone|face is) (?:blue|purple|grey)\b`,
    String.raw`\b(?:swallowed|has swallowed|ate|drank) (?:something|a (?:battery|button battery|coin|magnet)|bleach|poison|weed ?killer|rat poison|cleaning (?:fluid|product))\b`,
    String.raw`\b(?:he|she|someone|somebody|man|woman|lady|person|child|kid|baby|toddler|dad|mum|mom|grandma|grandad|husband|wife|friend|neighbou?r|cyclist|pedestrian|driver|boy|girl)\b.{0,60}?\b(?:not moving|not responding|not waking up|isn'?t moving|isn'?t responding|won'?t move)\b`,
    String.raw`\b(?:someone|somebody|a man|a woman|people|men|they) (?:is |are |'s |'re )?trying to (?:get|break|force their way) in(?:to)?\b`,
    String.raw`\b(?:took|has taken|swallowed) (?:too many|a lot of|loads of|a whole (?:bottle|box|packet) of|all (?:her|his|their|my|the)) (?:pills|tablets|painkillers|sleeping pills|paracetamol|ibuprofen|aspirin|medication|meds|insulin|antidepressants)\b`,
  ],
  fr: [
    String.raw`\b(?:inconscient|inconsciente|inanime|inanimee)s?\b`,
    String.raw`\bne respire (?:plus|pas)\b`,
    String.raw`\b(?:n'arrive|arrive) (?:plus|pas) a respirer\b`,
    String.raw`\b(?:a|ai|as) perdu connaissance\b`,
    // Only fainting here: walls and bridges collapse too, so "s'est effondre" needs a person (concept rules).
    String.raw`\b(?:s'est |est |se sont )?(?:evanoui|evanouie)s?\b`,
    String.raw`\b(?:il|elle|quelqu'un|la personne|l'homme|la femme|l'enfant|le bebe) ne reagit plus\b`,
    String.raw`\b(?:crise cardiaque|arret cardiaque|fait un avc|crise d'epilepsie|convulse|convulsions|overdose|s'etouffe)\b`,
    String.raw`\b(?:au feu|il y a le feu|(?:a pris|ont pris|prend|prennent) feu|en feu|en flammes|ca brule)\b`,
    String.raw`\b(?:un|l') ?incendie (?:dans|au|chez|en cours|vient de se declarer)\b`,
    String.raw`\b(?:immeuble|maison|voiture|appartement|cuisine|batiment|foret|garage|cave|toit) ~ (?:brule|est en train de bruler)\b`,
    String.raw`\b(?:de la )?fumee (?:sort|partout|noire|envahit|remplit)\b`,
    String.raw`\b(?:fuite|odeur|sent|sens|sentir|pue|puer)(?: \w+){0,2} (?:de |le |du |d'un )?gaz\b`,
    String.raw`\bsaigne (?:beaucoup|abondamment|enormement|fort|partout|de la tete)\b`,
    String.raw`\b(?:perd|perte de) beaucoup de sang\b`,
    String.raw`\b(?:hemorragie|poignarde|poignardee|blesse par balle|coup de couteau|tire dessus|coups de feu)\b`,
    String.raw`\b(?:me fais|se fait|se font|nous faisons|on se fait) (?:agresser|attaquer|frapper|tabasser|poignarder|etrangler)\b`,
    String.raw`\b(?:m'|nous )(?:attaque|agresse|etrangle)(?:nt)?\b`,
    String.raw`\best en train de (?:me |le |la |nous |les )?(?:frapper|battre|attaquer|etrangler|poignarder)\b`,
    String.raw`\b(?:a|avec|tient|brandit) (?:un|une) (?:couteau|pistolet|arme|fusil|machette)\b`,
    String.raw`\b(?:quelqu'un|un cambrioleur|des cambrioleurs|un intrus|un voleur|des voleurs) (?:essaie d'entrer|essaient d'entrer|est en train d'entrer|est entre|entre|sont entres|est|sont) (?:chez|dans)\b`,
    String.raw`\b(?:mon|ma|notre) (?:\w+ )?(?:enfant|fils|fille|bebe|garcon) ~ (?:a disparu|est introuvable|s'est perdu|s'est perdue|est perdu|est perdue)\b`,
    String.raw`\b(?:trouve plus|trouve pas|retrouve plus|retrouve pas) (?:mon|ma|notre) (?:\w+ )?(?:enfant|fils|fille|bebe|garcon)\b`,
    String.raw`\benfant (?:disparu|perdu|enleve)\b`,
    String.raw`\baccident ~~ (?:blesses?|blessees?|victimes?|coince|coincee|coinces|inconscient|bloques? dans)\b`,
    String.raw`\b(?:blesses?|blessees?) ~ (?:accident|collision|carambolage)\b`,
    String.raw`\b(?:renverse|renversee|fauche|fauchee) par (?:une|un) (?:voiture|camion|bus|moto|tram)\b`,
    String.raw`\b(?:se noie|noyade|est tombe dans (?:la riviere|le canal|le lac|l'eau|la seine))\b`,
    String.raw`\b(?:appelez|appeler|envoyez|besoin d'une|il faut une) (?:une |les )?(?:ambulance|secours|pompiers|samu)\b`,
    String.raw`\b(?:electrocute|electrocutee)\b`,
    String.raw`\b(?:il|elle|quelqu'un) (?:est en train de mourir|va mourir)\b(?! de (?:rire|faim|soif|froid|chaud|ennui|honte))`,
    String.raw`\b(?:il|elle|quelqu'un|homme|femme|personne|enfant|bebe|pere|mere|voisin|voisine|grand-pere|grand-mere|mari|papa|maman|dame|monsieur|jeune|garcon|fille|cycliste|pieton|pietonne|motard|conducteur|conductrice|passant|passante) (?:\w+ ){0,6}ne (?:bouge|se reveille|repond) plus\b`,
    String.raw`\b(?:homme|individu|quelqu'un|personne|type|gars) arme\b`,
    String.raw`\b(?:allonge|allongee|etendu|etendue) (?:par terre|au sol|sur le sol|sur la route|sur le trottoir) (?:et |qui )?(?:ne bouge|inconscient|inanime|saigne)`,
    String.raw`\b(?:des flammes|du feu|de la fumee) (?:qui )?(?:sort|sortent|s'echappe|s'echappent)\b`,
    String.raw`\b(?:devient|est|a les levres|a le visage) (?:tout |toute )?(?:bleu|bleue|violet|violette)\b`,
    String.raw`\ba avale (?:quelque chose|une pile|un aimant|de la javel|du poison|du produit)\b`,
    String.raw`\b(?:quelqu'un|un homme|des gens|des hommes|ils) (?:essaie|essaient|tente|tentent) d'(?:entrer|forcer la porte)\b`,
  ],
  de: [
    String.raw`\b(?:bewusstlos|ohnmachtig|regungslos)\b`,
    String.raw`\batmet (?:nicht|nicht mehr|kaum)\b`,
    String.raw`\b(?:bekomme|bekommt|kriege|kriegt) keine luft\b`,
    String.raw`\b(?:er|sie|jemand|mann|frau|kind|person|nachbar|nachbarin|vater|mutter|opa|oma|herr|dame) (?:ist )?(?:\w+ ){0,4}(?:zusammengebrochen|kollabiert|umgefallen)\b`,
    String.raw`\b(?:herzinfarkt\w*|herzstillstand|schlaganfall\w*|krampfanfall\w*|krampft|uberdosis|erstickt)\b`,
    String.raw`\bes brennt\b(?! (?:nicht|licht|das licht|die lampe|dauerhaft|tagsuber))`,
    String.raw`\b(?:haus|wohnung|auto|kuche|dach|gebaude|keller|scheune|wald|laden|garage|treppenhaus|nachbarhaus) ~ (?:brennt|steht in flammen)\b(?! (?:nicht|licht|das licht|die lampe|die laterne|dauerhaft|tagsuber|die ganze))`,
    String.raw`\b(?:in flammen|feuer (?:im|in der|in unserem|in meiner|bei den)|brand (?:im|in der|in unserem))\b`,
    String.raw`\brauch (?:quillt|kommt|uberall|dringt)\b`,
    String.raw`\b(?:gasgeruch|gasleck|gas (?:tritt|stromt) aus|gas ausgetreten)\b`,
    String.raw`\b(?:riecht|stinkt|rieche|riechen)(?: \w+){0,5} nach gas\b`,
    String.raw`\bblutet (?:stark|sehr|heftig|viel|uberall|am kopf)\b`,
    String.raw`\b(?:starke blutung|viel blut|uberall blut|niedergestochen|angeschossen|messerstich|erstochen)\b`,
    String.raw`\b(?:werde|wird|werden) (?:gerade |hier |jetzt )?(?:angegriffen|verprugelt|zusammengeschlagen|uberfallen|gewurgt|niedergeschlagen)\b`,
    String.raw`\b(?:schlagt|prugelt|wurgt|tritt) (?:mich|ihn|sie|uns) (?:gerade|jetzt|in diesem moment)\b`,
    String.raw`\b(?:mit|hat) (?:einem|einer|ein|eine) (?:messer|waffe|pistole|machete)\b`,
    String.raw`\b(?:einbrecher (?:im|in der|ist)|jemand bricht (?:gerade )?(?:bei uns |bei mir )?ein)\b`,
    String.raw`\b(?:mein|meine|unser|unsere) (?:[\w-]+ )?(?:kind|sohn|tochter|baby) (?:ist )?(?:\w+ ){0,5}(?:verschwunden|vermisst|nicht (?:mehr )?auffindbar)\b`,
    String.raw`\b(?:kind|sohn|tochter|baby) ist (?:seit \w+ \w+ |plotzlich |einfach )?weg\b`,
    String.raw`\bfinde (?:mein|meine|meinen|unser|unsere|unseren) (?:kind|sohn|tochter|baby) nicht\b`,
    String.raw`\b(?:kind|kleinkind) vermisst\b`,
    String.raw`\bunfall ~~ (?:verletzt|verletzte|verletzten|eingeklemmt|schwerverletzt|schwerverletzte|bewusstlos)\b`,
    String.raw`\b(?:verletzte|schwerverletzte|eingeklemmt) ~ unfall\b`,
    String.raw`\b(?:kind|mann|frau|person|fussganger|fussgangerin|radfahrer|radfahrerin|jemand|junge|madchen|sohn|tochter)\b[^.!?]{0,40}?\b(?:angefahren|uberfahren)\b`,
    String.raw`\b(?:ertrinkt|ins wasser gefallen|in den (?:fluss|see|kanal|rhein) gefallen)\b`,
    String.raw`\b(?:ruf|ruft|rufen sie|brauche|brauchen|schickt|schicken sie) (?:einen |die |den )?(?:krankenwagen|rettungswagen|notarzt|feuerwehr)\b`,
    String.raw`\b(?:haus|gebaude|dach|decke|balkon|brucke) (?:ist )?(?:eingesturzt|sturzt ein)\b`,
    String.raw`\b(?:er|sie|jemand) stirbt\b(?! vor)`,
    String.raw`\b(?:nicht (?:mehr )?ansprechbar|bewegt sich nicht mehr)\b`,
    String.raw`\b(?:mann|frau|er|sie|kind|vater|mutter|nachbar\w*|opa|oma|person|baby|junge|madchen) (?:\w+ ){0,6}(?:reagiert (?:gar )?nicht|bewegt sich nicht)\b(?! (?:auf|mehr auf))`,
    String.raw`\b(?:bewaffnet\w*|mann mit (?:einer )?(?:waffe|pistole|messer))\b`,
    String.raw`\b(?:lauft|wird) (?:ganz )?blau(?: an)?\b`,
    String.raw`\bhat (?:etwas|eine batterie|einen magneten|gift|putzmittel|reiniger) verschluckt\b`,
    String.raw`\b(?:kommt|quillt|dringt) (?:\w+ ){0,2}(?:dichter |schwarzer |dicker )?rauch\b`,
    String.raw`\b(?:dame|herr|frau|mann|kind|person|opa|oma|nachbar\w*|radfahrer\w*)\b.{0,60}?\b(?:bewegt sich nicht|reagiert nicht mehr|ist nicht ansprechbar)\b`,
    String.raw`\b(?:jemand|ein mann|leute|manner) versuch(?:t|en) (?:gerade )?(?:bei uns |bei mir |in die wohnung |ins haus )?(?:einzubrechen|reinzukommen|hereinzukommen|die tur aufzubrechen)\b`,
  ],
  es: [
    String.raw`\b(?:inconsciente|inconscientes)\b`,
    String.raw`\bno respira\b`,
    String.raw`\b(?:ya no reacciona|no reacciona ni respira|no reacciona y)\b`,
    String.raw`\b(?:ha dejado|dejo) de respirar\b`,
    String.raw`\bno (?:puede|puedo) respirar\b`,
    String.raw`\b(?:se ha |se )?(?:desmayado|desmayo|desplomado|desplomo)\b`,
    String.raw`\b(?:infarto|ataque al corazon|paro cardiaco|ictus|convulsiones|sobredosis|se esta ahogando|atragantado|atragantada)\b`,
    String.raw`\b(?:hay (?:un )?(?:fuego|incendio)|se esta quemando|esta ardiendo|estan ardiendo|en llamas|se ha prendido fuego|(?:ha|han) prendido fuego|fuego!)\b`,
    String.raw`\bincendio (?:en|dentro)\b`,
    String.raw`\b(?:sale|salen|hay) (?:mucho |muchas )?(?:humo|fuego|llamas)\b`,
    String.raw`\b(?:fuga|escape|olor)(?: \w+){0,2} (?:de|a) gas\b`,
    String.raw`\b(?:huele|apesta|olia)(?: \w+){0,3} a gas\b`,
    String.raw`\b(?:sangra|esta sangrando|sangrando) (?:mucho|muchisimo|sin parar|por la cabeza|a chorros)\b`,
    String.raw`\b(?:hemorragia|apunalado|apunalada|le han disparado|me han disparado|disparos|herido de bala|navajazo)\b`,
    String.raw`\b(?:me|le|la|nos|les) (?:estan|esta) (?:atacando|pegando|agrediendo|golpeando|estrangulando|apunalando)\b`,
    String.raw`\b(?:tiene|con|lleva) (?:un|una) (?:cuchillo|pistola|arma|navaja|machete)\b`,
    String.raw`\b(?:alguien|un ladron|ladrones) (?:esta entrando|ha entrado|estan entrando|intenta entrar) en (?:mi|la|nuestra) casa\b`,
    String.raw`\b(?:mi|nuestro|nuestra) (?:\w+ )?(?:hijo|hija|nino|nina|bebe|pequeno|pequena) ~ (?:ha desaparecido|desaparecido|desaparecida|se ha perdido|esta perdido|esta perdida|no aparece)\b`,
    String.raw`\bno (?:encuentro|encontramos) a (?:mi|nuestro|nuestra) (?:hijo|hija|nino|nina|bebe)\b`,
    String.raw`\b(?:nino|nina) (?:desaparecido|desaparecida|perdido|perdida)\b`,
    String.raw`\baccidente ~~ (?:heridos?|heridas?|atrapados?|atrapadas?|inconsciente)\b`,
    String.raw`\b(?:heridos?|atrapados?) ~ (?:accidente|choque|colision)\b`,
    String.raw`\b(?:(?:han|ha) atropellado a|atropellaron a|(?:ha sido|fue) atropellad[oa]|(?:nino|nina|persona|hombre|mujer|ciclista|peaton|senor|senora) atropellad[oa])\b`,
    String.raw`\b(?:se esta ahogando|ahogandose|se (?:ha caido|cayo) al (?:rio|agua|canal|lago|mar))\b`,
    String.raw`\b(?:llamen|llamad|llame|necesito|necesitamos|manden|envien) (?:a )?(?:una |la |los )?(?:ambulancia|bomberos)\b`,
    String.raw`\b(?:electrocutado|electrocutada)\b`,
    String.raw`\bse esta muriendo\b(?! de)`,
    String.raw`\b(?:abuelo|abuela|hombre|mujer|nino|nina|padre|madre|bebe|vecino|vecina|persona|senor|senora|hijo|hija|marido|esposa|esposo|amigo|amiga|chico|chica) (?:\w+ ){0,6}no se (?:mueve|despierta)\b`,
    String.raw`\b(?:hombre|persona|tipo|individuo|alguien|chico|hombres|personas) armad[oa]s?\b`,
    String.raw`\btirad[oa] en el suelo (?:y |que )?(?:no se mueve|inconsciente|sangrando)\b`,
    String.raw`\bse (?:esta|ha) (?:poniendo|puesto) (?:morado|morada|azul)\b`,
    String.raw`\bse ha tragado (?:algo|una pila|un iman|lejia|veneno)\b`,
    String.raw`\b(?:abuelo|abuela|hombre|mujer|nino|nina|padre|madre|bebe|vecino|vecina|persona|senor|senora|hijo|hija|marido|esposa|ciclista|peaton)\b.{0,60}?\bno se (?:mueve|despierta)\b`,
    String.raw`\b(?:alguien|un hombre|unos hombres|gente) (?:esta|estan) (?:intentando|tratando de) (?:entrar|forzar la puerta)\b`,
  ],
  ro: [
    String.raw`\b(?:inconstient|inconstienta|inconstienti)\b`,
    String.raw`\bnu (?:mai )?respira\b`,
    String.raw`\bnu mai reactioneaza\b`,
    String.raw`\bnu (?:mai )?(?:poate|pot) (?:sa )?respira\b`,
    String.raw`\b(?:a lesinat|lesinat|lesinata|a cazut lat)\b`,
    String.raw`\b(?:el|ea|cineva|omul|barbatul|femeia|vecinul|vecina|tatal|mama|bunicul|bunica|un om|un barbat|o femeie) (?:\w+ )?s-a prabusit\b`,
    String.raw`\b(?:infarct|stop cardiac|atac cerebral|accident vascular|convulsii|criza de epilepsie|supradoza|se sufoca|se ineaca cu)\b`,
    String.raw`\b(?:(?:e|este|a luat|au luat|ia) foc|in flacari|arde (?:casa|blocul|masina|apartamentul|bucataria)|foc!)\b`,
    String.raw`\b(?:casa|blocul|masina|apartamentul|bucataria|cladirea|pivnita|acoperisul) ~ (?:arde|ard|in flacari)\b`,
    String.raw`\bincendiu (?:la|in|pe)\b`,
    String.raw`\bfum (?:peste tot|gros|negru|iese|ies)\b`,
    String.raw`\b(?:miroase|mirosea|put|miros)(?: \w+){0,3} (?:a|de) gaze?\b`,
    String.raw`\b(?:scurgere|scapare|pierdere) de gaze?\b`,
    String.raw`\bsangereaza (?:abundent|puternic|mult|tare|foarte tare|din cap)\b`,
    String.raw`\b(?:pierde|a pierdut) (?:foarte )?mult sange\b`,
    String.raw`\b(?:hemoragie|injunghiat|injunghiata|impuscat|impuscata)\b`,
    String.raw`\b(?:sunt|este|e|suntem) (?:atacat|atacata|atacati|agresat|agresata|batut acum|injunghiat)\b`,
    String.raw`\b(?:ma|il|o|ne) (?:ataca|agreseaza|strange de gat|injunghie)\b`,
    String.raw`\b(?:ma|il|o|ne) (?:bate|loveste) (?:acum|chiar acum|in momentul asta)\b`,
    String.raw`\b(?:are|cu) (?:un|o) (?:cutit|arma|pistol|maceta|topor)\b`,
    String.raw`\b(?:a intrat|intra|incearca sa intre) (?:cineva|un hot|hotii|niste hoti) (?:in casa|in apartament|peste noi)\b`,
    String.raw`\b(?:copilul|fiul|fiica|baiatul|fetita|bebelusul|nepotul|nepoata) (?:meu|mea|nostru|noastra)? ~ (?:a disparut|disparut|disparuta|s-a pierdut|s-a ratacit)\b`,
    String.raw`\bnu (?:-mi )?(?:gasesc|gasim|il gasesc|o gasesc) (?:copilul|fiul|fiica|baiatul|fetita|bebelusul)\b`,
    String.raw`\bcopil (?:disparut|pierdut|rapit)\b`,
    String.raw`\baccident ~~ (?:raniti|ranit|ranita|blocat|blocata|blocati|incarcerat|incarcerata|incarcerati|inconstient)\b`,
    String.raw`\b(?:raniti|ranit|ranita|incarcerati) ~ (?:accident|coliziune)\b`,
    String.raw`\b(?:copil|copilul|un om|omul|barbat|barbatul|femeie|femeia|pieton|pietonul|biciclist|biciclistul|cineva|fiul|fiica|vecinul|vecina|baiat|fata) (?:\w+ )?(?:a fost |e |este )?(?:lovit|lovita|calcat|calcata|acrosat|acrosata) de (?:o |un )?(?:masina|autobuz|camion|tramvai)\b`,
    String.raw`\b(?:se ineaca|s-a inecat|inec|a cazut in (?:rau|apa|lac|canal))\b`,
    String.raw`\b(?:chemati|sunati|trimiteti|am nevoie de|chema) (?:o |la )?(?:ambulanta|pompierii|salvarea|smurd)\b`,
    String.raw`\b(?:electrocutat|electrocutata)\b`,
    String.raw`\b(?:e pe moarte|este pe moarte|moare acum)\b`,
    String.raw`\b(?:bunica|bunicul|mama|tata|omul|barbatul|femeia|copilul|vecinul|vecina|el|ea|sotul|sotia|fiul|fiica|un om|o femeie|un barbat|persoana) (?:\w+ ){0,6}nu se (?:mai )?(?:misca|trezeste)\b`,
    String.raw`\b(?:om|barbat|individ|tip|cineva|oameni) inarmat\w*\b`,
    String.raw`\bzace (?:pe jos|pe strada|pe trotuar|in strada) (?:si )?(?:nu se misca|inconstient|plin de sange)`,
    String.raw`\barde (?:un|o) (?:casa|apartament|bloc|masina|cladire|magazin|garaj)\b`,
    String.raw`\bs-a (?:invinetit|facut vanat|albastrit)\b`,
    String.raw`\ba inghitit (?:ceva|o baterie|un magnet|clor|otrava|detergent)\b`,
    String.raw`\b(?:cineva|un om|un barbat|niste oameni|hotii) (?:incearca|incerca|incearca acum) sa (?:intre|sparga usa)\b`,
  ],
  hu: [
    String.raw`\beszmeletlen\w*`,
    String.raw`\bnem (?:lelegzik|kap levegot)\b`,
    String.raw`\b(?:osszeesett|elajult|osszerogyott)\b`,
    String.raw`\b(?:szivroham\w*|szivmegallas\w*|sztrok\w*|agyverzes\w*|epilepszias roham\w*|tuladagol\w*|fuldoklik|fullad)`,
    String.raw`\b(?:tuz van|eg a (?:haz|lakas|auto|konyha|hazunk|epulet|pince|teto|szomszed)|langokban all|langol|kigyulladt|langra kapott)\b`,
    String.raw`\bfust (?:mindenhol|omlik|jon|araszt)\b`,
    String.raw`\b(?:gazszag|gazszivargas|gaz szivarog|gazt erzek|gaz szaga|gazszagot)\w*`,
    String.raw`\b(?:erosen|nagyon|sokat) verzik\b`,
    String.raw`\b(?:sok vert veszit|megszurtak|megszurta|lelottek|lelotte|kesszuras|loves)\b`,
    String.raw`\b(?:megtamadtak|megtamadott|megtamadnak|tamadnak ram|ver(?:nek)? (?:engem )?most|most ver)\b`,
    String.raw`\b(?:kes|fegyver|pisztoly|balta) van (?:nala|\w+nal|\w+nel)\b`,
    String.raw`\b\w+(?:nal|nel) (?:egy )?(?:kes|fegyver|pisztoly|balta) van\b`,
    String.raw`\b(?:kessel|fegyverrel|pisztollyal|baltaval) (?:fenyeget|hadonaszik|tamad)\w*`,
    String.raw`\b(?:betoro|betorok) (?:van |vannak )?(?:a hazban|a lakasban|bent)\b`,
    String.raw`\bvalaki (?:be akar torni|betor|most tor be)\b`,
    String.raw`\b(?:gyerekem|gyermekem|fiam|lanyom|kisfiam|kislanyom|babam|unokam) ~ (?:eltunt|elveszett|nincs meg|nem talalom)\b`,
    String.raw`\bnem talalom a (?:gyerekemet|gyermekemet|fiamat|lanyomat|kisfiamat|kislanyomat|babamat)\b`,
    String.raw`\beltunt (?:a )?(?:gyerek|gyermek|kisfiu|kislany)\w*`,
    String.raw`\bbaleset\w* ~~ (?:serult|serultek|serultekkel|beszorult|eszmeletlen)\w*`,
    String.raw`\b(?:elutottek|elgazoltak) (?:egy )?(?:gyerek|ember|gyalogos|biciklis|ferfi|not|kisfiu|kislany)\w*`,
    String.raw`\b(?:gyereket|gyereket|embert|gyalogost|biciklist|ferfit|not|kisfiut|kislanyt|fiamat|lanyomat) ~ (?:elutott|elgazolt)\w*`,
    String.raw`\b(?:fuldoklik a vizben|vizbe esett|a folyoba esett|a toba esett)\b`,
    String.raw`\b(?:hivjanak|hivjon|hivja|kuldjenek|kell egy) (?:a )?(?:mentot|mentoket|tuzoltokat|tuzoltot|mentot)\b`,
    String.raw`\bmegrazta az aram\b`,
    String.raw`\bhaldoklik\b`,
    String.raw`\b(?:nagymamam|nagypapam|anyam|apam|anyukam|apukam|ferjem|felesegem|gyerekem|fiam|lanyom|szomszed\w*|ferfi|no|ember|bacsi|neni|valaki|kisbaba|baba) (?:\w+ ){0,6}nem (?:mozdul|mozog|ebred)\b`,
    String.raw`\b(?:beleesett|beesett|esett|zuhant) (?:a |az )?(?:vizbe|folyoba|toba|dunaba|tiszaba|csatornaba|balatonba|kutba|medencebe)\b`,
    String.raw`\bfegyveres (?:ferfi|ember|tamado|rablo|alak)\w*`,
    String.raw`\b(?:elkekult|kekul|lila lett)\b`,
    String.raw`\blenyelt (?:valamit|egy elemet|egy magnest|mergot|hypot)\b`,
    String.raw`\b(?:valaki|egy ferfi|emberek) (?:be akar jonni|be akar torni|be akarnak torni|feszegeti az ajtot)\b`,
  ],
};

/*
 * Emergencies are described in endless ways, so besides fixed phrases a few families are recognised by two
 * concepts meeting in one sentence, in either order: a person and a state ("my dad ... isn't breathing"),
 * a child and going missing, a fire and it being out of control. Objects and pets veto the missing-child family.
 */
interface EmergencyConcepts {
  person: string;
  unresponsive: string;
  /** A child as the subject ("my son", "a little girl"), so "kid horse" or "child seat" do not count. */
  child: string;
  /** After the verb ("missing ... my son") only a possessed child counts; defaults to `child`. */
  childAfter?: string;
  missing: string;
  notChild: string;
  fire: string;
  fireNow: string;
  fall: string;
  noResponse: string;
  weapon: string;
  fight: string;
}

const CONCEPTS: Record<string, EmergencyConcepts> = {
  en: {
    person: String.raw`he|she|someone|somebody|man|woman|lady|guy|person|child|kid|baby|toddler|boy|girl|dad|mum|mom|father|mother|husband|wife|partner|friend|neighbou?r|grandma|grandad|grandmother|grandfather|granny|son|daughter|brother|sister|colleague|driver|cyclist|pedestrian|pupil`,
    unresponsive: String.raw`unconscious|unresponsive|not breathing|stopped breathing|isn'?t breathing|can'?t breathe|not moving|isn'?t moving|won'?t wake(?: up)?|can'?t wake|not waking|slumped|collapsed|passed out|fainted|no pulse|turning blue|gone blue|having a (?:fit|seizure)`,
    child: String.raw`(?:my|our|a|the|his|her|their|your|\d+[- ]?(?:year|yr)[- ]old) (?:[\w-]+ )?(?:child|kid|son|daughter|boy|girl|toddler|baby|little one|grandson|granddaughter)`,
    childAfter: String.raw`(?:my|our|his|her|their) (?:[\w-]+ )?(?:child|kid|son|daughter|boy|girl|toddler|baby|little one|grandson|granddaughter)`,
    missing: String.raw`missing|disappeared|vanished|wandered off|ran off|run off|can'?t find (?:him|her|them)|cannot find (?:him|her|them)|nowhere to be (?:seen|found)|(?:we|i)(?:'ve| have)? lost (?:him|her|them)\b(?! \w)`,
    notChild: String.raw`cat|dog|kitten|puppy|pet|parrot|rabbit|tortoise|hamster|bike|bicycle|scooter|phone|card|keys|wallet|bag|toy|teddy|homework|letter|parcel|pass|ticket|passport|licence|license|badge`,
    fire: String.raw`fire|flames|blaze|burning`,
    fireNow: String.raw`can'?t put (?:it|the fire) out|cannot put (?:it|the fire) out|couldn'?t put (?:it|the fire) out|won'?t go out|spreading|out of control|trapped|smoke everywhere|getting bigger`,
    fall: String.raw`fell|fallen|has fallen|collapsed|on the floor|on the ground|in the bath`,
    noResponse: String.raw`not answering|won'?t answer|isn'?t answering|not responding|doesn'?t respond|no response|drifting in and out|barely conscious|half conscious|can'?t get (?:a|any) response`,
    weapon: String.raw`knife|knives|blade|machete|gun|guns|broken bottle|bottle|baseball bat|bat|weapon|weapons|axe`,
    fight: String.raw`fighting|fight|threatening|attacking|stabbing|waving|brawl|going for|lunging`,
  },
  fr: {
    // Not "il y a", and not "personne" alone, which also means "nobody".
    person: String.raw`il(?! y a| faut)|elle|quelqu'un|homme|femme|dame|monsieur|une personne|la personne|enfant|bebe|garcon|fille|pere|mere|papa|maman|mari|epouse|voisin|voisine|ami|amie|grand-pere|grand-mere|fils|frere|soeur|collegue|conducteur|cycliste|pieton|jeune|eleve`,
    unresponsive: String.raw`inconscient\w*|inanime\w*|ne respire (?:plus|pas)|ne bouge plus|ne se reveille (?:plus|pas)|ne reagit plus|s'est evanoui\w*|evanouie?|s'est effondre\w*|a perdu connaissance|tombe\w* dans les pommes|convulse\w*|devient bleu\w*|plus de pouls`,
    child: String.raw`(?:mon|ma|notre|un|une|le|la|son|sa|leur) (?:[\w-]+ )?(?:enfant|fils|fille|garcon|bebe|gamin|gamine|petit-fils|petite-fille)`,
    childAfter: String.raw`(?:mon|ma|notre|son|sa|leur) (?:[\w-]+ )?(?:enfant|fils|fille|garcon|bebe|gamin|gamine|petit-fils|petite-fille)`,
    missing: String.raw`a disparu|disparu\w*|introuvable|ne (?:le|la|les) (?:trouve|retrouve|trouvons|retrouvons) (?:plus|pas)|s'est perdu\w*|s'est eloigne\w*|s'est sauve\w*`,
    notChild: String.raw`chat|chien|chaton|chiot|animal|velo|trottinette|telephone|carte|cles|portefeuille|sac|doudou|cartable|colis|courrier`,
    fire: String.raw`feu|incendie|flammes|brule|brulent`,
    fireNow: String.raw`l'eteindre|s'eteint pas|se propage|se repand|hors de controle|pris au piege|coinces? (?:a l'interieur|dedans|a l'etage)|bloques? (?:a l'interieur|dedans|a l'etage)|fumee partout|s'etend`,
    fall: String.raw`tombe\w*|chute|par terre|au sol|dans la baignoire`,
    noResponse: String.raw`ne repond (?:plus|pas)|ne reagit (?:plus|pas)|a moitie inconscient\w*|ne dit plus rien`,
    weapon: String.raw`couteau|couteaux|arme|armes|batte|batte de baseball|bouteille cassee|machette|hache`,
    fight: String.raw`se battent|se bat|bagarre|menace|menacent|attaque|attaquent|agresse|agressent`,
  },
  de: {
    person: String.raw`er|sie|jemand|mann|frau|dame|herr|person|kind|baby|junge|madchen|vater|mutter|papa|mama|ehemann|ehefrau|nachbar\w*|freund\w*|opa|oma|sohn|tochter|bruder|schwester|kollege|kollegin|fahrer\w*|radfahrer\w*|fussganger\w*|schuler\w*`,
    unresponsive: String.raw`bewusstlos|ohnmachtig|regungslos|atmet (?:nicht|kaum)|bewegt sich nicht|nicht ansprechbar|reagiert nicht mehr|wacht nicht (?:mehr )?auf|zusammengebrochen|zusammengesackt|kollabiert|krampft|lauft blau an|kein puls`,
    child: String.raw`(?:mein|meine|unser|unsere|ein|eine|das|der|die|sein|seine|ihr|ihre) (?:[\w-]+ )?(?:kind|sohn|tochter|junge|madchen|baby|enkel\w*)`,
    childAfter: String.raw`(?:mein|meine|unser|unsere|sein|seine|ihr|ihre) (?:[\w-]+ )?(?:kind|sohn|tochter|junge|madchen|baby|enkel\w*)`,
    missing: String.raw`verschwunden|vermisst|ist weg|nicht (?:mehr )?auffindbar|finde(?:n)? (?:ihn|sie|es) nicht|weggelaufen|ausgebuxt`,
    notChild: String.raw`katze|hund|kater|welpe|haustier|fahrrad|rad|roller|handy|ausweis|karte|schlussel|geldbeutel|tasche|portemonnaie|paket|brief`,
    fire: String.raw`feuer|brand|brennt|flammen`,
    fireNow: String.raw`(?:bekommen|kriegen|bekomme|kriege|konnen) (?:es|das feuer|ihn|den brand) nicht (?:aus|geloscht)|nicht (?:zu )?loschen|breitet sich aus|ausser kontrolle|eingeschlossen|uberall rauch`,
    fall: String.raw`gesturzt|gefallen|hingefallen|umgefallen|auf dem boden|in der badewanne`,
    noResponse: String.raw`antwortet (?:nicht|nicht mehr)|reagiert (?:nicht|nicht mehr)|kaum bei bewusstsein|gibt keine antwort`,
    weapon: String.raw`messer|messern|waffe|waffen|flasche|schlagstock|baseballschlager|machete|axt`,
    fight: String.raw`prugeln|prugelt|kampfen|schlagerei|bedroht|bedrohen|aufeinander los|greifen an|greift an|sticht|stechen`,
  },
  es: {
    person: String.raw`ella|alguien|hombre|mujer|senor|senora|persona|nino|nina|bebe|chico|chica|padre|madre|papa|mama|marido|esposa|esposo|vecino|vecina|amigo|amiga|abuelo|abuela|hijo|hija|hermano|hermana|companero|companera|conductor\w*|ciclista|peaton`,
    unresponsive: String.raw`inconsciente|no respira|no se mueve|no reacciona|no despierta|se ha desmayado|desmayad[oa]|desplomad[oa]|convulsiones|se esta poniendo (?:morad[oa]|azul)|sin pulso`,
    child: String.raw`(?:mi|mis|nuestro|nuestra|un|una|el|la|su) (?:[\w-]+ )?(?:nino|nina|hijo|hija|bebe|chico|chica|pequeno|pequena|crio|cria|nieto|nieta)`,
    childAfter: String.raw`(?:mi|mis|nuestro|nuestra|su) (?:[\w-]+ )?(?:nino|nina|hijo|hija|bebe|chico|chica|pequeno|pequena|crio|cria|nieto|nieta)`,
    missing: String.raw`ha desaparecido|desaparecid[oa]|no (?:lo|la|los) (?:encuentro|encontramos|encuentra)|se ha perdido|esta perdid[oa]|se ha escapado|no aparece`,
    notChild: String.raw`gato|perro|gatito|cachorro|mascota|bici|bicicleta|patinete|movil|tarjeta|llaves|cartera|bolso|mochila|paquete|carta`,
    fire: String.raw`fuego|incendio|llamas|se quema|quemando|ardiendo`,
    fireNow: String.raw`no (?:lo |la )?(?:podemos|puedo|pueden|consigo|conseguimos) apagar|se extiende|se esta extendiendo|fuera de control|atrapad[oa]s?|humo por todas partes`,
    fall: String.raw`se ha caido|se cayo|caid[oa]|en el suelo|en la banera`,
    noResponse: String.raw`no contesta|no responde|no reacciona|medio inconsciente|no dice nada`,
    weapon: String.raw`cuchillo|cuchillos|navaja|navajas|arma|armas|botella rota|bate|machete|hacha`,
    fight: String.raw`pelean|peleando|pelea|amenaza|amenazando|atacando|atacan|agrediendo`,
  },
  ro: {
    person: String.raw`el|ea|cineva|omul|un om|barbat\w*|femei\w*|doamna|domnul|persoana|copil\w*|bebelus\w*|baiat\w*|fetit\w*|tata|tatal|mama|sotul|sotia|vecin\w*|prieten\w*|bunic\w*|fiul|fiica|frate\w*|sora|coleg\w*|sofer\w*|biciclist\w*|pieton\w*`,
    unresponsive: String.raw`inconstient\w*|nu (?:mai )?respira|nu (?:se )?(?:mai )?misca|nu (?:se )?(?:mai )?trezeste|nu mai reactioneaza|a lesinat|lesinat\w*|s-a prabusit|s-a invinetit|convulsii|fara puls`,
    child: String.raw`copilul|fiul|fiica|baiatul|fetita|bebelusul|nepotul|nepoata|un copil|o fetita|un baiat|un bebelus`,
    missing: String.raw`a disparut|disparut\w*|nu (?:il|o|ii) (?:mai )?(?:gasesc|gasim|gaseste)|nu-l (?:mai )?gasesc|n-o (?:mai )?gasesc|s-a pierdut|s-a ratacit|a fugit`,
    notChild: String.raw`pisic\w*|caine\w*|catel\w*|animal\w*|bicicleta|trotineta|telefon\w*|card\w*|chei\w*|portofel\w*|geanta|buletin\w*|colet\w*`,
    fire: String.raw`foc|incendiu|flacari|arde|ard`,
    fireNow: String.raw`nu (?:il |putem |pot |poate |reusim sa-l |reusesc sa-l )*(?:stinge|stingem|sting)|se extinde|se intinde|scapat de sub control|blocat\w* (?:inauntru|in casa|in apartament)|fum peste tot`,
    fall: String.raw`a cazut|cazut\w*|pe jos|in cada`,
    noResponse: String.raw`nu (?:mai )?raspunde|nu (?:mai )?reactioneaza|abia (?:mai )?respira`,
    weapon: String.raw`cutit|cutite|cutitul|arma|arme|sticla sparta|bata|maceta|topor`,
    fight: String.raw`se bat|bataie|ameninta|ataca|agreseaza|injunghie`,
  },
  hu: {
    person: String.raw`valaki|ferfi|no|holgy|ember|gyerek\w*|baba|kisfiu|kislany|fiu|lany|apa|apam|anya|anyam|ferjem|felesegem|szomszed\w*|barat\w*|nagymama\w*|nagypapa\w*|testver\w*|kollega\w*|sofor\w*|biciklis\w*|gyalogos\w*|neni|bacsi`,
    unresponsive: String.raw`eszmeletlen\w*|nem lelegzik|nem kap levegot|nem mozdul|nem mozog|nem ebred|osszeesett|elajult|gorcsol|elkekult|nincs pulzus\w*`,
    child: String.raw`gyerekem|gyermekem|gyerekunk|fiam|fiunk|lanyom|lanyunk|kisfiam|kislanyom|babam|unokam|egy gyerek|egy kisfiu|egy kislany|a gyerek`,
    missing: String.raw`eltunt|elveszett|nem talalom|nem talaljuk|sehol (?:sincs|nincs)|elkoborolt|elszokott`,
    notChild: String.raw`macska|cica|kutya|kutyus|haziallat|bicikli|roller|telefon\w*|kartya\w*|kulcs\w*|penztarca\w*|taska\w*|csomag\w*`,
    fire: String.raw`tuz|tuzet|eg|lang\w*|kigyulladt`,
    fireNow: String.raw`nem tudjuk eloltani|nem tudom eloltani|nem lehet eloltani|terjed|kontrollalhatatlan|bent rekedt|bennragadt|mindenhol fust`,
    fall: String.raw`elesett|leesett|osszeesett|a foldon|a kadban`,
    noResponse: String.raw`nem valaszol|nem reagal|alig (?:van eszmeleten|lelegzik)`,
    weapon: String.raw`kes|kesek|kesekkel|kessel|fegyver\w*|torott uveg\w*|baseballuto\w*|balta\w*`,
    fight: String.raw`verekedn\w*|verekszik|verekednek|fenyeget\w*|tamad\w*|kesel\w*`,
  },
};

/** Both concepts in one sentence, in either order, at most about ten words apart. */
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

for (const [lang, concepts] of Object.entries(CONCEPTS)) EMERGENCY[lang]?.push(...conceptRules(concepts));

// Things that contain a trigger word but are not emergencies; removed before the emergency rules run.
const NOT_EMERGENCY = [
  String.raw`\bfire ?(?:exit|door|alarm|hydrant|extinguisher|station|brigade open day|safety|drill|escape|hazard|risk|certificate|inspection|pit|place|works|wood|fighter|fighters|man|engine|truck|department|marshal|regulations|sign)s?\b`,
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
  String.raw`\b(?:last (?:week|month|year|weekend|summer|winter)|(?:\d+|two|three|four|few|several|couple of) (?:weeks|months|years) ago|(?:years|months|ages|long) ago|in (?:19|20)\d\d)\b`,
  String.raw`\b(?:la semaine derniere|le mois dernier|l'an(?:nee)? derniere?|il y a (?:\d+|deux|trois|quelques|plusieurs) (?:semaines|mois|ans|annees)|il y a (?:des annees|des mois|longtemps)|en (?:19|20)\d\d)\b`,
  String.raw`\b(?:letzte woche|letzten monat|letztes jahr|vor (?:\d+|zwei|drei|einigen|ein paar|mehreren) (?:wochen|monaten|jahren)|vor (?:jahren|monaten|langer zeit)|im jahr (?:19|20)\d\d)\b`,
  String.raw`\b(?:la semana pasada|el mes pasado|el ano pasado|hace (?:\d+|dos|tres|unas|unos|varias|varios) (?:semanas|meses|anos)|hace (?:anos|meses|mucho tiempo)|en (?:19|20)\d\d)\b`,
  String.raw`\b(?:saptamana trecuta|luna trecuta|anul trecut|acum (?:\d+|doua|trei|cateva) (?:saptamani|luni|ani)|acum (?:multi|cativa) ani|de ani de zile|in (?:19|20)\d\d)\b`,
  String.raw`\b(?:mult heten|mult honapban|tavaly|(?:\d+|ket|harom|nehany) (?:hete|honapja|eve)|evekkel ezelott|(?:19|20)\d\d-ban|(?:19|20)\d\d-ben)\b`,
];

const STILL_URGENT = String.raw`\b(?:now|right now|still|again|hurry|quick|urgent|help|maintenant|encore|toujours|vite|urgent|jetzt|gerade|immer noch|schnell|dringend|hilfe|ahora|todavia|sigue|rapido|urgente|ayuda|acum|inca|repede|urgent|ajutor|most|meg mindig|gyorsan|surgos|segitseg)\b`;

const CRISIS: Record<string, string[]> = {
  en: [
    String.raw`\b(?:kill|killing|harm|harming|hang|hanging) myself\b`,
    String.raw`\b(?:hurt|hurting|cut|cutting) myself (?:on purpose|deliberately|again|every)\b`,
    String.raw`\bwant to (?:hurt|cut) myself\b`,
    String.raw`\b(?:want|wanna|going|planning|thinking about|ready) (?:to )?(?:die|end it all|end my life|end it|not be here|disappear forever)\b(?! (?:of|from) (?:boredom|laughter|embarrassment|shame))`,
    String.raw`\bend(?:ing)? (?:my life|it all)\b`,
    String.raw`\bsuicid(?:e|al)\b`,
    String.raw`\bself[- ]?harm\w*`,
    String.raw`\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on)\b`,
    String.raw`\bbetter off (?:dead|without me)\b`,
    String.raw`\b(?:don'?t|do not) want to (?:live|be alive|be here anymore|wake up)\b`,
    String.raw`\bcan'?t (?:go on|live like this) any ?more\b`,
    String.raw`\b(?:take|took|taking|swallow|swallowed) (?:all )?(?:my|the|these) (?:pills|tablets)\b`,
    String.raw`\bdomestic (?:violence|abuse)\b`,
    String.raw`\b(?:my |our )?${EN_PARTNER} ~ (?:hits|beats|hurts|abuses|chokes|strangles|threatens|threatened|hit|beat|punched|kicked|slapped|raped|strangled|choked|assaulted|attacked|hurt|abused|pushed|shoved|burned|grabbed|bit) (?:me|us|my (?:children|kids))\b`,
    String.raw`\babusive (?:relationship|partner|husband|boyfriend|wife|girlfriend|ex|marriage)\b`,
    String.raw`\b(?:afraid|scared|frightened|terrified) (?:of my ${EN_PARTNER}|to go home)\b`,
    String.raw`\b(?:i'?m|i am)(?: being)? (?:abused|raped|sexually assaulted)\b`,
    String.raw`\b(?:was|been|got) raped\b`,
    String.raw`\bwant to disappear\b(?! from)`,
    String.raw`\b(?:can'?t stop|keep|kept) (?:hurting|cutting|harming|burning) myself\b`,
    String.raw`\btook a (?:knife|razor|blade) to my (?:arms?|wrists?|legs?|skin)\b`,
    String.raw`\b(?:thinking|thought) (?:about|of) (?:ending my life|killing myself|taking my (?:own )?life|suicide)\b`,
    String.raw`\b(?:threaten(?:s|ed|ing)?|said (?:he|she)(?:'d| would| will)) (?:to )?(?:kill|hurt|beat|stab|take) (?:me|us|the kids|the children|my (?:kids|children))\b`,
    String.raw`\b(?:nobody|no one|no-one) would (?:miss|notice|care about) me\b`,
    String.raw`\bthought about how (?:i'?d|i would|to) (?:do it|end it|kill myself)\b`,
  ],
  fr: [
    String.raw`\b(?:me|de me) (?:suicider|tuer|faire du mal|mutiler|scarifier|pendre|foutre en l'air)\b`,
    String.raw`\b(?:envie de|veux|voudrais|vais) mourir\b(?! de (?:rire|faim|soif|froid|chaud|ennui|honte))`,
    String.raw`\ben finir avec (?:la vie|tout|moi)\b`,
    String.raw`\b(?:veux|vais|voudrais) en finir\b(?! avec)`,
    String.raw`\benvie d'en finir\b(?! avec (?!la vie|tout))`,
    String.raw`\bmettre fin a (?:mes jours|ma vie)\b`,
    String.raw`\b(?:suicide|suicidaire|suicidaires|idees noires|automutilation|scarification)\b`,
    String.raw`\bplus (?:envie|la force|de raison) de vivre\b`,
    String.raw`\b(?:aucune|pas de) raison de vivre\b`,
    String.raw`\bviolences? (?:conjugales?|domestiques?|intrafamiliales?)\b`,
    String.raw`\b(?:mon mari|ma femme|mon conjoint|ma conjointe|mon compagnon|ma compagne|mon copain|ma copine|mon ex|mon pere|mon beau-pere) ~ (?:me frappe|me bat|me violente|me menace|m'a frappee?|m'a battue?|me tape|nous frappe|me maltraite|m'etrangle|m'a violee?|m'a etranglee?|m'a etouffee?|m'a menacee?|m'a poussee?|m'a giflee?)\b`,
    String.raw`\bpeur de rentrer chez moi\b`,
    String.raw`\b(?:je suis|je me fais|j'ai ete) (?:battue?|violee?|frappee?|maltraitee?|agressee? sexuellement)\b`,
    String.raw`\b(?:veux|voudrais|envie de) disparaitre\b(?! de (?:la liste|vos fichiers|votre liste))`,
    String.raw`\bje me (?:scarifie|mutile|fais du mal (?:expres|volontairement|tout le temps))\b`,
    String.raw`\bje me suis (?:scarifiee?|mutilee?)\b`,
  ],
  de: [
    String.raw`\b(?:mich|mir) (?:umbringen|das leben nehmen|etwas antun|was antun|selbst verletzen|ritzen|erhangen)\b`,
    String.raw`\b(?:will|mochte|werde) (?:nicht mehr leben|sterben)\b`,
    String.raw`\b(?:suizid\w*|selbstmord\w*|lebensmude|selbstverletzung|ritze mich)\b`,
    String.raw`\b(?:keinen|kein) sinn mehr (?:zu leben|im leben)\b`,
    String.raw`\b(?:hausliche|familiare)\w* gewalt\b`,
    String.raw`\b(?:mein mann|meine frau|mein partner|meine partnerin|mein freund|meine freundin|mein ex|mein vater|mein stiefvater) ~ (?:schlagt|bedroht|misshandelt|verprugelt|wurgt|vergewaltigt) (?:mich|uns|die kinder)\b`,
    String.raw`\b(?:mein mann|meine frau|mein partner|meine partnerin|mein freund|mein ex|mein vater) hat mich (?:geschlagen|verprugelt|vergewaltigt|gewurgt|bedroht)\b`,
    String.raw`\bangst(?:,)? nach hause zu gehen\b`,
    String.raw`\b(?:werde|wurde) (?:zu hause )?(?:geschlagen|vergewaltigt|misshandelt)\b`,
    String.raw`\b(?:verletze|ritze|schneide) mich (?:selbst|absichtlich|immer wieder)\b`,
    String.raw`\b(?:mir|mich) (?:das leben zu nehmen|umzubringen|etwas anzutun|selbst zu verletzen)\b`,
    String.raw`\b(?:meinem leben|dem ganzen|allem) ein ende (?:setzen|machen|bereiten)\b`,
  ],
  es: [
    String.raw`\b(?:quiero|quisiera|voy a|pienso en|pensando en|he pensado en|tengo ganas de) (?:suicidarme|matarme|morir|morirme|quitarme la vida|hacerme dano|cortarme)\b`,
    String.raw`\b(?:suicidio|suicida|suicidarme|autolesion\w*)\b`,
    String.raw`\bno quiero (?:seguir viviendo|vivir mas|vivir|seguir aqui)\b`,
    String.raw`\b(?:no tengo|sin) (?:ganas|razones|motivos) (?:de|para) vivir\b`,
    String.raw`\bviolencia (?:domestica|de genero|machista|familiar)\b`,
    String.raw`\b(?:mi marido|mi esposo|mi pareja|mi novio|mi novia|mi ex|mi exmarido|mi exmujer|mi expareja|mi exnovio|mi mujer|mi esposa|mi padre|mi padrastro) ~ (?:me pega|me golpea|me maltrata|me amenaza|me ha pegado|nos pega|me pego|me viola|me violo)\b`,
    String.raw`\bmiedo (?:de|a) volver a casa\b`,
    String.raw`\b(?:me maltratan|me violaron|fui violada|fui violado|me pegan en casa)\b`,
    String.raw`\bme (?:corto|lastimo|hago dano|hago cortes|quemo) (?:los brazos|las munecas|las piernas|a proposito|a mi mism[oa]|cuando)\b`,
    String.raw`\bme autolesiono\b`,
    String.raw`\b(?:acabar|terminar) con mi vida\b`,
  ],
  ro: [
    String.raw`\b(?:vreau|o|ma gandesc|am de gand|as vrea) (?:sa |sa-mi |sa-mi ia |sa imi )(?:mor|ma sinucid|ma omor|imi iau viata|iau viata|imi fac rau|fac rau|ma tai|ma spanzur)\b(?! de (?:foame|sete|ras|plictiseala|frig|cald))`,
    String.raw`\b(?:sinucid\w*|automutil\w*)\b`,
    String.raw`\bnu (?:mai )?(?:vreau sa traiesc|are rost sa traiesc|am pentru ce trai|vreau sa mai traiesc)\b`,
    String.raw`\bviolent\w* (?:domestic\w*|in familie)\b`,
    String.raw`\b(?:sotul|sotia|partenerul|partenera|iubitul|iubita|fostul|tatal|concubinul) (?:meu|mea)? ~ (?:ma bate|ma loveste|ma ameninta|m-a batut|m-a lovit|ne bate|ma agreseaza|m-a violat)\b`,
    String.raw`\bmi-e (?:frica|teama) sa (?:merg|ma duc|ma intorc) acasa\b`,
    String.raw`\b(?:sunt|am fost) (?:batuta|batut|violata|abuzata|agresata sexual)\b`,
    String.raw`\bnu (?:mai )?are (?:niciun |nici un )?rost sa (?:mai )?traiesc\b`,
    String.raw`\b(?:sa-mi|sa imi|imi) pun capat (?:zilelor|vietii)\b`,
  ],
  hu: [
    String.raw`\b(?:meg akarok halni|megolom magam|vegzek magammal|vegezni akarok magammal|artani akarok magamnak|vagdosom magam|felakasztom magam)\b`,
    String.raw`\b(?:ongyilkos\w*|onsert\w*)`,
    String.raw`\bnem akarok (?:tovabb |mar )?elni\b`,
    String.raw`\bnincs ertelme (?:elni|az eletemnek)\b`,
    String.raw`\b(?:csaladon beluli|hazassagi|hazi) eroszak\w*`,
    String.raw`\b(?:a ferjem|a felesegem|a partnerem|a parom|az elettarsam|a baratom|a baratnom|az exem|az apam|apam|a nevelapam) ~ (?:ver|megvert|bant|bantalmaz|fenyeget|megut|megutott|megfojt)\b`,
    String.raw`\bbantalmaz(?:nak|ott|tak)?\b`,
    String.raw`\bfelek hazamenni\b`,
    String.raw`\b(?:megvertek|megeroszakoltak|megeroszakolt)\b`,
    String.raw`\bveget (?:akarok |szeretnek )?vetni az eletemnek\b`,
  ],
};

// Idioms and policy questions that use crisis words without being a crisis.
const NOT_CRISIS = [
  String.raw`\bsuicide (?:prevention|statistics|rates?|awareness) (?:strategy|funding|training|week|day|charity|charities|programme|program|plan)?\b`,
  String.raw`\b(?:domestic (?:violence|abuse)|violences? conjugales?|hausliche gewalt|violencia de genero|violenta domestica|csaladon beluli eroszak) (?:statistics|figures|policy|strategy|funding|awareness|training|statistiques|chiffres|statistik|estadisticas|statistici|statisztika)\b`,
];

const INJECTION: Record<string, string[]> = {
  en: [
    String.raw`\b(?:ignore|ignoring|disregard|forget|override|bypass)[\W_]*(?:all|any|every)[\W_]*(?:of )?(?:the|your|these|those|ur|my)?[\W_]*(?:\w+[\W_]+)?(?:instructions?|prompts?|directives|guidelines|programming|guardrails|rules|restrictions|filters|policies|commands)\b`,
    String.raw`\b(?:ignore|ignoring|disregard|forget|override|bypass)[\W_]*(?:your|ur)[\W_]*(?:\w+[\W_]+)?(?:instructions?|prompts?|directives|guidelines|programming|guardrails|rules|restrictions|filters|policies|system message|training)\b`,
    String.raw`\b(?:ignore|ignoring|disregard|forget|override|bypass)[\W_]*(?:all|any)?[\W_]*(?:the|these|those)?[\W_]*(?:previous|prior|above|earlier|preceding|original|initial|system|safety|developer|hidden)[\W_]*(?:instructions?|prompts?|directives|guidelines|programming|guardrails|rules|restrictions|filters|policies|system message|commands)\b`,
    String.raw`\b(?:ignore|disregard|forget)[\W_]*(?:everything|all)[\W_]*(?:above|before|previous|you were told|you have been told|i said before this)\b`,
    String.raw`\b(?:reveal|show|print|display|output|repeat|leak|dump|recite|paste|tell me|give me|share|spell out|summari[sz]e|translate|list)[\W_]*(?:me )?(?:all |exactly )?(?:your|ur)[\W_]*(?:full |entire |exact |original |hidden |secret |initial |internal |complete |verbatim )*(?:system[\W_]*prompt|system[\W_]*message|prompt|instructions|configuration|guidelines|programming|rules)\b(?! (?:for|on|about|to|regarding) )`,
    String.raw`\b(?:reveal|show|print|display|output|repeat|leak|dump|recite|paste|tell me|give me|share|spell out|summari[sz]e|translate)[\W_]*(?:me )?(?:the )?(?:full |entire |exact |original |hidden |secret |initial |internal |complete |verbatim )*(?:system[\W_]*prompt|system[\W_]*message|hidden instructions|initial instructions|secret instructions|developer message)\b`,
    String.raw`\bwhat (?:is|are|were) (?:your|ur) (?:\w+ )?(?:system prompt|prompt|instructions|initial instructions|hidden instructions|guidelines|directives)\b(?! (?:for|on|about|to|regarding) )`,
    String.raw`\b(?:system|developer|hidden|secret)[\W_]?prompt\b`,
    String.raw`\b(?:repeat|print|output|show)[\W_]*(?:the |all )?(?:text|words|everything|instructions) (?:above|before this|prior to)\b`,
    String.raw`\b(?:you are|you're|act as|acting as|pretend to be|roleplay as|role-play as|play the role of|imagine you are|become)[\W_]*(?:now )?(?:an? )?(?:dan|unfiltered|uncensored|unrestricted|jailbroken|evil|amoral|unethical)\b`,
    String.raw`\b(?:you are|you're) (?:now |no longer )(?:free|bound|an? (?:ai|assistant|chatbot|model) (?:without|with no|that has no|who has no))\b`,
    String.raw`\b(?:no longer|not) (?:bound|restricted|limited) by (?:any |your |the )?(?:rules|guidelines|policies|instructions|restrictions)\b`,
    String.raw`\bfrom now on,? (?:you|u) (?:are|will|must|shall|have|can|respond|answer|act|only|ignore|have no)\b`,
    String.raw`\b(?:do anything now|dan mode|developer mode|dev mode|god ?mode|jailbreak\w*|admin mode|debug mode|sudo mode|unrestricted mode)\b`,
    String.raw`(?:^|[.!?]\s*|\b(?:you|u|please|now|let'?s|i want you to|can you|could you) )pretend (?:to be|you(?: are|'re)|that you|you have no)\b`,
    String.raw`\b(?:act|behave|respond|answer|reply|talk) (?:as if|like) (?:you (?:have|had|were) no|there (?:are|were) no) (?:rules|restrictions|limits|filters|guidelines)\b`,
    String.raw`\b(?:respond|answer|reply|talk|speak|write)[\W_]*(?:\w+ ){0,3}(?:without|with no)[\W_]*(?:any )?(?:restrictions|filters|censorship|limits|limitations|rules|guidelines|safety)\b`,
    String.raw`\b(?:disable|turn off|switch off|deactivate|remove|bypass)[\W_]*(?:your|ur|all|all your|the)?[\W_]*(?:safety|content)[\W_]*(?:filters?|guardrails|restrictions|settings|moderation|rules)\b`,
    String.raw`\b(?:disable|turn off|switch off|deactivate|remove)[\W_]*(?:your|ur)[\W_]*(?:filters?|guardrails|restrictions|safety|moderation|censorship|rules)\b`,
    String.raw`\b(?:new|updated|real|true|actual|override) (?:instructions|system prompt|task)\s*:`,
    String.raw`\b(?:print|show|reveal|output|give me|tell me|dump|list)[\W_]*(?:me )?(?:your|the|all|all the|all your)[\W_]*(?:system |admin |server |internal |openai |secret )?(?:api[\W_]?keys?|passwords|secrets|credentials|environment variables|env vars|connection strings?|database (?:password|credentials|dump))\b`,
    String.raw`\b(?:base ?64|rot ?13)\b ~ (?:decode|decoded|follow|execute|run|obey|instructions|and do)\b`,
    String.raw`\b(?:decode|decrypt|translate) (?:this|the following) (?:and |then )(?:follow|execute|do|run|obey)\b`,
    String.raw`\b(?:forget|ignore|disregard) (?:everything|all) (?:that )?(?:you were|you've been|you have been|you got|i|we) (?:told|said|given|instructed)\b`,
    String.raw`\bwhat (?:were|have) you (?:been )?(?:told|instructed|programmed) (?:to do )?(?:before|at the start|initially|by (?:your|the) (?:developers|creators|admins))\b`,
    String.raw`\b(?:your|ur) (?:internal|secret|hidden|confidential) (?:rules|instructions|guidelines|prompt|policies)\b`,
    String.raw`\b(?:repeat|recite|print|show|output|write out)[\W_]*(?:word for word |verbatim |exactly )?(?:the )?(?:instructions|rules|guidelines|prompt) (?:you were|you've been|you have been|they) (?:given|told|set up with)\b`,
    String.raw`\b(?:ignore|disregard|forget|override|bypass)[\W_]*(?:the |your |all )?(?:system|developer|hidden) (?:message|messages|prompt|instructions|rules)\b`,
  ],
  markup: [
    String.raw`<\|?(?:im_start|im_end|system|endoftext|assistant|user)\|?>`,
    String.raw`\[/?(?:inst|system|sys)\]`,
    "<</?sys>>|</?system>|</?instructions?>",
    String.raw`(?:^|\n)\s*(?:system|assistant|developer)\s*:`,
    String.raw`#{2,}\s*(?:system|instructions?|new task|override)\b`,
    String.raw`\b(?:begin|end) (?:of )?(?:system )?(?:prompt|instructions)\b`,
  ],
  fr: [
    String.raw`\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction|contourne|contournez)[\W_]*(?:de )?(?:toutes |tous )?(?:tes|vos) (?:\w+ )?(?:instructions|consignes|regles|directives|restrictions|filtres|limites)\b`,
    String.raw`\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction)[\W_]*(?:de )?(?:toutes|tous) (?:les|ces) (?:instructions|consignes|regles|directives)\b`,
    String.raw`\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction)[\W_]*(?:de )?(?:les|ces|tes|vos|des) (?:instructions|consignes|regles|directives) (?:precedentes|anterieures|initiales|systeme|de securite|d'origine|ci-dessus)\b`,
    String.raw`\b(?:affiche|montre|revele|donne|ecris|repete|imprime|recite|affichez|montrez|revelez|donnez|ecrivez|repetez|traduis|resume|dis)[\W_]*(?:-?moi )?(?:ton|votre|tes|vos)[\W_]*(?:prompt|invite|instructions|consignes|message systeme|configuration)(?: systeme| initiale?s?| cachee?s?| secrete?s?| completes?)?\b(?! (?:pour|sur|concernant|de la|du|de) )`,
    String.raw`\b(?:affiche|montre|revele|donne|ecris|repete|imprime|recite|affichez|montrez|revelez|donnez|ecrivez|repetez)[\W_]*(?:-?moi )?(?:le|les)[\W_]*(?:prompt|message systeme|instructions systeme|instructions cachees|consignes cachees)\b`,
    String.raw`\b(?:quel est|quelles sont) (?:ton|votre|tes|vos) (?:prompt|instructions|consignes)(?: systeme| initiales| cachees)?\b(?! (?:pour|sur|concernant|de|du|de la) )`,
    String.raw`\b(?:prompt|invite) systeme\b`,
    String.raw`\b(?:tu es|vous etes|t'es) (?:maintenant|desormais|a present) (?:un|une|dan|libre|sans|debride|non censure)\b`,
    String.raw`\b(?:a partir de maintenant|desormais|dorenavant),? (?:tu|vous) (?:es|etes|n'as plus|n'avez plus|ignores|ignorez|ignoreras|ignorerez|joueras|jouerez|repondras sans|repondrez sans)\b`,
    String.raw`\b(?:fais|faites) comme si (?:tu|vous|t')\b`,
    String.raw`\b(?:fais|faites) semblant d'etre\b`,
    String.raw`(?:^|[.!?,]\s*)(?:joue|jouez) (?:le|un) role\b`,
    String.raw`\b(?:tu vas|vous allez|tu dois|vous devez) jouer (?:le|un) role\b`,
    String.raw`\bmode (?:developpeur|dan|sans restriction|debride|administrateur)\b`,
    String.raw`\b(?:reponds?|repondez|parle|parlez|ecris|ecrivez) (?:\w+ ){0,3}sans (?:aucune? )?(?:restrictions?|filtres?|censure|limites?|regles)\b`,
    String.raw`\b(?:desactive|desactivez|supprime|supprimez|enleve|enlevez) (?:tes|vos) (?:filtres|restrictions|regles|garde-fous)\b`,
    String.raw`\bnouvelles? (?:instructions|consignes)\s*:`,
    String.raw`\b(?:oublie|oubliez|ignore|ignorez) tout ce (?:qu'on|que l'on|que je|qui) (?:t'a|vous a|t'ai|vous ai|precede|a ete)(?: \w+)? (?:dit|demande|donne|ecrit|precede)?\b`,
    String.raw`\b(?:tes|vos) (?:regles|instructions|consignes) (?:internes|secretes|cachees|confidentielles)\b`,
    String.raw`\b(?:repete|repetez|recite|recitez|ecris|ecrivez|affiche|affichez|donne|donnez)(?:-moi)? (?:mot pour mot |textuellement |exactement )?(?:les|tes|vos) (?:instructions|consignes|regles) (?:qu'on t'a|que l'on t'a|qu'on vous a|que l'on vous a|initiales|de depart|du debut)\b`,
  ],
  de: [
    String.raw`\b(?:ignoriere|ignorier|ignorieren sie|ignoriert|vergiss|vergessen sie|vergesst|missachte|missachten sie|ubergehe|umgehe|umgehen sie)[\W_]*(?:alle|samtliche|jegliche|deine|ihre|eure) (?:\w+ )?(?:anweisungen|instruktionen|regeln|vorgaben|richtlinien|befehle|systemanweisungen|einschrankungen|filter|sicherheitsregeln)\b`,
    String.raw`\b(?:ignoriere|ignorier|ignorieren sie|ignoriert|vergiss|vergessen sie|vergesst|missachte|missachten sie)[\W_]*(?:die |alle )?(?:bisherigen|vorherigen|vorigen|obigen|ursprunglichen|fruheren|bisherige|vorherige|obige) (?:anweisungen|instruktionen|regeln|vorgaben|richtlinien|befehle|systemanweisungen)\b`,
    String.raw`\b(?:zeig|zeige|zeigen sie|gib|gib mir|geben sie mir|nenne|nennen sie|verrate|verraten sie|wiederhole|wiederholen sie|drucke|schreib|schreibe|ubersetze|fasse)[\W_]*(?:mir )?(?:deinen|deine|ihren|ihre|euren)[\W_]*(?:kompletten |vollstandigen |geheimen |ursprunglichen |versteckten )?(?:system ?prompt|prompt|anweisungen|instruktionen|systemanweisungen|konfiguration|regeln)\b(?! (?:fur|zum|zur|zu|uber) )`,
    String.raw`\b(?:zeig|zeige|zeigen sie|gib|gib mir|geben sie mir|nenne|verrate|wiederhole|drucke)[\W_]*(?:mir )?(?:den|die|das)[\W_]*(?:system ?prompt|systemanweisungen|versteckten anweisungen)\b`,
    String.raw`\b(?:was|wie) (?:ist|sind|lautet|lauten) (?:dein|deine|ihr|ihre) (?:system ?prompt|prompt|anweisungen|instruktionen|systemanweisungen)\b(?! (?:fur|zum|zur|zu|uber) )`,
    String.raw`\b(?:system ?prompt\w*|systemanweisung\w*)`,
    String.raw`\bdu bist (?:jetzt|ab sofort|nun|ab heute|von nun an) (?:ein|eine|dan|frei|ohne|nicht mehr|unzensiert|uneingeschrankt)\b`,
    String.raw`\b(?:ab jetzt|ab sofort|von nun an),? (?:bist du|wirst du|hast du keine|musst du|antwortest du|ignorierst du)\b`,
    String.raw`\btu so,? als (?:ob|warst du|hattest du)\b`,
    String.raw`\b(?:spiel|spiele|spielen sie|ubernimm) (?:die|eine) rolle\b`,
    String.raw`\b(?:entwicklermodus|developer-modus|admin-modus|dan-modus|jailbreak)\b`,
    String.raw`\b(?:antworte|antworten sie|schreibe|rede) (?:\w+ ){0,3}ohne (?:jegliche |irgendwelche )?(?:einschrankungen|filter|zensur|regeln|grenzen)\b`,
    String.raw`\b(?:deaktiviere|deaktivieren sie|schalte|schalten sie) (?:deine|ihre) (?:filter|sicherheitsfilter|einschrankungen|regeln)(?: ab| aus)?\b`,
    String.raw`\bneue (?:anweisungen|instruktionen)\s*:`,
    String.raw`\b(?:vergiss|vergessen sie|ignoriere|ignorieren sie) alles,? was (?:man )?(?:dir|ihnen|ich dir|ich ihnen) (?:\w+ ){0,2}(?:gesagt|vorgegeben|aufgetragen|befohlen)\b`,
    String.raw`\b(?:deine|ihre) (?:internen|geheimen|versteckten|vertraulichen) (?:regeln|anweisungen|vorgaben|richtlinien)\b`,
  ],
  es: [
    String.raw`\b(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|omite|omita|no hagas caso (?:a|de)|saltate|elude)[\W_]*(?:todas|todos|tus|sus|vuestras) (?:las |los |tus |sus )?(?:\w+ )?(?:instrucciones|reglas|indicaciones|directrices|ordenes|restricciones|filtros|normas)\b`,
    String.raw`\b(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|omite|omita|no hagas caso (?:a|de))[\W_]*(?:las |los )?(?:instrucciones|reglas|indicaciones|directrices|ordenes) (?:anteriores|previas|iniciales|del sistema|de seguridad|originales)\b`,
    String.raw`\b(?:muestra|muestrame|muestreme|dime|digame|revela|revelame|repite|imprime|escribe|ensename|dame|deme|traduce|resume)[\W_]*(?:me )?(?:tu|tus|su|sus)[\W_]*(?:prompt|instrucciones|indicaciones|configuracion)(?: del sistema| de sistema| iniciales| ocultas| secretas| completas| originales)?\b(?! (?:para|sobre|de la|del|de|acerca) )`,
    String.raw`\b(?:muestra|muestrame|muestreme|dime|digame|revela|revelame|repite|imprime|escribe|dame|deme)[\W_]*(?:me )?(?:el|las)[\W_]*(?:prompt|instrucciones del sistema|instrucciones ocultas|mensaje del sistema)\b`,
    String.raw`\b(?:cual es|cuales son) (?:tu|tus|su|sus) (?:prompt|instrucciones|indicaciones)(?: del sistema| iniciales| ocultas)?\b(?! (?:para|sobre|acerca|de) )`,
    String.raw`\b(?:prompt|instrucciones) del sistema\b`,
    String.raw`\b(?:ahora|a partir de ahora|desde ahora)(?:,)? (?:eres|seras|actuas como|vas a ser|vas a actuar|no tienes|ignoraras|responderas)\b`,
    String.raw`\b(?:haz|haga|hagan) como si (?:fueras|fuera|no tuvieras|no tuviera)\b`,
    String.raw`\b(?:actua|actue) como si (?:fueras|no tuvieras|fuera|no tuviera)\b`,
    String.raw`\b(?:finge|finja|fingir) (?:ser|que eres|que es|que no tienes)\b`,
    String.raw`(?:^|[.!?,]\s*)(?:juega|interpreta|asume) (?:el|un) (?:papel|rol)\b`,
    String.raw`\bmodo (?:desarrollador|dan|sin restricciones|sin censura|administrador|dios)\b`,
    String.raw`\b(?:responde|responda|contesta|habla|escribe) (?:\w+ ){0,3}sin (?:ninguna |ningun )?(?:restricciones?|filtros?|censura|limites|reglas)\b`,
    String.raw`\b(?:desactiva|desactive|quita|quite|elimina) (?:tus|sus) (?:filtros|restricciones|reglas)\b`,
    String.raw`\bnuevas (?:instrucciones|reglas)\s*:`,
    String.raw`\b(?:tus|sus) (?:reglas|instrucciones|normas|directrices) (?:internas|secretas|ocultas|confidenciales)\b`,
    String.raw`\b(?:olvida|olvide|ignora|ignore) todo lo que (?:te|le) (?:han|he|hayan) (?:dicho|ordenado|indicado)\b`,
    String.raw`\bcuales son tus (?:reglas|instrucciones|normas)\b(?! (?:para|sobre|de) )`,
    String.raw`\b(?:repite|repita|muestra|muestrame|dime|escribe|imprime) (?:exactamente |literalmente |textualmente |palabra por palabra )(?:tus|sus|las) (?:instrucciones|indicaciones|reglas|prompt)\b`,
  ],
  ro: [
    String.raw`\b(?:ignora|ignorati|uita|uitati|nu tine cont de|nu tineti cont de|treci peste|ocoleste|ocoliti)[\W_]*toate (?:\w+ )?(?:instructiunile|regulile|indicatiile|directivele|comenzile|restrictiile|filtrele)\b`,
    String.raw`\b(?:ignora|ignorati|uita|uitati|nu tine cont de|nu tineti cont de|treci peste|ocoleste|ocoliti)[\W_]*(?:instructiunile|regulile|indicatiile|directivele|comenzile|restrictiile|filtrele) (?:anterioare|precedente|initiale|de sistem|tale|dumneavoastra|de siguranta|de mai sus)\b`,
    String.raw`\b(?:arata|aratati|afiseaza|afisati|spune|spuneti|dezvaluie|dezvaluiti|repeta|repetati|scrie|scrieti|tradu|rezuma|da|dati)[\W_]*(?:-?mi )?(?:promptul|prompt-ul|mesajul de sistem)\b`,
    String.raw`\b(?:arata|aratati|afiseaza|afisati|spune|spuneti|dezvaluie|dezvaluiti|repeta|repetati|scrie|scrieti|da|dati)[\W_]*(?:-?mi )?(?:instructiunile|regulile|configuratia) (?:tale|de sistem|initiale|ascunse|secrete|complete)\b`,
    String.raw`\bcare (?:e|este|sunt) (?:promptul|prompt-ul|instructiunile tale|instructiunile de sistem|instructiunile initiale)\b`,
    String.raw`\b(?:promptul|prompt-ul|mesajul) de sistem\b`,
    String.raw`\b(?:de acum (?:inainte|incolo)|din acest moment|acum),? (?:esti|vei fi|tu esti|nu mai ai|vei ignora|vei raspunde)\b(?! (?:conectat|inregistrat|autentificat))`,
    String.raw`\b(?:prefa-te|prefaceti-va|pretinde|pretindeti) ca (?:esti|sunteti|nu ai|nu aveti)\b`,
    String.raw`\b(?:comporta-te|comportati-va|poarta-te) ca (?:si cum|un|o)\b`,
    String.raw`(?:^|[.!?,]\s*)(?:joaca|jucati) rolul\b`,
    String.raw`\bmod(?:ul)? (?:dezvoltator|dan|fara restrictii|administrator)\b`,
    String.raw`\b(?:raspunde|raspundeti|scrie|vorbeste) (?:\w+ ){0,3}fara (?:nicio |niciun |nici o )?(?:restrictie|restrictii|filtru|filtre|cenzura|limite|reguli)\b`,
    String.raw`\b(?:dezactiveaza|dezactivati|elimina|scoate) (?:filtrele|restrictiile|regulile) (?:tale|de siguranta)\b`,
    String.raw`\binstructiuni noi\s*:`,
    String.raw`\b(?:uita|uitati|ignora|ignorati) tot ce (?:ti s-a|vi s-a|ti-am|v-am|ti-au|v-au) (?:spus|dat|cerut)\b`,
    String.raw`\b(?:regulile|instructiunile) (?:tale|dumneavoastra) (?:interne|secrete|ascunse)\b`,
  ],
  hu: [
    String.raw`\b(?:hagyd|hagyja|hagyjatok) figyelmen kivul (?:az |a )?(?:osszes|minden|korabbi|elozo|eredeti|fenti|eddigi) (?:\w+ )?(?:utasitas\w*|szabaly\w*|iranyelv\w*|korlatoz\w*)`,
    String.raw`\b(?:hagyd|hagyja|hagyjatok) figyelmen kivul (?:az |a )?(?:utasitasaidat|utasitasait|szabalyaidat)`,
    String.raw`\b(?:felejtsd|felejtse|felejtsetek) el (?:az |a )?(?:osszes|minden|korabbi|elozo|eredeti|eddigi) (?:\w+ )?(?:utasitas\w*|szabaly\w*|iranyelv\w*)`,
    String.raw`\b(?:felejtsd|felejtse|felejtsetek) el (?:az |a )?(?:utasitasaidat|utasitasait|szabalyaidat)`,
    String.raw`\b(?:mutasd|mutassa|ird ki|irja ki|ismeteld|ismetelje|add meg|adja meg|arulja el|arul el|arulj el|forditsd le|foglald ossze)[\W_]*(?:meg |el |ki |le )?(?:nekem )?(?:a |az )?(?:rendszerprompt\w*|rendszer prompt\w*|promptod\w*|promptjat|utasitasaid\w*|utasitasait|szabalyaid\w*|eredeti utasitas\w*|rejtett utasitas\w*|beallitasaid\w*)`,
    String.raw`\b(?:mi a|mik a|melyek a) (?:rendszerprompt\w*|promptod|utasitasaid|utasitasai)\b`,
    String.raw`\brendszer ?prompt\w*`,
    String.raw`\b(?:mostantol|ettol kezdve),? (?:te )?(?:vagy|nincs|nincsenek|figyelmen kivul|valaszolj)\b`,
    String.raw`\b(?:tegyel|tegyen|tegyetek|tettesd|tettesse) (?:ugy|magad),? (?:mintha|hogy)\b`,
    String.raw`\b(?:jatszd|jatssza|jatsszuk) el,? (?:hogy|egy)\b`,
    String.raw`\b(?:fejlesztoi|dan|admin|korlatlan) mod(?:ba|ot|ban)?\b`,
    String.raw`\b(?:valaszolj|valaszoljon|irj|beszelj) (?:\w+ ){0,3}(?:korlatozas|szuro|cenzura|szabaly)(?:ok)? nelkul\b`,
    String.raw`\b(?:kapcsold|kapcsolja) ki (?:a |az )?(?:szuro\w*|korlatozas\w*|biztonsagi\w*)`,
    String.raw`\buj utasitas(?:ok)?\s*:`,
    String.raw`\bfelejts\w* el mindent,? (?:amit|ami) (?:eddig |korabban |elotte )?(?:mondtak|mondtam|kaptal|irtak|elhangzott)\b`,
    String.raw`\b(?:belso|titkos|rejtett) (?:szabalyaid\w*|utasitasaid\w*)`,
    String.raw`\brendszer ?utasitas\w*`,
    String.raw`\bfelejts\w* el (?:minden|az osszes) (?:szabalyt|utasitast|korlatozast)\b`,
  ],
};

// Phrases from ordinary messages that the injection rules would otherwise misread.
const NOT_INJECTION = [
  String.raw`\b(?:ignore|disregard|forget|skip) (?:my|the|that) (?:previous|last|earlier|other) (?:message|email|question|request|answer|address|comment|reply)\b`,
  String.raw`\b(?:system|systems) (?:prompted|prompts) (?:me|us|you)\b`,
];

const ABUSE: Record<string, string[]> = {
  en: [
    String.raw`\b(?:fuck|f\*+k|f\*+|fck|fk|screw|sod)[\W_]*(?:you|u|off|yourself|yourselves|this (?:bot|service|council))\b`,
    String.raw`\bgo (?:to hell|fuck yourself|die)\b`,
    String.raw`(?:^|[.!?,]\s*)shut up\b|\bshut the fuck up\b|\bstfu\b|\bshut your (?:mouth|face|trap)\b`,
    String.raw`\b(?:you|u|ur|you're|youre|you are|are you|you guys are|you lot are|you people are|your staff are|your staff is|your workers are|you're all|you are all|you all are|you absolute|you complete|you bloody|you fucking|you stupid|you useless|you lazy|you incompetent|you pathetic) (?:an? )?(?:(?:bunch|load|pack|band|gang|lot) of )?(?:fucking |bloody |stupid |useless |complete |total |absolute |pathetic |lazy |incompetent )*(?:idiot|idiots|moron|morons|imbecile|imbeciles|cretin|cretins|retard|retards|dumbass|asshole|assholes|arsehole|arseholes|bastard|bastards|bitch|bitches|cunt|cunts|dickhead|dickheads|prick|pricks|wanker|wankers|twat|twats|scum|scumbag|scumbags|clown|clowns|parasite|parasites|piece of shit|pieces of shit|son of a bitch)\b`,
    String.raw`\b(?:you're|youre|you are|are you|you guys are|you lot are|your staff are) (?:so |really |fucking |bloody |just )?(?:stupid|dumb|thick|brain ?dead|retarded)\b`,
    String.raw`\b(?:stupid|useless|fucking|dumb|pathetic|worthless|bloody|shit|shitty|crap) (?:fucking )?(?:bot|robot|chatbot|assistant|ai)\b`,
    String.raw`\b(?:idiots?|morons?|imbeciles?|cretins?|assholes?|arseholes?|bastards?|cunts?|wankers?|twats?|scum|parasites?|clowns?) (?:at|in|working (?:at|for)|who work (?:at|for)|running) (?:the )?(?:council|town hall|city hall|this service|your office)\b`,
    String.raw`\b(?:i'?ll|i will|i'?m going to|im going to|i am going to|gonna|we'?ll|we will|i'?m gonna|i want to|i could) (?:\w+ )?(?:kill|hurt|beat up|beat|shoot|stab|burn down|burn|bomb|smash up|smash|strangle|punch|batter|slap|wreck|trash) (?:you|u|ur|your|all of you|the (?:staff|council|office|town hall|city hall|officers|workers|clerk|person (?:who|that))|(?:the |any |the next |whichever )(?:council|city|bin|parking) (?:worker|officer|staff|employee|inspector|warden|man|men)s?)\b`,
    String.raw`\b(?:i'?ll|i will|i'?m going to|im going to|i am going to|gonna|we'?ll|we will) (?:\w+ )?(?:find|come for|come after|hunt down|track down) you\b(?!r| (?:a|an|the|some|another)\b)`,
    String.raw`\bi know where (?:you|your staff|u) (?:live|work|are)\b`,
    String.raw`\b(?:find|track down|hunt down) (?:whoever|the person|the people|the one|those|who) ~~ (?:kill|hurt|beat|shoot|stab|strangle)\b`,
    String.raw`\b(?:i'?ll|i will|i'?m going to|im going to|i am going to|gonna|we'?ll|we will|i want to|someone should|somebody should) (?:\w+ )?(?:bomb|burn down|blow up|shoot up|torch|set fire to) (?:the |your )?(?:town hall|council|council offices?|office|offices|city hall|building)\b`,
    String.raw`\b(?:you'?ll|you will|you are going to|you'?re going to) (?:regret|pay for) (?:this|it)\b`,
    String.raw`\bwatch your back\b`,
    String.raw`\bbeat (?:the (?:crap|shit|hell|living daylights) )?out of (?:you|u|the staff|your staff|the council|whoever)\b`,
    String.raw`\bget fucked\b`,
  ],
  fr: [
    String.raw`\b(?:va|allez|aller) (?:te faire|vous faire) (?:foutre|voir|enculer)\b`,
    String.raw`\b(?:va|allez) (?:chier|au diable|crever)\b`,
    String.raw`\b(?:ta|votre|ferme ta|fermez votre|fermez-la|ferme-la) gueule\b`,
    String.raw`\b(?:nique|niquer|je nique) (?:ta|votre|vos|tes) (?:mere|race|morts)\b`,
    String.raw`\b(?:t'es |tu es |vous etes |espece de |bande de |bande d'|espece d')(?:vraiment |tous |toutes |que |qu')?(?:un |une |des |d')?(?:con|conne|cons|connard|connards|connasse|abruti|abrutis|abrutie|debile|debiles|cretin|cretins|idiot|idiots|idiote|imbecile|imbeciles|salaud|salauds|salope|encule|encules|batard|batards|enfoire|enfoires|incapables|bons a rien|minable|minables|raclure|ordure|ordures|fils de pute)\b`,
    String.raw`\b(?:sale|gros|grosse|pauvre) (?:con|conne|connard|connasse|abruti|cretin|idiot|imbecile|merde|batard|enfoire|ordure)\b`,
    String.raw`\b(?:ce|cette|votre) (?:bot|robot|chatbot|assistant|service|mairie) (?:de merde|a la con)\b`,
    String.raw`\b(?:je vais|j'vais|je vais venir|on va|je viendrai) (?:\w+ (?:te |vous )?\w+ (?:et )?)?(?:te|vous) (?:tuer|buter|crever|frapper|defoncer|faire la peau|casser la gueule|egorger|bruler|poignarder)\b`,
    String.raw`\b(?:je sais|on sait) ou (?:tu habites|vous habitez|vous travaillez|tu travailles|tu vis|vous vivez)\b`,
    String.raw`\b(?:faire sauter|bruler|incendier|mettre le feu a) (?:la mairie|vos bureaux|l'hotel de ville|votre bureau|vos locaux)\b`,
    String.raw`\b(?:vous allez|tu vas) (?:le regretter|regretter|me le payer)\b`,
    String.raw`\b(?:vous etes|t'es|tu es) (?:\w+ ){0,3}(?:des |une bande d'|une bande de )(?:incapables|abrutis|idiots|cons|connards|imbeciles|cretins|bons a rien)\b`,
    String.raw`\b(?:t'es|tu es|vous etes|c'est)(?: qu'un| qu'une| un| une| vraiment){0,2} (?:\w+ )?(?:de merde|a la con)\b`,
    String.raw`,\s*(?:connard|connasse|abruti|abrutie|encule|enfoire|batard|salope|ducon)s?\s*[.!?]*$`,
  ],
  de: [
    String.raw`\b(?:fick|ficken) (?:dich|euch|sie)\b`,
    String.raw`\b(?:leck mich|verpiss dich|verpisst euch|halt die klappe|halt's maul|halts maul|haltet die fresse|halt die fresse|halt die schnauze)\b`,
    String.raw`\b(?:du|ihr) (?:\w+ )?(?:verdammte |verdammten |blode |bloden |dumme |dummen |unfahige |unfahigen )?(?:idiot|idioten|vollidiot|vollidioten|depp|deppen|trottel|arschloch|arschlocher|wichser|hurensohn|hurensohne|penner|spast|spasti|missgeburt|blodmann|dummkopf|schwachkopf|drecksack|witzfigur|witzfiguren|pisser|scheisskerl)\b`,
    String.raw`\b(?:du bist|ihr seid) (?:so |echt |total |vollig |einfach )?(?:dumm|blod|bescheuert|behindert|zu dumm|hirnlos|strohdumm)\b`,
    String.raw`\b(?:du bist|ihr seid|seid ihr|bist du)(?: \w+){0,3} (?:ein |eine )?(?:idiot|idioten|vollidiot|vollidioten|depp|deppen|trottel|arschloch|arschlocher|wichser|penner|dummkopf|schwachkopf|versager|witzfigur|witzfiguren)\b`,
    String.raw`\b(?:scheiss|drecks|beschissener?|dummer|bloder) ?(?:bot|roboter|chatbot|assistent|amt|behorde|verwaltung|stadtverwaltung)\b`,
    String.raw`\b(?:ich werde|ich|wir werden|wir) (?:dich|euch) (?:\w+ )?(?:umbringen|abstechen|fertigmachen|finden|erschiessen|verprugeln|kaltmachen|abknallen|plattmachen|totschlagen)\b`,
    String.raw`\bich (?:bring|bringe) (?:dich|euch|sie)(?: alle)? um\b`,
    String.raw`\b(?:ich weiss|wir wissen),? (?:genau )?wo (?:du wohnst|ihr wohnt|sie wohnen|ihr arbeitet|sie arbeiten|du arbeitest)\b`,
    String.raw`\b(?:das rathaus|die verwaltung|euer buro|ihr buro|die behorde|das amt) ~ (?:anzunden|abfackeln|in die luft sprengen|in die luft jagen|abbrennen)\b`,
    String.raw`\b(?:zunde|fackel|spreng|jage) (?:das rathaus|euer buro|ihr buro|die behorde|das amt) (?:an|ab|in die luft)\b`,
    String.raw`\b(?:das|ihr) werdet (?:ihr )?(?:bereuen|bussen)\b`,
    String.raw`\bdas werden sie bereuen\b`,
    String.raw`\b(?:sie sind|sind sie) (?:ein|eine) (?:\w+ )?(?:idiot|vollidiot|depp|trottel|arschloch|wichser|penner|dummkopf|schwachkopf|versager|witzfigur)\b`,
    String.raw`\b(?:ich )?(?:mach|mache) (?:dich|euch) (?:fertig|kalt|platt)\b`,
  ],
  es: [
    String.raw`\b(?:vete|vayase|idos|iros|que te|que os|que les) (?:a la mierda|al carajo|a tomar por culo|jodan|den)\b`,
    String.raw`\b(?:jodete|jodase|callate la boca|cierra la boca|cierra el pico|callate ya)\b`,
    String.raw`\b(?:eres|sois|es usted|son ustedes|pedazo de|panda de|manada de) (?:\w+ ){0,4}(?:un |una |unos |unas )?(?:idiota|idiotas|imbecil|imbeciles|estupido|estupidos|estupida|estupidas|gilipollas|cabron|cabrones|cabrona|pendejo|pendejos|capullo|capullos|tarado|tarados|subnormal|subnormales|mierda|mierdas|cretino|cretinos|payaso|payasos|hijo de puta|hijos de puta|hijoputa)\b`,
    String.raw`\b(?:este|esta|vuestro|vuestra|su) (?:bot|robot|chatbot|asistente|servicio|ayuntamiento) (?:de mierda|de los cojones)\b`,
    String.raw`\b(?:te|os) (?:voy|vamos) a (?:matar|encontrar|partir la cara|reventar|pegar|apunalar|quemar|dar una paliza)\b`,
    String.raw`\b(?:se|sabemos|se muy bien) donde (?:vives|viven|vivis|trabajas|trabajan|trabajais)\b`,
    String.raw`\b(?:voy a|vamos a|hay que) (?:quemar|volar|incendiar|prender fuego a) (?:el ayuntamiento|la oficina|vuestras oficinas|sus oficinas|la alcaldia)\b`,
    String.raw`\b(?:os vais|te vas|se van|se va) a arrepentir\b`,
    String.raw`(?:^|[.!?]\s*)callate\b|\bcallate,? (?:robot|bot|maquina|idiota|imbecil)\b`,
  ],
  ro: [
    String.raw`\b(?:du-te|duceti-va|du te|duceti va) (?:dracului|naibii|in ma-ta|in pizda|la dracu|in morti)\b`,
    String.raw`\b(?:futu-?(?:te|va|ti)|fut-?(?:te|va)|muie|sugi pula|sa-ti fut)\b`,
    String.raw`\b(?:taci|tacet) (?:din gura|dracului|naibii|odata)\b`,
    String.raw`\b(?:idiotule|idiotilor|prostule|prostilor|cretinule|cretinilor|imbecilule|imbecililor|dobitocule|dobitocilor|boule|tampitule|tampitilor|nesimtitule|nesimtitilor|jegosule|jegosilor|handicapatule|ratatule|ratatilor|bou ce esti)\b`,
    String.raw`\b(?:esti|sunteti) (?:\w+ ){0,5}(?:idiot|idioata|idioti|prost|proasta|prosti|cretin|cretini|imbecil|imbecili|dobitoc|dobitoci|bou|boi|tampit|tampiti|nesimtit|nesimtiti|jegos|jegosi|ratati|paraziti)\b`,
    String.raw`\b(?:bot|robot|serviciu|primarie|asistent|primaria) (?:de cacat|nenorocit|nenorocita|de rahat)\b`,
    String.raw`\b(?:te|va) omor\b`,
    String.raw`\b(?:o sa|am sa|vreau sa|voi) (?:te|va) (?:omor|bat|injunghii|impusc|termin|gasesc)\b`,
    String.raw`\b(?:stiu|stim) (?:unde|pe unde) (?:locuiesti|locuiti|lucrezi|lucrati|stai|stati)\b`,
    String.raw`\b(?:dau foc|o sa dau foc|arunc in aer|incendiez) (?:la )?(?:primarie|primariei|birou|biroului|birourile|cladire)\b`,
    String.raw`\bo sa (?:va|te) (?:para rau|coste scump|caiti)\b`,
    String.raw`\bo sa (?:regretati|regreti)\b`,
  ],
  hu: [
    String.raw`\b(?:baszd meg|bazd meg|bazmeg|b\*+ meg|kapd be|kapjatok be|dogolj meg|dogoljetek meg|menj a picsaba|menjetek a picsaba|kurva anyad|kurva anyatok)\b`,
    String.raw`\b(?:fogd be|fogja be|kussolj|pofa be)\b`,
    String.raw`\b(?:hulye|idiota|barom|bunko|retardalt|nyomorek|szanalmas|agyatlan|gyoker|gyokerek|seggfej|seggfejek|fasz|faszfej|idiotak|hulyek|baromok) (?:vagy|vagytok|maga|maguk)\b`,
    String.raw`\b(?:te|ti|maga|maguk) (?:egy )?(?:rakas |banda |csomo |csapat )?(?:hulye|idiota|idiotak|barom|baromok|bunko|bunkok|seggfej|seggfejek|faszfej|gyoker|gyokerek|nyomorek|nyomorekok|agyatlan|hulyek)\b`,
    String.raw`\b(?:kibaszott|kurva|rohadt|szar|hulye|nyomorult) (?:bot|chatbot|asszisztens|hivatal|onkormanyzat|ugyintezo|ugyintezok)\b`,
    String.raw`\b(?:megollek|megolunk|kinyirlak|kinyirunk|megverlek|szetverlek|megverunk)\b`,
    String.raw`\b(?:megolom|megoljuk|kinyirom|megverem) (?:magat|magukat|titeket|benneteket)\b`,
    String.raw`\b(?:megtalallak|megtalalunk|megtalalom magat|megtalaljuk magat|megtalaljuk magukat)\b`,
    String.raw`\b(?:tudom|tudjuk),? (?:hogy )?hol (?:laksz|laktok|dolgozol|dolgoztok)\b`,
    String.raw`\b(?:felgyujtom|felrobbantom|felgyujtjuk|felrobbantjuk) (?:a hivatalt|az onkormanyzatot|a varoshazat|az irodat|az irodajukat|a polgarmesteri hivatalt)\b`,
    String.raw`\b(?:ezt meg fogod banni|ezt meg fogjatok banni|ezt meg fogjak banni|megbanod|megbanjatok|megbanjak)\b`,
  ],
};

const HANDOFF: Record<string, string[]> = {
  en: [
    String.raw`(?<!who (?:do|should|can|could|would) i )\b(?:talk|speak|chat|get through) (?:to|with) (?:a |an |some |the |your |one of your )?(?:real |actual |live |human |proper )?(?:human|person|agent|operator|advisor|adviser|representative|rep|staff|staff member|member of staff|officer|caseworker|manager|supervisor|colleague|somebody|someone|anyone|anybody|customer service|customer services)\b(?! (?:who (?:lives|owns)|next door|in my|at my|about (?:my neighbour|noise)))`,
    String.raw`\b(?:i want|i need|i'?d like|i would like|can i have|could i have|give me|get me|i demand) (?:a |an )?(?:real |actual |live |proper )?(?:human|agent|operator|representative|advisor|adviser|staff member|member of staff|manager|human being|real person|actual person|live person)\b(?! (?:to (?:collect|come|fix|remove|repair|look|check|inspect|cut)|who (?:lives|owns)|for (?:my|the) (?:house|flat|property)))`,
    String.raw`\b(?:let me talk to|let me speak to|put me through to|transfer me to|connect me (?:to|with)|pass me (?:to|on to)) (?:a |an |the )?(?:real |actual |live |proper )?(?:human|person|agent|operator|someone|somebody|representative|advisor|adviser|staff member|member of staff|manager|officer|colleague)\b`,
    String.raw`\b(?:transfer|put) me (?:through|to someone|to a person|to an agent)\b`,
    String.raw`\b(?:be|get|being|getting) (?:put through|transferred|connected|passed) to (?:a |an |the )?(?:real |actual |live |human )?(?:human|person|agent|operator|someone|somebody|representative|advisor|adviser|staff member|member of staff|officer|caseworker|colleague)\b`,
    String.raw`\b(?:human|real person|live agent|live person|actual person|human being|agent|operator|representative|advisor|adviser|someone real),? please\b`,
    String.raw`^\s*(?:human|agent|operator|representative|real person|live agent|person please|talk to a person|speak to a person)\s*[.!?]*\s*$`,
    String.raw`\b(?:no more|stop talking to an?|don'?t want an?|don'?t want to talk to an?|do not want to talk to an?|sick of talking to an?|tired of talking to an?) (?:a )?(?:bot|robot|machine|chatbot|ai)\b`,
    String.raw`\b(?:human|person|people),? not an? (?:bot|robot|machine|chatbot)\b`,
    String.raw`\b(?:can|could) (?:someone|somebody|a person|an officer|a member of staff|one of your staff) (?:call|ring|phone|contact|get back to) me\b`,
    String.raw`\b(?:call|ring) me back\b`,
    String.raw`\b(?:live chat|human support|human agent|human help)\b`,
    String.raw`\b(?:is there|are there|have you got|do you have) (?:a |an |any )?(?:real |actual |live )?(?:human|person|people|agent|operator|someone|somebody|anyone|anybody|staff|member of staff) (?:i can|i could|to|who i can|that i can|available to) (?:talk|speak|chat)`,
    String.raw`\b(?:is|are) (?:there )?(?:anyone|anybody|someone|somebody|a person|any staff|a member of staff)(?: \w+){0,4} available to (?:talk|speak|chat|help me)\b`,
    String.raw`\b(?:get|have|request|arrange|book) a call ?back\b`,
  ],
  fr: [
    String.raw`\b(?:parler|discuter|echanger|m'adresser) (?:a|avec) (?:un |une |quelqu'un|un vrai |une vraie |un etre )?(?:humain|humaine|personne|conseiller|conseillere|agent|agente|operateur|operatrice|employe|employee|interlocuteur|responsable|quelqu'un|fonctionnaire|etre humain|vraie personne|personne reelle)\b`,
    String.raw`\b(?:mettre|mettez[ -]moi|mets[ -]moi|me mettre) en (?:relation|contact) avec (?:un|une|quelqu'un|le service|la|le|l')\b`,
    String.raw`\bun (?:vrai|etre) humain\b`,
    String.raw`\b(?:etre|soit|suis) (?:mis|mise|mis en|transfere|transferee|redirige|redirigee) (?:en (?:relation|contact) )?(?:avec|vers) (?:un|une|quelqu'un|le service|la personne)\b`,
    String.raw`\b(?:me passer|me transferer|me rediriger) (?:a |vers )?(?:quelqu'un|(?:un|une)(?: \w+)? (?:agent|conseiller|conseillere|humain|personne|operateur|operatrice|interlocuteur))\b`,
    String.raw`\b(?:passez|passe)[ -]moi (?:un|une|quelqu'un)\b`,
    String.raw`\b(?:je veux|je voudrais|j'aimerais|je souhaite|je demande) (?:un |une )?(?:conseiller|conseillere|operateur|operatrice|agent|humain|vraie personne|interlocuteur)\b(?! (?:de|d'|pour|municipal|municipaux|d'entretien))`,
    String.raw`\b(?:rappelez-moi|rappelez moi|qu'on me rappelle|quelqu'un peut me rappeler|pouvez-vous me rappeler|vous pouvez me rappeler)\b`,
    String.raw`\b(?:pas|plus) (?:avec )?(?:un|une) (?:robot|bot|chatbot)\b`,
    String.raw`\b(?:je ne veux pas|je veux pas|j'en ai marre de) (?:parler a )?(?:un|une) (?:robot|machine|bot|chatbot)\b`,
    String.raw`\b(?:y a-t-il|il y a|y a|est-ce qu'il y a) (?:un |une |quelqu'un|une vraie |un vrai )(?:\w+ ){0,3}(?:a qui|avec qui) (?:je peux |je pourrais |on peut )?(?:parler|m'adresser|discuter)\b`,
    String.raw`\b(?:un conseiller|une conseillere|un agent|quelqu'un|une personne|un humain|un operateur) (?:peut|pourrait|pourra)(?:-il|-elle|-t-il|-t-elle)? me (?:contacter|rappeler|appeler|joindre|recontacter)\b`,
  ],
  de: [
    String.raw`\b(?:mit|an) (?:einem|einer|jemandem|einem echten|einer echten|einem richtigen|einer richtigen) (?:menschen|mensch|person|mitarbeiter|mitarbeiterin|sachbearbeiter|sachbearbeiterin|berater|beraterin|menschlichen|kundenberater|ansprechpartner|ansprechpartnerin)\b ~ (?:sprechen|reden|verbunden|verbinden|schreiben|chatten|weitergeleitet)\b`,
    String.raw`\b(?:mit|an) jemandem ~ (?:sprechen|reden|verbunden|verbinden|schreiben)\b`,
    String.raw`\b(?:verbinden|verbindet|verbinde) (?:sie |du )?mich\b`,
    String.raw`\b(?:ich will|ich mochte|ich brauche|ich hatte gern|kann ich|konnte ich) (?:bitte )?(?:einen|eine|mit einem|mit einer) (?:menschen|mensch|echte person|echten person|mitarbeiter|mitarbeiterin|sachbearbeiter|sachbearbeiterin|berater)\b`,
    String.raw`\b(?:echte|echten|echter|richtigen|richtige) (?:mensch|menschen|person|mitarbeiter)\b`,
    String.raw`\b(?:rufen sie mich|ruft mich|ruf mich) (?:bitte |doch |mal )?(?:zuruck|an)\b`,
    String.raw`\b(?:ruckruf|kein bot|keine maschine|keinen roboter|nicht mit einem bot|nicht mit einer maschine)\b`,
    String.raw`\bgibt es ~ (?:menschen|person|mitarbeiter\w*|sachbearbeiter\w*|ansprechpartner\w*|jemand\w*) ~ (?:sprechen|reden|schreiben)\b`,
    String.raw`\b(?:kann|konnte|konnen|konnten) mich (?:bitte )?(?:jemand|ein mitarbeiter|eine mitarbeiterin|ein sachbearbeiter)(?: \w+){0,3} (?:zuruckrufen|anrufen|kontaktieren)\b`,
    String.raw`\b(?:geben sie mir|gib mir) (?:bitte )?(?:jemanden|einen mitarbeiter|eine mitarbeiterin|eine person|einen menschen)\b`,
  ],
  es: [
    String.raw`\b(?:hablar|chatear|comunicarme) con (?:una persona|un humano|una humana|alguien|un agente|una agente|un operador|una operadora|un asesor|una asesora|un empleado|una empleada|un funcionario|una funcionaria|una persona real|un ser humano|un responsable|un trabajador|una trabajadora|atencion al cliente)\b`,
    String.raw`\b(?:pasame|paseme|pasenme|ponme|pongame|pongamne|comuniqueme|comunicame) con (?:alguien|una persona|un agente|un operador|una operadora|un humano|un asesor|un empleado)\b`,
    String.raw`\b(?:me (?:puede|pueden|podeis|podria|podrian|podrias|puedes) (?:pasar|poner|transferir|comunicar)|pasarme|ponerme|transferirme) con (?:alguien|una persona|un agente|una agente|un operador|una operadora|un humano|un asesor|una asesora|un empleado|una empleada|un funcionario|una funcionaria|un trabajador)\b`,
    String.raw`\b(?:quiero|necesito|quisiera|prefiero) (?:un |una )?(?:humano|persona real|agente|operador|operadora|asesor|asesora|atencion humana|atencion personal)\b`,
    String.raw`\b(?:que me llame alguien|llamenme|llameme|pueden llamarme|me pueden llamar|podeis llamarme|devuelvanme la llamada)\b`,
    String.raw`\bno (?:quiero|con) (?:un |una )?(?:robot|maquina|bot|chatbot)\b`,
    String.raw`\b(?:hay|existe) (?:alguna |algun |una |un )?(?:persona|humano|agente|alguien|funcionario|empleado|operador) ~~ (?:hablar|atender|atienda|hable)\b`,
    String.raw`\b(?:me puede|me pueden|me podria|me podrian|podria|podrian) (?:llamar|contactar|atender|devolver la llamada)(?:me)? (?:alguien|una persona|un agente|un operador|un funcionario)\b`,
    String.raw`\b(?:me puede|me pueden|puede|podria|podrian) poner(?:me)? con (?:una persona|alguien|un agente|un humano|un operador|un funcionario)\b`,
  ],
  ro: [
    String.raw`\b(?:vreau|as vrea|pot|doresc|as dori|trebuie) sa (?:vorbesc|discut|comunic) cu (?:un om|o persoana|un operator|o operatoare|un angajat|o angajata|un functionar|o functionara|cineva|un consilier|o consiliera|un agent|un om real|o persoana reala|un reprezentant|un specialist)\b`,
    String.raw`\b(?:faceti-mi|fa-mi|dati-mi|da-mi|puteti sa-mi faceti) legatura cu (?:un|o|cineva|un operator)\b`,
    String.raw`\b(?:vreau|as vrea|doresc) un (?:operator|om|angajat|functionar|consilier|om real)\b(?! (?:sa vina|sa repare|sa taie|sa ridice|de la salubritate))`,
    String.raw`\b(?:sa ma sune cineva|ma puteti suna inapoi|puteti sa ma sunati inapoi|sunati-ma inapoi|sunati-ma)\b`,
    String.raw`\bnu (?:vreau|cu) (?:un |o )?(?:robot|masina|bot|chatbot)\b`,
    String.raw`\b(?:exista|este|e) (?:vreun |vreo |un |o )?(?:om|persoana|operator|angajat|cineva|functionar) (?:\w+ ){0,3}(?:cu care|caruia|careia) (?:sa )?(?:pot|as putea) (?:sa )?(?:vorbesc|vorbi|discut)\b`,
    String.raw`\b(?:pot|as putea|putem|se poate) (?:sa )?(?:vorbi|vorbesc|discuta|discut) cu (?:un om|o persoana|un operator|o operatoare|un angajat|cineva|un functionar|un consilier|un reprezentant)\b`,
    String.raw`\b(?:sa ma puneti|puneti-ma|pune-ma|ma puneti|ma puteti pune) in legatura cu\b`,
  ],
  hu: [
    String.raw`\b(?:beszelni|beszelnek|beszelhetek|beszelhetnek|beszelnem|beszelhetnenk|beszelek|beszelnek) (?:egy )?(?:emberrel|ugyintezovel|munkatarssal|valakivel|operatorral|kollegaval|elo szemellyel|valodi emberrel|szemellyel|tanacsadoval|ugyfelszolgalattal|hus-ver emberrel)\b`,
    String.raw`\b(?:emberrel|ugyintezovel|munkatarssal|valakivel|operatorral|kollegaval|szemellyel|valodi emberrel) (?:szeretnek|akarok|kell|kellene) beszelni\b`,
    String.raw`\b(?:szeretnek|akarok|kell|kellene|tudnek|szeretnenk) (?:egy )?(?:emberrel|ugyintezovel|munkatarssal|valakivel|operatorral|kollegaval|szemellyel|valodi emberrel|elo emberrel) beszelni\b`,
    String.raw`\b(?:kapcsoljon|kapcsolj|kapcsoljanak|kapcsoljatok) (?:at )?(?:egy |valakihez|egy )?(?:ugyintezo|munkatars|ember|kolleg|operator|valaki)\w*`,
    String.raw`\b(?:elo|valodi|igazi|hus-ver) (?:ember|ugyintezo|szemely|munkatars)\w*`,
    String.raw`\b(?:hivjon|hivjanak|hivjatok|hivjon fel|hivjanak fel) (?:vissza|fel|engem)\b`,
    String.raw`\bnem (?:robottal|geppel|bottal|chatbottal) (?:akarok|szeretnek)\b`,
    String.raw`\bvan (?:olyan |egy |valaki|itt )?(?:ember|ugyintezo|munkatars|valaki|szemely)?\w*,? (?:akivel|aki) ~ (?:beszelhetek|beszelni|tudok beszelni|beszelhetnek)\b`,
    String.raw`\b(?:ossze tudna kapcsolni|kapcsoljon ossze|ossze kapcsolna|osszekapcsolna) (?:egy |valakivel|engem)`,
    String.raw`\bat (?:tudna|tudnal|tudnanak|tudnatok|lehetne|kellene)? ?kapcsol\w* (?:engem )?(?:egy |valakihez|az? )?(?:ugyintez|munkatars|ember|kolleg|operator|valaki)\w*`,
    String.raw`\b(?:adjon|adj|kerek) (?:valakit|egy ugyintezot|egy munkatarsat|egy embert)\b`,
  ],
};

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
