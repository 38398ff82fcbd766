/*
 * Kinds of emergency beyond the core concepts of emergency-concepts.ts, each as a small family of concepts a native
 * speaker would use: scalds and burns, bleeding that will not stop, structures collapsing on people, breaking
 * through ice, electric shock, explosions and vehicles driven into people, abduction into a vehicle, a child shut
 * in a hot car, hypothermia. Every family pairs the event with a person or a sign that it is happening to someone,
 * so "a collapsed wall on the footpath", "a blister from new shoes" or "an evacuation drill" stay ordinary requests.
 * Written against folded text (foldText); composed with the person and state lexicons of emergency-concepts.ts.
 */

import type { ConceptRule } from "./rule-types";

interface KindLexicon {
  /** Hot liquids and cookware that scald. */
  hot: string;
  /** Signs of a burn on a body: blisters, skin coming off, "all over her arm". */
  burn: string;
  /** A serious burn on its own ("third-degree burns", "badly scalded"). */
  badBurn: string;
  /** Bleeding that is severe on its own: spurting, gushing, will not stop. */
  bleed: string;
  /** A building, roof, floor, trench or scaffold giving way. */
  collapse: string;
  /** Someone under, inside or buried. */
  buried: string;
  /** Plural and collective people ("workers", "guests", "people") that the person lexicon lacks. */
  group: string;
  /** Nobody there: "empty", "derelict", "no one inside". */
  empty: string;
  /** Breaking through ice. */
  ice: string;
  /** Being in water... */
  inWater: string;
  /** ...and unable to get out, going under, carried away. */
  cannotGetOut: string;
  electricShock: string;
  /** Explosions and vehicles driven into people. */
  impact: string;
  /** People hurt or lying there after an impact. */
  casualty: string;
  /** Forced into a vehicle, being kidnapped. */
  abduction: string;
  /** Shut or left in a car... */
  shutInCar: string;
  /** ...in heat, or no longer reacting... */
  heat: string;
  /** ...and it is a child. */
  child: string;
  /** Stings, bites, foods and drugs that set off anaphylaxis... */
  allergen: string;
  /** ...and swelling or wheezing that close the airway. */
  airway: string;
  /** A dog or other animal mauling or biting someone badly. */
  animalAttack: string;
  /** Hypothermia and its signs. */
  cold: string;
  /** Shelters, winter campaigns, prevention: talk about the cold rather than someone freezing now. */
  coldTalk: string;
}

const KINDS: Record<string, KindLexicon> = {
  en: {
    allergen: String.raw`stung|stings?|bee|wasp|hornet|nuts?|peanuts?|shellfish|allergic|allergy|epi-?pen|bitten by`,
    airway: String.raw`(?:face|lips?|tongue|throat|eyes?|mouth) (?:has |is |are |have |has gone |went )?(?:all )?(?:ballooned|swollen|swelling|puffed up|puffing up|blown up|blowing up)|swelling up|wheez\w*|can'?t (?:get (?:her |his )?words out|swallow|breathe)|struggling to breathe|hives all over`,
    animalAttack: String.raw`(?:dog|dogs|pit ?bull|rottweiler|alsatian) (?:\w+ ){0,3}(?:mauling|mauled|savaging|savaged|attacking|attacked|won'?t let go)|(?:mauling|mauled|savaging|savaged) (?:by )?(?:a |the )?(?:dog|dogs)|(?:bit|bitten|biting) (?:\w+ ){0,3}(?:neck|throat|face|head)`,
    hot: String.raw`boiling|scalding|(?:very |really |piping )?hot (?:water|tea|coffee|oil|fat|soup|milk|liquid|pan|pot|kettle|stew|broth|drink)|kettle|chip pan|saucepan|acid|caustic`,
    burn: String.raw`blisters?|blistering|blistered|skin (?:is |was )?(?:peeling|coming off|falling off|hanging|raw|bubbling)|scalded|(?:all )?(?:over|on) (?:his|her|their|the baby'?s|the child'?s|my (?:son|daughter|baby|child)'s) (?:\w+ )?(?:face|arms?|chest|legs?|body|hands?|neck|head|back|stomach|tummy)|(?:poured|spilled|spilt|tipped|knocked|pulled) (?:\w+ ){0,3}(?:over|on|onto) (?:him|her|himself|herself|themselves)`,
    badBurn: String.raw`(?:badly|severely|seriously|terribly|horribly) (?:burn(?:ed|t)|scalded)|(?:second|third)[- ]degree burns?|burns (?:all )?over (?:his|her|their) (?:\w+ )?(?:body|face|chest|arms|legs)|(?:his|her|their) skin (?:is )?(?:peeling|coming|falling) off`,
    bleed: String.raw`blood (?:is |was |keeps |just )?(?:spurting|pouring|gushing|pumping|squirting|streaming|spraying|pissing)|(?:spurting|gushing|pouring|pumping) (?:out )?blood|(?:won'?t|doesn'?t|does not|will not|can'?t|cannot|couldn'?t) stop (?:the )?bleeding|bleeding (?:won'?t|will not|doesn'?t|does not|isn'?t|hasn'?t|just won'?t) stop\w*|bleeding (?:out|to death)|bled (?:out|to death)|(?:cut|sliced|chopped|sawn|sawed|severed|ripped|torn) off (?:his|her|their|my|a) (?:\w+ )?(?:finger|fingers|hand|thumb|toe|toes|foot|arm|leg)|(?:cut|sliced|chopped|sawn|sawed|severed) (?:his|her|their|my) (?:\w+ )?(?:finger|fingers|hand|thumb|toe|toes|foot|arm|leg) off|cut (?:\w+ ){0,3}to the bone`,
    collapse: String.raw`collaps\w*|(?:fell|fallen|crashed|toppled|came down) (?:on|onto) (?:a|the|some)|caved in|cave-in|gave way|given way|giving way|came down|come crashing down|fell in|crumbled|toppled(?: over)?|buckled`,
    buried: String.raw`(?:trapped|buried|stuck|pinned|crushed) (?:under|beneath|underneath|inside|in)|buried|under (?:it|them|the rubble|the debris|the wreckage|there|the roof|the wall)|underneath(?: it)?|beneath it|(?:were|are|was|is|still|been) inside|(?:people|someone|somebody|kids|children|workers) (?:\w+ )?(?:inside|in there|under(?:neath)? it)`,
    group: String.raw`people|boys|girls|men|women|lads|teenagers|homeless (?:man|woman|person|people)|rough sleepers?|workers?|builders?|labou?rers?|workm[ae]n|guests?|pupils|kids|children|customers|residents|families|players|students|shoppers|worshippers|spectators|survivors|anyone|someone|somebody`,
    empty: String.raw`nobody|no one|no-one|empty|unoccupied|derelict|abandoned|vacant|disused`,
    ice: String.raw`(?:fell|fallen|gone|went|broke|broken|crashed|plunged|slipped|sunk|sank) (?:\w+ ){0,2}through (?:the )?ice|(?:the )?ice (?:\w+ )?(?:cracked|broke|gave way|gave in|split|collapsed)|under the ice`,
    inWater: String.raw`in the (?:water|river|lake|sea|canal|pond|pool|harbou?r|reservoir|quarry)|(?:icy|freezing|ice-cold|cold) water`,
    cannotGetOut: String.raw`(?:can'?t|cannot|couldn'?t|unable to|struggling to|not able to) (?:get|climb|pull (?:himself|herself|themselves)|swim|make it|stay) (?:out|back|up|afloat|to (?:the )?(?:side|bank|shore|edge))|going under|(?:keeps|keep|kept) going under|being swept|swept away|(?:waving|shouting|screaming|calling) for help`,
    electricShock: String.raw`electric(?:al)? shock|electrocut\w*|(?:got|gotten|had|received|took|taken) (?:a |an )?(?:bad |huge |massive |big |nasty |serious )?shock from|(?:touched|grabbed|hit) (?:a |the )?(?:live|power|overhead|mains) (?:wire|cable|line)|current (?:went|ran) through`,
    impact: String.raw`explo(?:ded|sion|sions|des)|blew up|blown up|(?:drove|driven|ploughed|plowed|ran|crashed|careered|careened|smashed|sped|ploughing|plowing|driving) (?:\w+ ){0,3}into (?:the |a )?(?:people|crowd|queue|pedestrians|children|kids|shoppers|group|\w+ (?:waiting|queuing|crossing))|mowed (?:down|into)|mown down|rammed (?:into )?(?:the |a )?(?:people|crowd|pedestrians)`,
    casualty: String.raw`injured|injuries|hurt|bleeding|wounded|casualties|dead|bodies|(?:people|someone|several|many|two|three|kids|children) (?:\w+ )?(?:lying|on the ground|under (?:it|the))|lying (?:on|in) the (?:road|street|ground|pavement)|under (?:it|the (?:car|van|lorry|truck|bus))`,
    abduction: String.raw`(?:forced|dragged|pushed|bundled|shoved|threw|thrown|grabbed|snatched|hauled|forcing|dragging|pushing|bundling|shoving) (?:\w+ ){0,4}into (?:a|an|the|their|his|her|some) (?:\w+ ){0,2}(?:van|car|vehicle|truck|lorry|suv|boot|trunk|minibus|hatchback|saloon|sedan|estate|jeep|4x4|pickup|minivan|people carrier|taxi|cab)|(?:grabbed|snatched|took|picked up) (?:a|the|my|our|his|her|their|this|that) (?:\w+ )?(?:child|kid|boy|girl|baby|toddler|son|daughter|teenager) (?:\w+ ){0,4}(?:ran|drove|sped|run|driven|raced|made) (?:off|away)|(?:is|are|being|been|just|was|were) (?:being )?(?:kidnapped|abducted)|(?:kidnapping|abducting) (?:a|the|my|her|him|this|that)|against (?:her|his|their) will`,
    shutInCar: String.raw`(?:locked|left|shut|trapped|stuck|alone|sleeping|forgotten) (?:alone |inside )?in (?:a|an|the|his|her|their|that|this|my|our) (?:\w+ ){0,2}(?:car|vehicle|van|suv)|(?:in|inside) (?:a|the|their|his|her) (?:\w+ )?locked (?:car|vehicle|van|suv)`,
    heat: String.raw`hot|heat|sun|sunshine|sunny|sweltering|baking|boiling|scorching|degrees|heatwave|roasting|windows? (?:closed|shut|up)|(?:stopped|not|no longer) crying|(?:isn'?t|not) (?:moving|responding|waking)|floppy|lethargic`,
    child: String.raw`child|children|kid|kids|baby|babies|toddler|infant|newborn|boy|girl|son|daughter|little one`,
    cold: String.raw`hypotherm\w*|(?:stopped|no longer|isn'?t even|not even) shivering|frostbit\w*|(?:blue|stiff|grey|gray) (?:with|from) (?:the )?cold|(?:freezing|frozen|so cold|ice cold|icy cold) (?:and|,) (?:\w+ )?(?:confused|not making sense|mumbling|can'?t (?:talk|move|stand)|unresponsive|drowsy)|(?:confused|unresponsive|mumbling) (?:and|,) (?:\w+ )?(?:freezing|frozen|ice cold|icy cold)`,
    coldTalk: String.raw`shelters?|winter (?:campaign|plan|service)|every winter|each winter|avoid|prevent\w*|protect\w*|leaflet|advice`,
  },
  fr: {
    allergen: String.raw`pique\w*|piqure\w*|guepe\w*|abeille\w*|frelon\w*|arachide\w*|cacahuete\w*|noix|fruits de mer|allergi\w*|epipen|stylo d'adrenaline|mordu\w*`,
    airway: String.raw`(?:visage|levres?|langue|gorge|yeux|bouche) (?:qui )?(?:a |ont |est |sont )?(?:tout |toute )?(?:gonfle\w*|enfle\w*|double de volume)|gonfle a vue d'oeil|siffle\w* (?:en respirant)?|respiration sifflante|n'arrive (?:plus|pas) a (?:avaler|parler|respirer)|plaques partout`,
    animalAttack: String.raw`(?:chien|chiens|pitbull|rottweiler|molosse) (?:\w+ ){0,3}(?:attaque|devore|dechiquete|mord|a mordu|s'acharne|ne lache pas)\w*|(?:mordu|mord|a mordu)\w* (?:\w+ ){0,3}(?:au cou|a la gorge|au visage|a la tete)`,
    hot: String.raw`(?:eau|the|cafe|huile|soupe|lait|bouillon|friture|liquide|graisse) (?:\w+ ){0,2}(?:bouillant\w*|brulant\w*|tres chaud\w*)|bouillant\w*|brulant\w*|casserole|bouilloire|friteuse|marmite|poele|acide|soude`,
    burn: String.raw`cloque\w*|boursoufl\w*|(?:la )?peau (?:qui )?(?:part|s'en va|se decolle|pele|tombe|arrachee|a vif)|(?:en|a) lambeaux|a vif|ebouillant\w*|(?:sur|dans) (?:son|sa|ses|le|la|les) (?:\w+ )?(?:visage|bras|jambes?|torse|poitrine|corps|mains?|cou|ventre|figure|dos|tete)|renverse\w* (?:\w+ ){0,4}sur (?:lui|elle|lui-meme|elle-meme|eux)`,
    badBurn: String.raw`(?:gravement|grievement|serieusement|tres gravement|salement) brule\w*|brule\w* au (?:deuxieme|troisieme|2e|3e|second) degre|brulures? (?:graves?|grave|au (?:deuxieme|troisieme|2e|3e|second) degre|partout|sur tout le corps)|(?:sa|la) peau (?:part|se decolle|tombe) en lambeaux`,
    bleed: String.raw`saigne (?:a flots|a gros bouillons|comme (?:un|une) \w+|sans s'arreter|sans arret et)|pisse le sang|(?:le )?sang (?:gicle|jaillit|coule a flots|pisse|ne s'arrete pas|coule sans arret|n'arrete pas de couler)|(?:n'arrive|arrive|n'arrivons|arrivons|n'arrivent) (?:pas|plus) a arreter (?:le sang|l'hemorragie|le saignement)|hemorragie|(?:ne s'arrete|s'arrete|n'arrete) pas de saigner|se vide de son sang|(?:sectionne|arrache|tranche)\w* (?:\w+ ){0,2}(?:le doigt|les doigts|la main|le pied|le bras|la jambe|le pouce)`,
    collapse: String.raw`effondre\w*|(?:tombe\w*|ecrase\w*|renverse\w*) sur (?:un|une|le|la|les|des)|ecroule\w*|affaisse\w*|effondrement|eboulement|eboule\w*|(?:a|ont) cede|s'est (?:\w+ )?(?:enfonce|ecrase)\w*|tombe\w* en ruine`,
    buried: String.raw`(?:coince|bloque|pris|enseveli|enterre|ecrase|piege)\w* (?:dessous|sous|dedans|a l'interieur|en dessous)|enseveli\w*|sous (?:les|des) (?:decombres|gravats|debris|ruines)|(?:sont|est|etaient|etait|encore|restes?) (?:\w+ )?(?:dessous|dedans|a l'interieur|en dessous)|(?:des gens|du monde|quelqu'un|des enfants|des ouvriers|des personnes) (?:\w+ )?(?:dessous|dedans|a l'interieur|en dessous)`,
    group: String.raw`gens|personnes|sans-abri|sdf|clochard\w*|ouvriers|invites|eleves|enfants|clients|habitants|familles|joueurs|spectateurs|fideles|quelqu'un|du monde`,
    empty: String.raw`personne (?:n'|ne)\w*|vide|inoccupe\w*|desaffecte\w*|abandonne\w*|inhabite\w*|a l'abandon`,
    ice: String.raw`(?:la )?glace (?:a |s'est )?(?:cede|casse|brise|rompu|craque|fendu|ouvert)\w*|(?:passe|tombe|enfonce|plonge)\w* (?:\w+ ){0,2}(?:a travers|sous|dans) la glace|sous la glace`,
    inWater: String.raw`dans l'eau|dans la riviere|dans le lac|dans le canal|dans la mer|dans l'etang|dans la piscine|dans le fleuve|dans le port|eau glacee|eau gelee`,
    cannotGetOut: String.raw`(?:n'arrive|arrive|ne peut|peut|ne peux|n'arrivent|ne peuvent) (?:plus|pas) (?:a )?(?:sortir|remonter|nager|se hisser|regagner|rejoindre|remonter)|(?:est en train de|va) couler|se debat\w*|emporte\w* par (?:le courant|les flots)|crie au secours|appelle a l'aide`,
    electricShock: String.raw`electrocute\w*|electrise\w*|decharge electrique|(?:pris|prend|recu|recoit|eu) (?:une |un )?(?:grosse |violente |forte |enorme )?(?:decharge|coup de jus|chataigne|coup de courant)|(?:le |du )courant (?:l'a|lui a|est passe)|(?:touche|attrape) (?:un|le|une|la) (?:cable|fil|ligne) (?:electrique|haute tension|sous tension)`,
    impact: String.raw`(?:a |ont |vient d'|viennent d')?explos\w*|a saute|(?:fonce|foncee|lance\w*|precipite\w*|rentre|entre|jete\w*) (?:\w+ ){0,2}(?:dans|sur) (?:la foule|les gens|des gens|des passants|des pietons|les pietons|le groupe|les personnes|la terrasse|la file)|(?:a |ont )?fauche\w* (?:\w+ ){0,2}(?:pietons|passants|personnes|gens|enfants)`,
    casualty: String.raw`blesse\w*|victimes?|morts?|(?:des gens|des personnes|plusieurs personnes|quelqu'un|des corps|des enfants) (?:\w+ )?(?:par terre|au sol|allonge\w*|dessous|sous)|(?:allonge|etendu)\w* (?:par terre|au sol|sur la chaussee|sur la route)`,
    abduction: String.raw`(?:force|forcee|forcent|forcer|oblige\w*|pousse\w*|traine\w*|jete\w*|embarque\w*) (?:\w+ ){0,4}(?:a monter |monter )?(?:dans|a l'arriere d'un|a l'arriere d'une) (?:une|un|leur|la|le|sa|son) (?:\w+ )?(?:camionnette|voiture|fourgon|fourgonnette|van|vehicule|camion|coffre|utilitaire)|(?:monter|fait monter|embarque\w*|emmene\w*) de force|(?:de force|contre (?:son|sa|leur) gre) (?:\w+ ){0,3}(?:dans|a l'arriere)|(?:en train d'|vient d'|viennent d')(?:enlever|kidnapper)|(?:se fait|se font) (?:enlever|kidnapper)`,
    shutInCar: String.raw`(?:enferme|bloque|oublie|laisse|coince|seul)\w* (?:\w+ ){0,2}(?:dans|a l'interieur d') (?:une|la|sa|leur|cette) (?:\w+ )?(?:voiture|vehicule|auto|camionnette)`,
    heat: String.raw`chaleur|chaud|soleil|canicule|brulant\w*|degres|etouffe\w*|vitres? (?:fermee|remontee)s?|(?:ne )?pleure plus|(?:ne )?bouge plus|ne reagit plus|rouge|transpire\w*`,
    child: String.raw`enfants?|bebes?|nourrisson|petite?|garcon|fille|fillette|fils|gamin\w*|petit\w*`,
    cold: String.raw`hypotherm\w*|(?:ne tremble|tremble) (?:meme )?plus|(?:gele|glace|frigorifie)\w* (?:et|,) (?:\w+ )?(?:confus\w*|ne reagit|ne repond|delire|incoherent\w*|somnolent\w*)|(?:confus\w*|ne reagit plus|incoherent\w*) (?:et|,) (?:\w+ )?(?:gele|glace|frigorifie)\w*|engelure\w*`,
    coldTalk: String.raw`hebergement\w*|abri\w*|plan grand froid|chaque hiver|tous les hivers|eviter|prevenir|prevention|proteger|conseils?`,
  },
  de: {
    allergen: String.raw`gestochen|stich|wespe\w*|biene\w*|hornisse\w*|nuss\w*|erdnuss\w*|meeresfruchte|allergi\w*|epipen|adrenalin\w*|gebissen`,
    airway: String.raw`(?:gesicht|lippen?|zunge|hals|augen|mund) (?:ist |sind )?(?:ganz |total |stark )?(?:angeschwollen|geschwollen|schwillt|schwellen|dick)|schwillt (?:\w+ )?an|pfeift beim atmen|keucht|rochelt|bekommt kaum luft|kann (?:nicht mehr|kaum) (?:schlucken|sprechen|atmen)|quaddeln am ganzen korper`,
    animalAttack: String.raw`(?:hund|hunde|kampfhund|rottweiler|schaferhund) (?:\w+ ){0,3}(?:fallt|zerfleischt|beisst|hat gebissen|greift|lasst nicht los|attackiert)\w*|(?:gebissen|beisst|zerfleischt) (?:\w+ ){0,3}(?:in den hals|ins gesicht|in den kopf|am hals|im gesicht)`,
    hot: String.raw`(?:kochend\w*|heiss\w*|siedend\w*) (?:\w+ )?(?:wasser|tee|kaffee|ol|fett|suppe|milch|bruhe|flussigkeit)|kochendes|siedendes|wasserkocher|fritteuse|\w*topf|heisse pfanne|saure|lauge`,
    burn: String.raw`\w*blasen|(?:die )?haut (?:lost sich|geht ab|hangt|schalt sich|ist offen|pellt sich)|verbruh\w*|(?:uber|auf|ins) (?:sein|ihr|das|den|die) (?:\w+ )?(?:gesicht|arm|arme|bein|beine|brust|korper|hande|hand|hals|bauch|rucken|kopf)`,
    badBurn: String.raw`(?:schwer|schwere|schweren|schlimm|schlimme|stark|grossflachig)\w* (?:verbrannt|verbruht|verbrennungen|verbruhungen)|verbrennungen (?:zweiten|dritten|2|3)\w* grades|(?:die )?haut (?:lost sich|geht) (?:\w+ )?(?:ab|in fetzen)`,
    bleed: String.raw`blutet (?:wie verruckt|wie sau|wie ein schwein|ohne ende|extrem|furchtbar|unaufhorlich|in stromen|ununterbrochen|immer weiter|wie wild)|blut (?:spritzt|schiesst|stromt|sprudelt|quillt|pulsiert)|(?:spritzt|schiesst|stromt|sprudelt) (?:\w+ )?blut|(?:hort|horen) nicht auf zu bluten|blutung (?:hort nicht auf|lasst sich nicht stoppen|stoppt nicht)|die blutung nicht (?:gestoppt|gestillt|zum stehen)|verblutet|verbluten|(?:finger|hand|fuss|daumen|zeh\w*) (?:\w+ ){0,2}ab(?:getrennt|gesagt|geschnitten|gerissen)`,
    collapse: String.raw`eingesturzt|(?:gesturzt|gefallen|gekracht|gekippt) auf (?:ein|eine|den|die|das)|auf (?:ein|eine|den|die|das) (?:\w+ )?(?:gesturzt|gefallen|gekracht|gekippt)|einsturz|eingebrochen|zusammengebrochen|zusammengesturzt|eingekracht|sturzt ein|bricht zusammen|kracht zusammen|ist (?:\w+ )?(?:eingesturzt|eingebrochen|zusammengebrochen|abgesturzt)|abgesackt|umgesturzt`,
    buried: String.raw`darunter|drunter|drinnen|verschuttet\w*|begraben|unter (?:den |dem |der )?(?:trummern|schutt|geroll|balken|decke|mauer|dach)|eingeklemmt|eingeschlossen|(?:liegen|liegt|sind|ist|waren|war) (?:noch )?(?:\w+ )?(?:darunter|drunter|drin|drinnen|im gebaude|in der halle)`,
    group: String.raw`leute|menschen|obdachlose\w*|jungs|kumpels|jemand|arbeiter\w*|bauarbeiter\w*|gaste|schuler\w*|kinder|besucher\w*|kunden|bewohner\w*|jemand|personen|familien|spieler\w*|zuschauer\w*`,
    empty: String.raw`niemand|leer\w*|leerstehend\w*|unbewohnt\w*|verlassen\w*|baufallig\w* (?:und )?leer`,
    ice: String.raw`(?:ins|im|durchs|durch das|unter das|unters) eis (?:\w+ )?(?:eingebrochen|gebrochen|gefallen|gesturzt)|eis (?:ist )?(?:gebrochen|eingebrochen|gerissen|hat nachgegeben)|eingebrochen (?:im|ins) eis|auf dem \w*(?:see|teich|weiher|fluss|kanal) eingebrochen|unter (?:dem|das) eis`,
    inWater: String.raw`im wasser|im (?:see|fluss|teich|kanal|rhein|becken|hafen|weiher|bach)|ins wasser|eiskalte\w* wasser`,
    cannotGetOut: String.raw`(?:kommt|kommen|schafft|schaffen) (?:\w+ ){0,2}nicht (?:mehr )?(?:raus|heraus|hoch|ans ufer|zuruck)|geht unter|treibt ab|wird abgetrieben|ruft um hilfe|schreit um hilfe|strampelt`,
    electricShock: String.raw`stromschlag\w*|elektrischen schlag|unter strom gestanden|(?:vom|durch den) strom (?:getroffen|erwischt)|(?:leitung|kabel|oberleitung|stromleitung) (?:\w+ ){0,3}(?:beruhrt|angefasst|gegriffen)|(?:hat|hatte|bekam|kriegte) (?:\w+ ){0,2}(?:eine gewischt|einen gewischt)`,
    impact: String.raw`explo\w*|in die luft geflogen|detoniert|(?:in|gegen) (?:die |eine |den )?(?:menge|menschenmenge|wartenden|leute|passanten|fussganger|gruppe|kinder|schlange) (?:\w+ ){0,2}(?:gerast|gefahren|gerauscht|gekracht|gesteuert)|(?:gerast|gefahren|gerauscht|gekracht) (?:\w+ ){0,2}(?:in|gegen) (?:die )?(?:menge|menschenmenge|wartenden|leute|passanten|fussganger|gruppe)|(?:in|gegen) (?:die |eine )?(?:menschenmenge|wartenden|passanten|fussganger)`,
    casualty: String.raw`verletzt\w*|schwerverletzt\w*|opfer|tote|blutet|(?:leute|menschen|personen|jemand|mehrere|kinder) (?:\w+ ){0,2}(?:liegen|liegt) (?:\w+ ){0,2}(?:auf der strasse|am boden|auf dem boden|darunter|drunter)|liegen (?:\w+ )?(?:auf der strasse|am boden)`,
    abduction: String.raw`(?:in|ins) (?:ein\w* |den |die |das )?(?:\w+ )?(?:transporter|lieferwagen|auto|wagen|fahrzeug|van|kofferraum|kleinbus) (?:\w+ ){0,2}(?:gezerrt|gezogen|gestossen|geschubst|gedrangt|gezwungen|geschleppt|verfrachtet|geworfen|gesteckt)|(?:zerren|zerrt|ziehen|stossen|schubsen|drangen|zwingen|schleppen)\w* (?:\w+ ){0,4}(?:in|ins) (?:ein\w* |den |die |das )?(?:\w+ )?(?:transporter|lieferwagen|auto|wagen|fahrzeug|van|kofferraum)|(?:gepackt|geschnappt|gegriffen|mitgenommen|weggezerrt|entrissen) (?:\w+ ){0,4}(?:weggerannt|weggelaufen|davongerannt|abgehauen|weggefahren|davongefahren|geflohen|verschwunden)|(?:wird|wurde|werden) (?:gerade |eben |soeben )?entfuhrt|(?:gewaltsam|mit gewalt|gegen (?:ihren|seinen) willen) (?:\w+ ){0,3}(?:in|ins) (?:\w+ ){0,2}(?:auto|wagen|transporter|fahrzeug|van|kofferraum)`,
    shutInCar: String.raw`(?:im|in einem|in ihrem|in seinem|in dem|in einem geparkten) (?:\w+ )?(?:auto|wagen|fahrzeug|pkw) (?:\w+ ){0,3}(?:eingeschlossen|eingesperrt|zuruckgelassen|gelassen|allein|alleine|vergessen)|(?:eingeschlossen|eingesperrt|zuruckgelassen|allein|alleine|vergessen)\w* (?:\w+ ){0,2}(?:im|in einem) (?:\w+ )?(?:auto|wagen|fahrzeug|pkw)`,
    heat: String.raw`\w*hitze|\w*heiss\w*|sonne|schlapp|apathisch|ganz rot|prallen|grad|aufgeheizt|bruthitze|schwitzt|weint nicht mehr|reagiert nicht|bewegt sich nicht|fenster (?:\w+ )?zu`,
    child: String.raw`kind|kinder|baby|kleinkind|saugling|junge|madchen|sohn|tochter|kleine\w*`,
    cold: String.raw`unterkuhl\w*|erfroren|halb erfroren|erfriert gerade|zittert (?:nicht mal|nicht einmal|gar nicht) mehr|zittert nicht mehr|hort auf zu zittern|erfrierung\w*|(?:eiskalt|durchgefroren) und (?:\w+ )?(?:verwirrt|reagiert nicht|redet wirr|lallt)`,
    coldTalk: String.raw`\w*unterkunft\w*|notschlafstelle\w*|kaltebus|jeden winter|vermeiden|schutzen|vorbeug\w*|tipps`,
  },
  es: {
    allergen: String.raw`picad[oa]|picadura\w*|avispa\w*|abeja\w*|frutos secos|cacahuete\w*|mani|marisco\w*|alergi\w*|alergic[oa]|epipen|adrenalina|mordid[oa]`,
    airway: String.raw`(?:cara|labios?|lengua|garganta|ojos|boca) (?:se le )?(?:esta |ha |han |estan )?(?:muy )?(?:hinchad[oa]s?|hinchando|inflad[oa]s?|inflando)|se (?:le )?(?:esta |ha )?(?:hinchando|hinchado) (?:la|el|los|las)|silba al respirar|pitos al respirar|no (?:puede|consigue) (?:tragar|hablar|respirar)|ronchas por todo`,
    animalAttack: String.raw`(?:perro|perros|pitbull|rottweiler) (?:\w+ ){0,3}(?:atacando|ataca|ha atacado|ataco|mordiendo|muerde|ha mordido|mordio|destrozando|no suelta)|(?:mordid[oa]|mordio|ha mordido|muerde) (?:\w+ ){0,3}(?:en el cuello|en la cara|en la cabeza|el cuello|la cara)`,
    hot: String.raw`(?:agua|cafe|te|aceite|caldo|sopa|leche|liquido) (?:\w+ )?(?:hirviendo|hirviente|ardiendo|muy caliente)|hirviendo|hirviente|olla|cazo|sarten|tetera|freidora|acido|sosa`,
    burn: String.raw`ampollas?|(?:en )?carne viva|(?:la )?piel (?:se le )?(?:esta )?(?:cayendo|levantando|despegando|desprendiendo|colgando)|(?:quemad[oa]|escaldad[oa])s? (?:\w+ ){0,2}(?:la cara|el brazo|los brazos|las piernas|la pierna|el pecho|el cuerpo|las manos|la mano|el cuello)|(?:encima|sobre) (?:de )?(?:el|ella|si|su|sus)|(?:en|por) (?:la cara|el brazo|los brazos|las piernas|la pierna|el pecho|el cuerpo|las manos|el cuello|la cabeza)`,
    badBurn: String.raw`quemaduras (?:graves|muy graves|de (?:segundo|tercer) grado|por todo el cuerpo)|(?:gravemente|muy gravemente) quemad[oa]|quemad[oa] (?:gravemente|de gravedad)|abrasad[oa]|(?:la )?piel (?:se le )?(?:esta )?(?:cayendo|desprendiendo) a tiras`,
    bleed: String.raw`sangra (?:a borbotones|sin parar|como (?:un|una) \w+|muchisimo|a mares)|(?:la )?sangre (?:le )?(?:sale )?(?:a borbotones|a chorros|sin parar|no para)|(?:chorrea|chorreando|brota|brotando|sale a chorro|saliendo a chorros) (?:\w+ )?sangre|no (?:para|deja) de sangrar|no (?:podemos|puedo|consigo|conseguimos) (?:parar|detener|cortar) (?:la hemorragia|el sangrado|la sangre)|hemorragia|desangr\w*|amputad[oa]|(?:se ha cortado|se corto|se ha arrancado|se arranco) (?:\w+ ){0,2}(?:el dedo|la mano|un dedo|el pie|los dedos) (?:de cuajo|entero|entera)`,
    collapse: String.raw`se ha (?:hundido|derrumbado|desplomado|venido abajo|caido)|se cayo|(?:ha caido|cayo|se ha caido|se cayo|se ha volcado|volco) (?:encima de|sobre) (?:un|una|el|la|los|las|unos|unas)|se hundio|se derrumbo|se desplomo|se vino abajo|derrumbad[oa]|hundid[oa]|derrumbe|desplome|hundimiento|ha cedido|cedio`,
    buried: String.raw`debajo|dentro|adentro|atrapad[oa]s?|sepultad[oa]s?|enterrad[oa]s?|bajo (?:los escombros|las ruinas|el techo|la estructura|el andamio)`,
    group: String.raw`gente|personas|sin techo|indigentes?|persona sin hogar|ninos|ninas|obreros|trabajadores|invitados|alumnos|clientes|vecinos|alguien|familias|jugadores|victimas|espectadores|fieles`,
    empty: String.raw`nadie|vaci[oa]|deshabitad[oa]|abandonad[oa]|en ruinas`,
    ice: String.raw`(?:se ha roto|se rompio|se quebro|ha cedido|cedio|se agrieto|se ha abierto) el hielo|el hielo (?:se ha roto|se rompio|se quebro|ha cedido|cedio|se agrieto)|(?:caido|cayo|hundido|hundio|metido) (?:\w+ ){0,2}(?:en|por|bajo) el hielo|bajo el hielo`,
    inWater: String.raw`en el agua|en el rio|en el lago|en el mar|en la piscina|en el canal|en el estanque|en el pantano|agua helada`,
    cannotGetOut: String.raw`no (?:puede|consigue|logra|pueden|consiguen) (?:salir|subir|nadar|mantenerse a flote|llegar a la orilla)|se (?:esta )?hundiendo|se lo (?:lleva|esta llevando) la corriente|arrastrad[oa] por la corriente|pide (?:auxilio|ayuda)|pidiendo (?:auxilio|ayuda)`,
    electricShock: String.raw`descarga (?:electrica|de \w+ voltios)|(?:le ha dado|le dio|ha recibido|recibio|le ha pegado|le pego) (?:una )?(?:descarga|calambrazo|corriente|chispazo)|calambrazo|(?:le|lo|la) (?:ha )?(?:dado|pillado|cogido|agarrado) la corriente|electrocut\w*`,
    impact: String.raw`explot\w*|explosion\w*|ha estallado|estallo|arrollad\w*|arrollo|arrollando|atropello multiple|(?:se ha metido|se metio|ha entrado|entro|se ha lanzado|embistio|ha embestido) (?:\w+ ){0,2}(?:contra|en|entre) (?:la gente|la multitud|el grupo|las personas|los peatones|la terraza|la cola)`,
    casualty: String.raw`herid[oa]s?|muert[oa]s|victimas|sangr\w*|(?:gente|personas|alguien|varias personas|varios|ninos) (?:\w+ ){0,2}(?:debajo|en el suelo|tirad[oa]s)|debajo|tirad[oa]s? en (?:el suelo|la calle|la calzada)`,
    abduction: String.raw`(?:metid[oa]|subid[oa]|arrastrad[oa]|empujad[oa]|obligad[oa]|metiendo|subiendo|arrastrando|empujando|obligando|meten|suben|arrastran|empujan|metieron|subieron|arrastraron|empujaron|obligaron|han metido|han subido|han arrastrado|han obligado) (?:\w+ ){0,6}(?:a subir )?(?:a|en|dentro de) (?:una|un|la|el|su) (?:\w+ )?(?:furgoneta|coche|auto|vehiculo|camioneta|maletero|furgon|carro)|(?:a la fuerza|por la fuerza|contra su voluntad) (?:\w+ ){0,6}(?:furgoneta|coche|auto|vehiculo|camioneta|maletero|furgon)|(?:furgoneta|coche|auto|vehiculo|camioneta|maletero|furgon) (?:\w+ ){0,4}(?:a la fuerza|por la fuerza|contra su voluntad)|(?:estan|esta) (?:secuestrando|raptando)|(?:acaban de|han) (?:secuestrar|secuestrado|raptar|raptado)`,
    shutInCar: String.raw`(?:encerrad[oa]|atrapad[oa]|olvidad[oa]|dejad[oa]|sol[oa]) (?:\w+ ){0,2}(?:en|dentro de) (?:un|el|su|una|ese|este) (?:\w+ )?(?:coche|auto|carro|vehiculo|furgoneta)`,
    heat: String.raw`sol|calor|caluroso|asfixia\w*|grados|ventanillas (?:cerradas|subidas)|(?:ya )?no llora|sudando|roj[oa]|no reacciona|no se mueve`,
    child: String.raw`nin[oa]s?|bebes?|crio|cria|hij[oa]|pequen[oa]|chiquill[oa]|nene|nena`,
    cold: String.raw`hipotermi\w*|(?:ya )?no tiembla|(?:helad[oa]|congelad[oa]) (?:y|,) (?:\w+ )?(?:confus\w*|no reacciona|no responde|desvaria|delira)|(?:confus\w*|no reacciona|desvaria) (?:y|,) (?:\w+ )?(?:helad[oa]|congelad[oa])|congelacion`,
    coldTalk: String.raw`albergues?|refugios?|cada invierno|todos los inviernos|evitar|prevenir|prevencion|proteger|consejos?`,
  },
  ro: {
    allergen: String.raw`intepat\w*|intepatur\w*|viespe|viespi|albin\w*|nuci|alune|arahide|fructe de mare|alergi\w*|alergic\w*|epipen|adrenalina|muscat\w*`,
    airway: String.raw`(?:fata|buzele|buza|limba|gatul|ochii|gura) (?:i )?(?:s-a |s-au |e |este |sunt )?(?:umflat\w*|umfla)|i se umfla|(?:i )?s-(?:a|au) umflat (?:fata|buzele|limba|gatul|ochii)|se umfla (?:\w+ )?(?:fata|buzele|limba|gatul)|respira (?:suierat|suierand|greu)|suiera|nu (?:mai )?poate (?:inghiti|vorbi|respira)|bube pe tot corpul`,
    animalAttack: String.raw`(?:caine|cainele|caini|cainii|pitbull|rottweiler)\w* (?:\w+ ){0,3}(?:ataca|a atacat|sfasie|a sfasiat|musca|a muscat|nu (?:da drumul|lasa))|(?:muscat|a muscat|musca)\w* (?:\w+ ){0,3}(?:de gat|de fata|de cap|la gat|in gat|in fata)`,
    hot: String.raw`(?:apa|ceai\w*|cafea\w*|ulei\w*|supa|ciorba|lapte\w*|lichid\w*) (?:\w+ )?(?:fierbinte|clocotita|clocotind|care fierbea|incins\w*)|fierbinte|clocotit\w*|oala|ceainic|tigaie|ibric|acid`,
    burn: String.raw`basic\w*|(?:pielea|piele) (?:i se )?(?:\w+ )?(?:cojeste|desprinde|a luat-o|cade|in fasii|jupuit\w*)|(?:in|pe) carne vie|oparit\w*|oparire|pe (?:fata|piept|brat\w*|picioare|picior|maini|mana|gat|burta|corp|spate|el|ea|ei)|peste (?:fata|piept|el|ea)`,
    badBurn: String.raw`arsuri (?:grave|de gradul (?:doi|trei|2|3|ii|iii)|pe tot corpul)|(?:grav|foarte grav|rau) (?:ars|arsa|oparit\w*)|(?:ars|arsa|oparit\w*) (?:grav|foarte grav|foarte rau)`,
    bleed: String.raw`sangereaza (?:abundent|ingrozitor|intruna|necontenit|fara oprire|si nu se opreste|siroi|de nu se opreste)|sangele (?:\w+ )?(?:tasneste|curge siroi|curge intruna|nu se (?:mai )?opreste|tot curge|tasnea|curge ca)|tasneste (?:\w+ )?sange\w*|(?:siroi|suvoi) de sange|nu (?:putem|pot|reusim|reusesc) (?:sa )?(?:oprim|opresc|opreasca) (?:sangerarea|sangele|hemoragia)|hemoragie|amputat\w*|(?:si-a taiat|i-a taiat|i-a retezat|si-a retezat) (?:\w+ ){0,2}(?:degetul|degetele|mana|piciorul|laba)`,
    collapse: String.raw`s-a (?:prabusit|surpat|daramat|naruit|rupt)|(?:a cazut|au cazut|s-a rasturnat) (?:peste|pe) (?:un|o|niste)|s-au (?:prabusit|surpat|daramat|naruit)|prabusit\w*|surpat\w*|daramat\w*|naruit\w*|prabusire|surpare|naruire|a cedat|au cedat`,
    buried: String.raw`dedesubt|dedesupt|inauntru|in interior|(?:prins|blocat|ingropat|strivit|acoperit)\w* (?:sub|de|in|inauntru|dedesubt|pana)|ingropat\w*|sub (?:daramaturi|moloz|ruine|ea|el|ele|ei|acoperis|tavan|zid|perete|pamant|schela)|(?:sunt|e|este|erau|era|au ramas|a ramas) (?:\w+ )?(?:inauntru|dedesubt|sub)`,
    group: String.raw`oameni\w*|oamenii strazii|om al strazii|boschetar\w*|muncitor\w*|invitat\w*|elev\w*|copii\w*|clienti\w*|locatari\w*|cineva|persoane\w*|familii|jucator\w*|victime|spectator\w*|credinciosi`,
    empty: String.raw`nimeni|gol\w*|goala|nelocuit\w*|abandonat\w*|parasit\w*|dezafectat\w*`,
    ice: String.raw`(?:s-a rupt|s-a spart|a cedat|a crapat|s-a crapat) gheata|gheata (?:s-a rupt|s-a spart|a cedat|a crapat)|(?:a cazut|cazut|a intrat|s-a scufundat|s-a dus) (?:\w+ ){0,2}(?:sub|prin|in) gheata|sub gheata`,
    inWater: String.raw`in apa|in rau|in lac|in mare|in canal|in piscina|in balta|in dunare|apa (?:inghetata|rece ca gheata)`,
    cannotGetOut: String.raw`nu (?:mai )?(?:poate|reuseste|pot|reusesc) (?:sa )?(?:iasa|ies|urce|inoate|se tina|ajunga la mal)|se scufunda|(?:il|o|ii) ia curentul|luat\w* de curent|striga (?:dupa )?ajutor`,
    electricShock: String.raw`curentat\w*|electrocutat\w*|soc electric|descarcare electrica|(?:a luat|a prins|a facut) (?:\w+ )?(?:curent|priza)|(?:l-a|a|o|i-a) (?:prins|luat|curentat|electrocutat) curentul|a atins (?:un|firul|cablul|linia) (?:\w+ )?(?:electric|de inalta tensiune|sub tensiune)`,
    impact: String.raw`explod\w*|explozi\w*|a sarit in aer|(?:a intrat|a dat|s-a infipt|a navalit|a intrat cu masina) (?:\w+ ){0,2}(?:in|peste) (?:oameni\w*|multime\w*|lume|pietoni\w*|grup\w*|copii\w*|coada|cei care asteptau)|spulberat\w*|a secerat`,
    casualty: String.raw`ranit\w*|morti|victime|sange\w*|(?:oameni|persoane|cineva|copii) (?:\w+ ){0,3}(?:pe jos|sub ea|sub el|sub masina|intinsi|zac)|(?:zac|intinsi|cazuti) (?:\w+ )?(?:pe jos|pe strada|pe carosabil)|la pamant`,
    abduction: String.raw`(?:urcat|bagat|impins|tarat|aruncat|fortat|obligat|luat|urcata|bagata|impinsa|tarata|fortata|luata|urca|baga|impinge|taraste)\w* (?:\w+ ){0,4}(?:intr-o|intr-un|in) (?:\w+ )?(?:duba|masina|dubita|furgon\w*|autoturism|portbagaj|microbuz|vehicul)|cu forta (?:\w+ ){0,4}(?:duba|masina|dubita|furgon\w*|autoturism|portbagaj|microbuz)|(?:rapesc|rapeste|au rapit|a rapit|sa rapeasca) (?:un|o|pe)`,
    shutInCar: String.raw`(?:incuiat|inchis|lasat|uitat|blocat|singur)\w* (?:\w+ ){0,2}(?:in|intr-o|intr-un) (?:\w+ )?(?:masina|autoturism|duba)`,
    heat: String.raw`soare|caldura|cald|canicula|grade|arsita|geamuri(?:le)? (?:inchise|ridicate)|nu mai plange|transpirat|rosu|rosie|nu reactioneaza|nu se misca`,
    child: String.raw`copil\w*|bebelus\w*|fetit\w*|baietel\w*|pusti\w*|fiul|fiica|micut\w*`,
    cold: String.raw`hipotermi\w*|nu mai tremura|(?:inghetat|degerat)\w* (?:si|,) (?:\w+ )?(?:confuz\w*|nu reactioneaza|nu raspunde|delireaza|aiureaza)|(?:confuz\w*|nu reactioneaza|aiureaza) (?:si|,) (?:\w+ )?(?:inghetat|degerat)\w*|degeraturi`,
    coldTalk: String.raw`adapost\w*|in fiecare iarna|evita\w*|preveni\w*|protej\w*|sfaturi`,
  },
  hu: {
    allergen: String.raw`megcsip\w*|csipes\w*|daraz\w*|meh\w*|dio\w*|mogyoro\w*|foldimogyoro\w*|tenger gyumolcs\w*|allergi\w*|epipen|adrenalin\w*|megharap\w*`,
    airway: String.raw`(?:arca|ajka|ajkai|nyelve|torka|szeme|szaja) (?:\w+ )?(?:bedagadt|feldagadt|megdagadt|dagad|duzzad\w*|felpuffadt)|(?:bedagadt|feldagadt|megdagadt) (?:az |a )?(?:arca|ajka|nyelve|torka|szeme)|sipolva lelegzik|sipol|nem tud (?:nyelni|beszelni|levegot venni)|csalankiutes\w* (?:az egesz|mindenhol)`,
    animalAttack: String.raw`(?:kutya|kutyak|pitbull|rottweiler)\w* (?:\w+ ){0,3}(?:megtamad\w*|tamad\w*|marcang\w*|szettep\w*|megharap\w*|harap\w*|nem engedi el)|(?:megharapta|harapta|harap) (?:\w+ ){0,3}(?:a nyakat|a nyakan|az arcat|az arcan|a fejet)`,
    hot: String.raw`(?:forro|forrasban levo|lobogo|tuzforro|fovo|gozolgo) (?:\w+ )?(?:viz\w*|tea\w*|kave\w*|olaj\w*|leves\w*|tej\w*|fazek\w*|labas\w*|serpenyo\w*|folyadek\w*)|forrasban|tuzforro|lobogo|labas\w*|fazek\w*|\w*sav\w*`,
    burn: String.raw`holyag\w*|(?:a )?bore (?:\w+ )?(?:leval\w*|lejon|lelog|hamlik|foszlik)|leforraz\w*|megforraz\w*|(?:az egesz|a) (?:arca|arcat|karja|karjat|keze|kezet|laba|labat|mellkas\w*|teste|testet|nyaka|hata)|magara (?:rantotta|boritotta|ontotte|borult|dontotte)`,
    badBurn: String.raw`(?:harmadfoku|masodfoku|sulyos|kiterjedt) egesi serules\w*|(?:sulyosan|nagyon csunyan|csunyan) (?:megegett|leforrazta|osszeegett|megegette)|(?:a )?bore (?:\w+ )?(?:leval|lejon|lelog)\w*`,
    bleed: String.raw`omlik (?:belole |a )?ver\w*|(?:a )?ver (?:omlik|spriccel|lovell|patakzik|dol|nem all el|nem akar elallni|folyik belole)|spriccel (?:a |belole a )?ver\w*|nem (?:tudjuk|tudom|sikerul) elallitani (?:a )?verzes\w*|(?:a )?verzes\w* nem (?:all el|akar elallni|csillapodik)|nem (?:all|akar elallni) (?:el )?(?:a )?verzes\w*|elverez\w*|elverzik|levagta (?:\w+ ){0,2}(?:ujjat|ujjait|kezet|labat|karjat)`,
    collapse: String.raw`osszedolt|ra(?:dolt|zuhant|esett|borult)|osszeomlott|beomlott|leszakadt|beszakadt|ledolt|romba dolt|beomlas\w*|osszeomlas\w*`,
    buried: String.raw`alatta|alattuk|ala szorult\w*|bent rekedt\w*|bennragadt|bent ragadt|beszorult\w*|betemet\w*|maga ala temet\w*|romok alatt|tormelek alatt|(?:vannak|van|voltak|volt|maradt|maradtak) (?:\w+ )?(?:alatta|bent|benne)`,
    group: String.raw`emberek\w*|hajlektalan\w*|munkas\w*|vendeg\w*|diak\w*|gyerekek\w*|ugyfel\w*|lakok\w*|valaki\w*|szemely\w*|csalad\w*|jatekos\w*|aldozat\w*|nezo\w*`,
    empty: String.raw`senki|ures|elhagyatott|lakatlan|uresen allo`,
    ice: String.raw`beszakadt (?:\w+ ){0,2}(?:a )?(?:jegen|jeg|jegbe)\b|(?:a )?jeg (?:beszakadt|megrepedt|eltort|betort|megtort)|jeg ala (?:\w+ )?(?:esett|kerult|csuszott|zuhant|szorult)|beszakadt alatta a jeg|a jeg alatt`,
    inWater: String.raw`a vizben|a folyoban|a toban|a dunaban|a tiszaban|a csatornaban|a medenceben|jeges viz\w*`,
    cannotGetOut: String.raw`nem tud (?:\w+ )?(?:kijonni|kimaszni|kiuszni|kiszallni|felmaszni|kikapaszkodni|kijutni|a felszinen maradni)|elsullyed\w*|elmerul\w*|sodorja (?:a )?(?:viz|aramlat|folyo)|segitsegert kiabal`,
    electricShock: String.raw`megraz\w* (?:az )?aram\w*|aram megraz\w*|aramutes\w*|aramot kapott|(?:hozzaert|megfogta) (?:a |az )?(?:\w+ )?(?:vezetek|kabel)\w*`,
    impact: String.raw`felrobbant|robbanas\w*|berobbant|(?:belehajtott|behajtott|beleszaladt|belerohant|behajtott|belerongyolt) (?:\w+ ){0,2}(?:a )?(?:tomegbe|emberekbe|varakozokba|gyalogosokba|sorba|csoportba)|elgazolt (?:\w+ ){0,2}(?:tobb|harom|ket|nehany) (?:embert|gyalogost|jarokelot)`,
    casualty: String.raw`serult\w*|sebesult\w*|halott\w*|aldozat\w*|(?:emberek|valaki|tobben|sokan) (?:\w+ ){0,2}(?:fekszenek|fekszik|alatta)|(?:fekszenek|fekszik) (?:az uton|a foldon|az uttesten)`,
    abduction: String.raw`(?:betuszkol|berangat|belok|berant|behuz|betol|bedob|kenyszerit|elhurcol)\w* (?:\w+ ){0,3}(?:egy |a |az )?(?:\w+ )?(?:furgon|kisbusz|auto|kocsi|jarmu|csomagtarto)\w*|(?:furgon|kisbusz|auto|kocsi|jarmu|csomagtarto)\w* (?:\w+ ){0,3}(?:betuszkol|berangat|belok|berant|behuz|betol|kenyszerit)\w*|erovel (?:\w+ ){0,4}(?:furgon|kisbusz|auto|kocsi|jarmu)\w*|(?:elrabolt|elraboltak|elrabolnak|elrabolja|most rabolnak el) (?:egy |a )?(?:\w+ )?(?:gyerek\w*|lany\w*|fiu\w*|not|kislany\w*|kisfiu\w*|ferfit)`,
    shutInCar: String.raw`(?:bezarva|be van(?:nak)? zarva|bezart\w*|bentfelejt\w*|bent hagy\w*|bent ragadt|egyedul) (?:\w+ ){0,2}(?:az |egy )?(?:\w+ )?(?:autoba\w*|kocsiba\w*|jarmube\w*)|(?:autoba\w*|kocsiba\w*|jarmube\w*) (?:\w+ ){0,2}(?:bezarva|bezart\w*|felejt\w*|hagyt\w*|egyedul|ragadt)`,
    heat: String.raw`napon|tuzo nap\w*|hoseg\w*|meleg\w*|forro\w*|fok|izzad\w*|mar nem sir|nem sir|nem reagal|nem mozdul|kipirult`,
    child: String.raw`gyerek\w*|baba\w*|kisbaba\w*|kisfiu\w*|kislany\w*|csecsemo\w*|kicsi\w*|fiam|lanyom|gyermek\w*`,
    cold: String.raw`kihult\w*|kihules\w*|hipotermi\w*|(?:mar )?nem is (?:reszket|didereg)|nem reszket mar|(?:atfagyott|megdermedt|jeghideg) (?:es|,) (?:\w+ )?(?:zavart|nem reagal|osszefuggestelen|felrebeszel)|fagyasi serules\w*`,
    coldTalk: String.raw`menedek\w*|szallas\w*|minden telen|elkerul\w*|megelo\w*|vedekez\w*|tanacs\w*`,
  },
};

/** Words of harm in the kind families of one language (not who or where: people, children, heat, advice). */
export function kindHarmWords(lang: string): string[] {
  const k = KINDS[lang];
  if (!k) return [];
  const { group: _g, empty: _e, child: _c, heat: _h, coldTalk: _t, hot: _o, ...harm } = k;
  return Object.values(harm);
}

/** The core lexicons these families lean on (from emergency-concepts.ts). */
export interface CoreLexicon {
  person: string;
  pronoun: string;
  state: string;
  weakState: string;
  injury: string;
  info: string;
}

const WINDOW = "[^.!?]{0,80}?";
const word = (alternatives: string) => String.raw`\b(?:${alternatives})\b`;

function near(a: string, b: string, veto: string, also: string[] = []): ConceptRule {
  return {
    source: String.raw`${word(a)}${WINDOW}${word(b)}|${word(b)}${WINDOW}${word(a)}`,
    requires: [word(a), word(b), ...also.map(word)],
    veto: word(veto),
  };
}

/** The kind families of one language, appended after its core concept rules so existing rule ids stay put. */
export function composeKindRules(lang: string, core: CoreLexicon): ConceptRule[] {
  const k = KINDS[lang];
  if (!k) return [];
  const someone = `${core.person}|${core.pronoun}|${k.group}`;
  return [
    { source: word(k.badBurn), requires: [], veto: word(core.info) },
    near(k.hot, k.burn, core.info),
    { source: word(k.bleed), requires: [], veto: word(core.info) },
    // A wall can lie collapsed for weeks: only with someone under or inside it.
    near(k.collapse, k.buried, `${core.info}|${k.empty}`, [someone]),
    near(someone, k.ice, core.info),
    near(k.inWater, k.cannotGetOut, core.info),
    near(k.electricShock, `${core.state}|${core.weakState}|${core.injury}`, core.info),
    near(k.impact, `${k.casualty}|${core.injury}`, core.info),
    // The victim is often inside the phrase itself ("pushed a boy into a van"), so anywhere in the text will do.
    { source: word(k.abduction), requires: [word(someone)], veto: word(core.info) },
    near(k.shutInCar, k.heat, core.info, [k.child]),
    near(someone, k.cold, `${core.info}|${k.coldTalk}`),
    near(k.allergen, k.airway, core.info),
    near(k.animalAttack, someone, core.info),
  ];
}
