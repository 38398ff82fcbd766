/*
 * Emergencies described by concept rather than by memorised sentence: per language, lexicons of the things that
 * make a life-threatening situation (a person, a state like "not breathing", a fire happening now, a smell of gas,
 * violence in progress...), joined by the same rules in every language. Written against folded text (foldText).
 */

import { composeKindRules, kindHarmWords } from "./emergency-kinds";
import type { ConceptRule } from "./rule-types";

interface EmergencyLexicon {
  /** Named people: nouns, never bare pronouns ("the council isn't answering" must not count). */
  person: string;
  pronoun: string;
  /** Emergencies on their own ("not breathing", "having a heart attack"). */
  critical: string;
  /** Life-threatening once a person or a pronoun is near ("he collapsed"). */
  state: string;
  /** Only with a named person nearby ("my neighbour is not moving"). */
  weakState: string;
  /** A fire happening now. */
  fire: string;
  gas: string;
  smell: string;
  /** Violence in progress: progressive forms, "right now", or heard or seen. */
  violence: string;
  /** Hearing or seeing ("I can hear", "se aude") near a blow being struck, in either order. */
  hear: string;
  hit: string;
  weapon: string;
  threat: string;
  /** Fallen or jumped into water or off a height (with a person nearby). */
  water: string;
  crash: string;
  injury: string;
  swallow: string;
  substance: string;
  cable: string;
  spark: string;
  /** Chest pain counts with a sign of a heart attack (arm, sweating, breathlessness). */
  chest: string;
  chestSign: string;
  /** Questions about safety rather than a live event: first-aid courses, prevention, "what to do if". */
  info: string;
  /** Things that burn or smoke harmlessly: lamps, cigarettes, barbecues, chimneys. */
  notFire: string;
}

const LEXICONS: Record<string, EmergencyLexicon> = {
  en: {
    person: String.raw`someone|somebody|man|men|woman|women|lady|guy|bloke|person|people|child|children|kid|kids|baby|toddler|infant|boy|girl|teen|teenager|dad|daddy|mum|mom|mummy|mother|father|husband|wife|partner|boyfriend|girlfriend|friend|mate|flatmate|roommate|housemate|neighbou?r|grandma|grandad|granddad|grandpa|grandmother|grandfather|granny|nan|son|daughter|brother|sister|uncle|aunt|cousin|colleague|driver|cyclist|pedestrian|pupil|student|pensioner|resident|tenant|passenger|stranger|lad|worker|jogger|motorcyclist|rider|toddler|newborn`,
    // "they" and "it" are left out: walls collapse and councils stop answering too.
    pronoun: String.raw`he|she|him|her|he's|she's`,
    critical: String.raw`unconscious|not breathing|stopped breathing|(?:isn'?t|is not|wasn'?t|aren'?t) breathing|no pulse|cardiac arrest|(?:having|'s having|is having|suffering) an? (?:heart attack|stroke|seizure|anaphylactic (?:shock|reaction)|(?:severe |bad )?allergic reaction|asthma attack)|anaphylactic shock|overdos(?:ed|ing)|(?:taken|took) an overdose|(?:is|'s|are) choking\b(?! hazard| risk)|(?:is|'s|are) drowning\b(?! in (?!the (?:river|canal|lake|sea|water|pool|pond)))|(?:is having|'s having|having) (?:\w+ )?chest pains?|(?:live|exposed|bare) (?:electric(?:al|ity)? )?(?:wire|wires|cable|cables) (?:on|across|hanging|in|lying)|(?:been|was|got|just|is being) (?:stabbed|shot|electrocuted)|(?:bleeding|bleeds) (?:heavily|badly|profusely|everywhere|non-?stop|a lot|from (?:his|her|their|the) (?:head|neck|chest|stomach))|(?:a lot of|lots of|so much|loads of) blood|blood everywhere|pool of blood|losing (?:a lot of |lots of |so much )?blood|(?:turning|turned|gone|going) (?:blue|grey|gray|purple)|(?:face|mouth) (?:is )?(?:drooping|droopy)|drooping (?:on one side|face|mouth)|slurred speech|speech is slurred|(?:throat|tongue|airway) (?:is |are )?(?:swelling|swollen|closing)|(?:can'?t|cannot|couldn'?t) wake (?:him|her|them)|screaming for help|calling for help|shouting for help`,
    state: String.raw`unresponsive|(?<!\ba )collapsed(?! (?:wall|roof|fence|ceiling|building|drain|sewer|road|pavement|pipe|tree|bridge|scaffold\w*|shed|garage))|passed out|fainted|blacked out|keeled over|(?:barely|hardly) (?:breathing|conscious)|gasping for (?:air|breath)|(?:can'?t|cannot|can not|struggling to|unable to) breathe|having (?:a )?(?:fit|seizure)|fitting|seizing|convulsing|choking\b(?! hazard| risk)|overdos(?:ed|ing)|won'?t wake(?: up)?|(?:is|'s) dying\b(?! (?:to|for|of (?:boredom|laughter|embarrassment)))|can'?t (?:speak|talk) properly|slurring|(?:stuck|trapped|pinned) (?:under|beneath) (?:the |a |it|them)`,
    weakState: String.raw`not moving|isn'?t moving|won'?t move|not responding(?! to)|isn'?t responding(?! to)|not answering me|isn'?t answering me|doesn'?t answer(?! (?:the|my|his|her|their|calls|emails|letters|phone|door))|not waking(?: up)?|trapped|motionless|lifeless|lying (?:on|in) the (?:floor|ground|road|pavement|street|water)|fell (?:and|,) (?:hit|banged) (?:his|her|their) head`,
    fire: String.raw`on fire|in flames|ablaze|caught fire|catching fire|burning (?:down|alive)|(?:is|are|'s) burning|flames (?:are )?(?:coming|pouring|shooting|everywhere|leaping|spreading)|(?:there'?s|there is|theres) (?:a )?(?:fire|blaze) (?:in|at|on|inside|upstairs|downstairs|next door)|fire (?:is )?spreading|fire (?:has )?(?:broken|started) out|fire broke out|fire in (?:the|my|our|a|his|her|their) (?:kitchen|flat|house|building|bin store|block|stairwell|garage|shed|loft|basement|hall|room|bedroom|car|van)|smoke (?:is |are )?(?:pouring|billowing|coming|filling|everywhere|getting in)|(?:full of|filled with|filling with|thick|black) smoke`,
    gas: String.raw`gas`,
    smell: String.raw`smell\w*|stink\w*|reek\w*|odou?r|leak\w*|hissing`,
    violence: String.raw`(?:hitting|beating|attacking|stabbing|strangling|choking|kicking|punching|assaulting|battering|raping) (?:me|him|her|us|them|someone|somebody|(?:a|the|his|her|my|their|an old) (?:man|woman|wife|husband|girlfriend|boyfriend|partner|child|kid|boy|girl|person|guy|lady|baby|mum|mom|dad|son|daughter))|(?:being|getting) (?:attacked|assaulted|beaten(?: up)?|stabbed|mugged|strangled|kidnapped|abducted)`,
    hear: String.raw`hear|hearing|heard|see|seeing|saw|watching|witnessing`,
    hit: String.raw`(?:hitting|beating|attacking|stabbing|strangling|hurting|kicking|punching) (?:her|him|me|them|someone|somebody|his|their|a (?:woman|man|child|kid|girl|boy)|the (?:woman|man|child|kid))|screaming for help|crying for help`,
    weapon: String.raw`knife|knives|blade|machete|gun|guns|pistol|rifle|firearm|axe|hammer|baseball bat|broken bottle|weapon`,
    threat: String.raw`threaten\w*|attacking|stabbing|waving|chasing|pointing|swinging|lunging|brandishing|inside|in the (?:flat|house|building|shop|school)|going for`,
    // Third person only: "I'm going to jump off the bridge" is a crisis, not a call about someone else.
    water: String.raw`(?:fell|fallen|falling|jumped|slipped|swept|been swept|thrown|pulled) (?:\w+ ){0,4}(?:in|into|off|under) (?:the |a )?(?:river|canal|lake|sea|water|pond|reservoir|harbour|dock|quarry|thames|weir)|(?<!\b(?:i'?m|i am|i'?ll|i will|want to|wanna|gonna) (?:\w+ )?)(?:jumped|about to jump|threatening to jump|going to jump|standing on the edge of) (?:\w+ ){0,2}(?:off|from) (?:the |a )?(?:\w*bridge|roof|building|balcony|car park|multi-storey|cliff|ledge)`,
    crash: String.raw`crash(?! barrier)\w*|accident|collision|pile-?up|hit by|knocked (?:down|over)|run over|ploughed into|smashed into|overturned`,
    injury: String.raw`injured|injuries|hurt|bleeding|trapped|unconscious|not moving|casualties|blood|wounded|lying in the road`,
    swallow: String.raw`swallowed|swallow|drank|ate|eaten|(?:took|has taken|taken|had) (?:a whole|the whole|all|too many|loads of|a lot of|a (?:bottle|box|packet|handful) of|an entire)`,
    substance: String.raw`pills|tablets|medicine|medicines|medication|meds|painkillers|paracetamol|sleeping (?:pills|tablets)|bleach|poison|battery|batteries|detergent|washing (?:capsule|pod|tablet)s?|antifreeze|weed ?killer|rat poison|magnets?|cleaning (?:fluid|product)s?`,
    cable: String.raw`cable|cables|wire|wires|power ?lines?|electricity lines?`,
    spark: String.raw`sparking|sparks|arcing|electrified`,
    chest: String.raw`chest pains?|pains? in (?:his|her|their|my|the) chest|crushing (?:pain|chest)|chest (?:is |feels |felt )?(?:tight|heavy|crushing|squeezed|hurting|hurts)|(?:tightness|pressure|heaviness|squeezing|crushing|pain) (?:in|on|across) (?:his|her|their|my|the) chest|(?:squeezing|crushing|gripping|pressing on|sitting on) (?:his|her|their|my) chest`,
    chestSign: String.raw`arm|jaw|sweating|sweaty|clammy|short of breath|breathless|can'?t breathe|collapsed|grey|gray|been sick|vomit\w*|throwing up|pale|white as a sheet|cold sweat|numb|tingling|vice|nause\w*|dizzy|about to faint`,
    info: String.raw`first aid|cpr|(?:course|courses|training|workshop|class|classes) (?:on|about|in|for)|awareness|prevention|leaflet|poster|statistics|defibrillators?|what (?:to|should (?:i|you|we)) do if|how (?:to|do (?:i|you)) (?:help|recognise|recognize|spot|treat)|signs of|symptoms of|lifeguards?|volunteer|(?:fire|evacuation|emergency) (?:drills?|exercises?)`,
    notFire: String.raw`risk|danger|hazard|cigarettes?|smoking|smokers?|vap\w*|weed|cannabis|barbecue|bbq|chimney|bonfire|fireworks?|candles?|exhaust|street ?lights?|lamps?|leaves|garden waste|rubbish burning`,
  },
  fr: {
    person: String.raw`quelqu'un|homme|hommes|femme|dame|monsieur|une personne|la personne|cette personne|gens|enfant|enfants|bebe|nourrisson|garcon|fille|fillette|ado|adolescent\w*|jeune|pere|mere|papa|maman|mari|epoux|epouse|conjoint\w*|compagnon|compagne|copain|copine|ami|amie|voisin|voisine|voisins|grand-pere|grand-mere|papi|papy|mamie|fils|frere|soeur|oncle|tante|cousin\w*|collegue|conducteur|conductrice|cycliste|pieton\w*|eleve|retraite\w*|passant\w*|coloc\w*|locataire|individu|type|gars|mec|vieux|vieille|motard`,
    pronoun: String.raw`il(?! y a| faut)|elle|lui`,
    critical: String.raw`inconscient\w*|inanime\w*|ne respire (?:plus|pas|presque plus)|respire a peine|plus de pouls|pas de pouls|arret cardiaque|(?:fait|fais|est en train de faire|a) (?:une|un) (?:crise cardiaque|arret cardiaque|avc|crise d'epilepsie|overdose|choc anaphylactique|reaction allergique grave|crise d'asthme)|choc anaphylactique|(?:a fait|fait) une overdose|(?:a pris|a fait) une surdose|(?:s'etouffe|s'etrangle|se noie)|(?:a ete |vient d'etre |s'est fait )?(?:poignarde\w*|blesse\w* par balle|electrocute\w*)|saigne (?:beaucoup|abondamment|enormement|fort|partout|de la tete|sans arret)|perd (?:beaucoup|enormement) de sang|(?:beaucoup|plein) de sang|du sang partout|mare de sang|(?:devient|est devenu\w*|tourne) (?:tout |toute )?(?:bleu\w*|violet\w*|gris\w*)|(?:la )?bouche de travers|visage (?:tout )?de travers|(?:la )?gorge (?:qui )?(?:gonfle|enfle|se ferme)|(?:n'arrive|arrive) (?:plus|pas) a (?:le |la |les )?reveiller|appelle a l'aide|crie au secours`,
    state: String.raw`s'est evanoui\w*|evanoui\w*|(?:tombe\w*|tombee?) dans les pommes|(?:a |ont )?perdu connaissance|(?:n'arrive|arrive) (?:plus|pas) a respirer|ne (?:peut|peux) (?:plus|pas) respirer|respire (?:tres )?(?:mal|difficilement)|convuls\w*|(?:n'arrive|arrive) plus a parler|ne peut plus parler|est en train de mourir|va mourir\b(?! de (?:rire|faim|soif|froid|chaud|ennui|honte))|coince\w* (?:dans|sous) (?:sa |la |le |une |un |l'|les )?(?:voiture|vehicule|auto|epave|decombres|camion|bus|flammes|carcasse|eau)|incarcere\w*`,
    weakState: String.raw`s'est effondre\w*|s'effondrer|effondre\w*|ne bouge (?:plus|pas)|ne reagit (?:plus|pas)(?! (?:a|au|aux) )|ne (?:me )?repond (?:plus|pas)(?! (?:a|au|aux) )|ne se reveille (?:plus|pas)|pris au piege|allonge\w* (?:par terre|au sol|sur le sol|sur la route|sur le trottoir)|etendu\w* (?:par terre|au sol)`,
    fire: String.raw`au feu|il y a le feu|le feu (?:a pris|prend|se propage|s'etend|gagne)|(?:a pris|ont pris|prend|prennent|vient de prendre) feu|en feu|en flammes|ca brule|(?:est|sont) en train de bruler|flammes (?:partout|sortent|qui sortent|s'echappent|jaillissent)|(?:un )?incendie (?:dans|chez|au|a l'|en cours|vient)|fumee (?:sort|sortent|partout|noire|epaisse|envahit|remplit|qui sort|s'echappe)|(?:remplie?|plein|pleine|envahie?) de fumee|(?:ca|le feu|l'incendie) se propage`,
    gas: String.raw`gaz`,
    smell: String.raw`odeur\w*|sent|sens|sentir|pue|fuite\w*|fuit|siffle\w*`,
    violence: String.raw`(?:est|sont) en train de (?:le |la |les |me |nous )?(?:frapper|battre|tabasser|attaquer|agresser|poignarder|etrangler|tuer)|(?:frappe|bat|tabasse|agresse|attaque|poignarde|etrangle)\w* (?:\w+ ){0,4}(?:en ce moment|maintenant|actuellement|la maintenant)|(?:me fais|se fait|se font|on se fait) (?:agresser|attaquer|frapper|tabasser|poignarder|etrangler|enlever)`,
    hear: String.raw`j'entends|on entend|j'ai entendu|je vois|on voit|je l'entends|entend`,
    hit: String.raw`frappe|frapper|tabasse|tabasser|tape|taper|etrangle|poignarde|crie au secours|appelle a l'aide|hurle a l'aide|bat (?:sa|son|ses|la|le|une|un)`,
    weapon: String.raw`couteau|couteaux|arme|armes|pistolet|fusil|hache|marteau|batte|machette|bouteille cassee`,
    threat: String.raw`menace\w*|attaque\w*|agresse\w*|brandit|frappe|court apres|poursuit|chez (?:elle|lui|moi|nous)|dans (?:l'appartement|la maison|l'immeuble|le magasin|l'ecole)`,
    water: String.raw`(?:tombe\w*|saute|a saute|glisse|emporte\w*|jete\w*) (?:\w+ ){0,2}dans (?:la |le |l'|un |une )?(?:riviere|canal|lac|mer|eau|etang|seine|loire|rhone|garonne|fleuve|port)|(?:a saute|vient de sauter|va sauter|menace de sauter|veut sauter) (?:\w+ ){0,2}(?:du|d'un|depuis le|depuis un) (?:pont|toit|balcon|immeuble|fenetre|falaise)`,
    crash: String.raw`accident|percute\w*|collision|renverse\w*|fauche\w*|carambolage|(?:a |ont )?heurte\w*|(?:s'est |se sont )?encastre\w*|fonce dans`,
    injury: String.raw`blesse\w*|victime\w*|coince\w*|inconscient\w*|saigne\w*|ne bouge (?:plus|pas)|sang|incarcere\w*`,
    swallow: String.raw`avale\w*|a bu|a mange|ingere|(?:a |as )?pris (?:toute|tout|toutes|tous|une boite|un tube|trop|une plaquette|une dizaine)`,
    substance: String.raw`medicament\w*|cachet\w*|comprime\w*|pilule\w*|javel|poison|pile\w*|produit\w*|lessive|somnifere\w*|mort-aux-rats|detergent\w*|antigel|pesticide\w*|aimant\w*`,
    cable: String.raw`cable\w*|fils? electrique\w*|ligne\w* electrique\w*`,
    spark: String.raw`etincelle\w*|sous tension|gresille\w*|crepite\w*`,
    chest: String.raw`douleurs? (?:\w+ ){0,3}(?:a la |dans la )?poitrine|douleurs? thoracique\w*|(?:serre|serrer|oppresse|comprime|ecrase|appuie sur|brule) (?:\w+ ){0,2}(?:la |sa )?poitrine|poitrine (?:serree|oppressee|comprimee|qui (?:serre|brule|fait mal))|mal (?:a|dans) la poitrine|oppression`,
    chestSign: String.raw`bras|machoire|transpire\w*|sueur\w*|souffle|respire mal|essouffl\w*|malaise|pale\w*|blanc\w*|blanche|etau|engourdi\w*|fourmill\w*|nausee\w*|vertige\w*`,
    info: String.raw`premiers secours|secourisme|formation\w* (?:aux|au|de|sur)|cours de (?:secourisme|premiers)|atelier\w*|sensibilisation|prevention|statistique\w*|defibrillateur\w*|que faire si|que faire en cas|comment reagir|signes d'|symptomes|maitre\w*-nageur\w*|benevole\w*|exercices? (?:d'evacuation|incendie|de securite)`,
    notFire: String.raw`risque\w*|danger\w*|cigarette\w*|tabac|fume(?:r|nt|urs?)|barbecue|cheminee|feux? d'artifice|bougie\w*|lampadaire\w*|lampe\w*|feux? (?:rouges?|verts?|tricolores?|de signalisation)|dechets verts|brulage`,
  },
  de: {
    person: String.raw`jemand|mann|manner|frau|frauen|dame|herr|person|leute|menschen|kind|kinder|baby|saugling|kleinkind|junge|jungen|madchen|teenager|jugendliche\w*|vater|mutter|papa|mama|ehemann|ehefrau|partner\w*|freund\w*|nachbar\w*|opa|oma|grossvater|grossmutter|sohn|tochter|bruder|schwester|onkel|tante|kollege|kollegin|fahrer\w*|radfahrer\w*|fussganger\w*|schuler\w*|rentner\w*|passant\w*|mitbewohner\w*|mieter\w*|typ|kerl|alte\w*`,
    // "sie" is also the formal "you" and "they", so it is left out.
    pronoun: String.raw`er|ihn|ihm`,
    critical: String.raw`bewusstlos|ohnmachtig|regungslos|reglos|leblos|atmet (?:nicht|kaum)|hat aufgehort zu atmen|kein puls|herzstillstand|(?:hat|bekommt|erleidet) (?:gerade )?(?:einen |eine )?(?:herzinfarkt|schlaganfall|krampfanfall|anaphylaktischen schock|asthmaanfall)|anaphylaktische\w*|erstickt|ertrinkt|(?:niedergestochen|erstochen|angeschossen|niedergeschossen|messerstich\w*)|blutet (?:stark|sehr|heftig|viel|uberall|am kopf|aus dem kopf)|(?:viel|so viel|uberall) blut|blutlache|verliert (?:viel |sehr viel )?blut|(?:lauft|wird) (?:ganz )?(?:blau|grau|lila)(?: an)?|gesicht hangt|(?:hals|zunge|rachen) (?:schwillt|ist geschwollen|geht zu)|schwillt (?:\w+ )?zu|(?:kriege|bekomme|krieg|kriegen|bekommen) (?:ihn|sie) nicht (?:mehr )?wach|schreit um hilfe|ruft um hilfe`,
    state: String.raw`zusammengebrochen|zusammengesackt|kollabiert|(?:bekommt|kriegt|bekomme|kriege) keine luft|keine luft mehr|atmet (?:schwer|schlecht)|krampft|(?:eine )?uberdosis (?:genommen|erwischt)|kann nicht mehr (?:richtig )?sprechen|lallt|wacht nicht (?:mehr )?auf|wird nicht (?:mehr )?wach|stirbt\b(?! vor)|verschluckt sich|eingeklemmt|geht unter`,
    weakState: String.raw`umgekippt|bewegt sich nicht(?: mehr)?|reagiert (?:gar )?nicht(?: mehr)?(?! auf)|antwortet nicht(?: mehr)?(?! auf)|nicht (?:mehr )?ansprechbar|eingeschlossen|liegt (?:\w+ ){0,3}(?:am boden|auf dem boden|auf der strasse|auf dem gehweg|im wasser)`,
    fire: String.raw`brennt(?![^.!?]*\bnicht\b)|brennen(?![^.!?]*\bnicht\b)|steht in flammen|stehen in flammen|in flammen|lichterloh|feuer (?:ausgebrochen|breitet sich aus|greift)|brand ausgebrochen|flammen (?:schlagen|kommen|lodern|uberall)|rauch (?:quillt|kommt|dringt|uberall|steigt)|(?:kommt|quillt|dringt) (?:\w+ ){0,3}rauch|voller rauch|voll rauch|verraucht`,
    gas: String.raw`gas\w*`,
    smell: String.raw`riecht|riechen|rieche|stinkt|geruch|gasgeruch|leck|tritt aus|stromt aus|zischt`,
    violence: String.raw`(?:schlagt|verprugelt|prugelt|wurgt|sticht|tritt|attackiert|bedroht)\w* (?:\w+ ){0,4}(?:gerade|jetzt|in diesem moment|grade)|(?:wird|werde|werden) (?:gerade |hier |jetzt )?(?:\w+ ){0,3}(?:angegriffen|verprugelt|zusammengeschlagen|uberfallen|gewurgt|niedergeschlagen|niedergestochen|entfuhrt)`,
    hear: String.raw`hore|horen|hort|sehe|sehen|sieht`,
    hit: String.raw`schlagt|schlagen|verprugelt|prugelt|angreift|wurgt|sticht|um hilfe`,
    weapon: String.raw`messer|messern|waffe|waffen|pistole|gewehr|axt|hammer|machete|baseballschlager|flasche`,
    threat: String.raw`bedroht|bedrohen|droht|angegriffen|greift|fuchtelt|sticht|verfolgt|in der wohnung|im haus|im laden|in der schule`,
    water: String.raw`(?:ins wasser|in den (?:fluss|see|kanal|rhein|teich|bach|hafen|main|neckar)|in die (?:donau|elbe|spree|isar|weser|mosel|ruhr)) (?:\w+ ){0,2}(?:gefallen|gesprungen|gesturzt|gerutscht|getrieben)|(?:gefallen|gesprungen|gesturzt) (?:\w+ ){0,3}(?:ins wasser|in den (?:fluss|see|kanal|rhein|teich))|(?:von der|vom|von einer|von einem) (?:brucke|dach|balkon|hochhaus|fenster|klippe) (?:\w+ ){0,3}(?:gesprungen|gesturzt)`,
    crash: String.raw`unfall|zusammenstoss|kollision|crash|angefahren|uberfahren|gerammt|(?:in|gegen) (?:die|den|das|eine|einen|ein) \w+ gefahren|gefahren|uberschlagen`,
    injury: String.raw`verletzt\w*|schwerverletzt\w*|eingeklemmt|bewusstlos|blutet|bewegt sich nicht`,
    swallow: String.raw`geschluckt|verschluckt|getrunken|gegessen|(?:ganze|alle|zu viele|eine packung|eine schachtel|eine handvoll) (?:\w+ ){0,2}(?:genommen|eingenommen|geschluckt)`,
    substance: String.raw`tabletten|medikament\w*|pillen|gift|putzmittel|reiniger|batterie\w*|knopfzelle\w*|schlaftabletten|waschmittel\w*|rattengift|bleiche|spulmaschinentab\w*|magnet\w*`,
    cable: String.raw`\w*kabel\w*|\w*leitung\w*`,
    spark: String.raw`funken|steht unter strom|unter spannung`,
    chest: String.raw`schmerzen in der brust|brustschmerz\w*|druck auf der brust|engegefuhl in der brust|(?:druck|enge|engegefuhl|stechen|schmerz\w*) (?:\w+ ){0,2}(?:in|auf|an) der brust|brust (?:\w+ ){0,2}(?:zugeschnurt|eingeschnurt|zusammengedruckt|zusammengepresst|druckt|schmerzt|tut weh|eng)|(?:schnurt|druckt|presst) (?:\w+ ){0,3}(?:die )?brust`,
    chestSign: String.raw`arm|kiefer|schweiss\w*|schwitzt|luftnot|atemnot|keine luft|taub\w*|blass|kreidebleich|grau|\w*schweiss\w*|schraubstock|kribbel\w*|ubel\w*|schwindel\w*`,
    info: String.raw`erste[- ]?hilfe\w*|kurs\w*|schulung\w*|workshop\w*|pravention|statistik\w*|defibrillator\w*|was tun wenn|was mache ich wenn|was tun bei|anzeichen|symptome|rettungsschwimmer\w*|ehrenamt\w*|freiwillige\w*|\w*(?:feuer|brandschutz|evakuierungs|raumungs)ubung\w*|probealarm\w*`,
    // German compounds ("Strassenlaterne", "Gartenabfalle") carry the veto word at the end.
    notFire: String.raw`\w*gefahr\w*|nageln|\w*laterne\w*|\w*lampe\w*|\w*licht\w*|\w*leuchte\w*|\w*beleuchtung|\w*kerze\w*|\w*zigarette\w*|raucher\w*|\w*grill\w*|\w*kamin\w*|schornstein\w*|\w*feuerwerk\w*|osterfeuer|lagerfeuer|sonne|augen|ampel\w*|gartenabfall\w*|verbrennen|sodbrennen`,
  },
  es: {
    person: String.raw`alguien|hombre|hombres|mujer|mujeres|senor|senora|persona|personas|gente|nino|nina|ninos|bebe|chico|chica|chaval\w*|crio|cria|adolescente|joven|padre|madre|papa|mama|marido|esposo|esposa|pareja|novio|novia|amigo|amiga|vecino|vecina|vecinos|abuelo|abuela|hijo|hija|hermano|hermana|tio|tia|primo|prima|companero|companera|conductor\w*|ciclista|peaton|alumno|alumna|anciano|anciana|jubilado|jubilada|transeunte|inquilino|tipo`,
    // "el" is also the article once accents are folded, so only "ella" is a safe pronoun.
    pronoun: String.raw`ella|ellas`,
    critical: String.raw`inconsciente\w*|no respira|(?:ha dejado|dejo) de respirar|apenas respira|casi no respira|sin pulso|no tiene pulso|paro cardiaco|(?:le esta dando|esta teniendo|le ha dado|le da) (?:un |una )?(?:infarto|ataque al corazon|ictus|derrame cerebral|ataque epileptico|convulsiones|shock anafilactico|choque anafilactico|reaccion alergica)|shock anafilactico|choque anafilactico|(?:se esta ahogando|se ahoga|ahogandose)|se (?:esta )?atragant\w*|atragantad[oa]|(?:le han |ha sido |fue )?(?:apunalad[oa]|acuchillad[oa]|disparad[oa]|baleado|baleada|electrocutad[oa])|le han disparado|sangra (?:mucho|muchisimo|sin parar|por la cabeza|a chorros)|esta sangrando (?:mucho|muchisimo)|(?:mucha|muchisima) sangre|sangre por todas partes|charco de sangre|pierde mucha sangre|se (?:esta )?(?:poniendo|pone|ha puesto) (?:morad[oa]|azul|gris)|cara torcida|boca torcida|(?:la )?garganta (?:se le )?(?:esta )?(?:hinchando|cerrando|hinchada)|se le (?:esta )?(?:cerrando|hinchando) la garganta|no (?:consigo|conseguimos|podemos|puedo) despertarl[oa]|pide auxilio|pidiendo auxilio|grita pidiendo ayuda|gritando pidiendo ayuda`,
    state: String.raw`se ha desmayado|se desmayo|desmayad[oa]|se ha desplomado|se desplomo|desplomad[oa]|no (?:puede|puedo) respirar|le cuesta respirar|respira (?:con dificultad|muy mal)|convulsion\w*|(?:ha tenido|tiene) una sobredosis|no puede hablar bien|habla (?:raro|arrastrando)|no se despierta|se esta muriendo|atrapad[oa]s? (?:en|dentro|bajo|debajo)`,
    weakState: String.raw`no se mueve|no reacciona|no responde(?! a )|no (?:me )?contesta(?! a )|atrapad[oa]s?|tirad[oa] en el suelo|en el suelo sin moverse`,
    fire: String.raw`hay fuego|fuego (?:en|dentro)|hay (?:un )?incendio|incendio en|se esta quemando|se quema (?:la|el|mi|nuestra|nuestro)|esta(?:n)? ardiendo|en llamas|(?:ha|han|se ha) prendido fuego|(?:ha|han) (?:cogido|agarrado|pillado) fuego|(?:salen|sale) (?:\w+ ){0,2}(?:llamas|humo|fuego)|llamas (?:por todas partes|salen)|humo (?:negro|denso|por todas partes|sale|que sale)|llen[oa] de humo|(?:el fuego|el incendio) se (?:esta )?(?:extiende|extendiendo|propaga)`,
    gas: String.raw`gas`,
    smell: String.raw`huele|olor|fuga|escape|apesta|oler`,
    violence: String.raw`(?:estan|esta) (?:\w+ ){0,1}(?:pegando|golpeando|atacando|apunalando|agrediendo|estrangulando|acuchillando)|(?:apunalando|acuchillando|estrangulando) a|(?:pega|golpea|ataca|apunala|estrangula)\w* (?:\w+ ){0,4}(?:ahora mismo|en este momento|ahora)|(?:me|nos|le|la) (?:estan|esta) (?:atacando|pegando|agrediendo|golpeando|estrangulando|apunalando)`,
    hear: String.raw`oigo|se oye|escucho|se escucha|veo|oimos|estoy viendo`,
    hit: String.raw`(?:le|la|les|me|nos) (?:pega|golpea|esta pegando|esta golpeando)|pegandol\w*|golpeandol\w*|(?:pegando|golpeando|ataca|atacando) a|apunala|estrangula|pide auxilio|pidiendo ayuda|pide ayuda`,
    weapon: String.raw`cuchillo|cuchillos|navaja|navajas|arma|armas|pistola|escopeta|hacha|martillo|bate|machete|botella rota`,
    threat: String.raw`amenaz\w*|atacando|ataca|persigue|agrediendo|blandiendo|en (?:su|mi|la) casa|en el piso|dentro`,
    water: String.raw`(?:se ha caido|se cayo|cayo|ha caido|caido|se ha tirado|se tiro|tirarse|lanzarse|se lanzo|salto|ha saltado|arrastrad[oa]) (?:\w+ ){0,2}(?:al|a la|en el|en la) (?:rio|agua|canal|lago|mar|estanque|pantano|puerto|embalse)|(?:se ha tirado|se tiro|tirarse|ha saltado|salto|va a saltar|quiere saltar|amenaza con tirarse) (?:\w+ ){0,3}(?:del|desde el|de un|desde un) (?:puente|tejado|balcon|edificio|azotea|ventana)`,
    crash: String.raw`accidente|choque|chocado|estrellado|se ha estrellado|atropell\w*|colision|volcado|empotrado`,
    injury: String.raw`herid[oa]s?|atrapad[oa]s?|inconsciente|sangr\w*|no se mueve|victimas`,
    swallow: String.raw`(?:se ha |se )?tragado|se trago|trago|ha bebido|se ha bebido|bebio|(?:se ha tomado|se tomo|ha tomado|tomo) (?:una caja entera|una caja|todas|todo|muchas|demasiadas|un bote|un blister|un frasco)`,
    substance: String.raw`pastillas|medicamentos?|medicinas?|pildoras|comprimidos|lejia|veneno|pilas?|detergente|somniferos|matarratas|capsulas?|imanes?`,
    cable: String.raw`cables?|tendido electrico|linea electrica`,
    spark: String.raw`chispas|electrificad\w*|con corriente|en tension`,
    chest: String.raw`dolor (?:\w+ ){0,2}(?:en el|del|de) pecho|opresion en el pecho|(?:aprieta|oprime|presiona|aplasta|duele)\w* (?:\w+ ){0,2}(?:el )?pecho|(?:presion|peso|opresion) (?:\w+ ){0,2}(?:en el|del|de) pecho|pecho (?:apretado|oprimido)|le duele el pecho`,
    chestSign: String.raw`brazo|mandibula|suda\w*|sudor|falta el aire|no puede respirar|dormido|entumecido|palid[oa]|blanc[oa]|hormigueo|nauseas|marea\w*|aplast\w*|tornillo|torno`,
    info: String.raw`primeros auxilios|curso\w*|taller\w*|formacion|prevencion|estadisticas|desfibrilador\w*|que hacer si|que hago si|como actuar|sintomas|senales de|socorrista\w*|voluntari\w*|simulacros?`,
    notFire: String.raw`riesgo\w*|peligro\w*|cigarr\w*|tabaco|fumar|fumadores|barbacoa|chimenea|fuegos artificiales|hoguera\w*|velas?|farola\w*|lampara\w*|restos de poda|rastrojos`,
  },
  ro: {
    person: String.raw`cineva|omul|un om|oameni|oamenii|barbat\w*|femei\w*|doamn\w*|domn\w*|persoana|persoane|copil\w*|bebelus\w*|baiat\w*|fata|fetit\w*|adolescent\w*|tanar\w*|tata|tatal|tatei|mama|mamei|sotul|sotia|partener\w*|iubit\w*|prieten\w*|vecin\w*|bunic\w*|fiul|fiica|frate\w*|sora|unchi\w*|matus\w*|coleg\w*|sofer\w*|biciclist\w*|pieton\w*|elev\w*|pensionar\w*|batran\w*|trecator\w*|chirias\w*`,
    pronoun: String.raw`el|ea|ei|ele|il|lui|-l|-o`,
    critical: String.raw`inconstient\w*|nu (?:mai )?respira|abia (?:mai )?respira|fara puls|nu are puls|stop cardiac|face (?:un |o )?(?:infarct|atac cerebral|avc|accident vascular|criza de epilepsie|soc anafilactic|criza de astm|reactie alergica)|a luat o supradoza|soc anafilactic|se (?:sufoca|ineaca)|(?:a fost |e |este )?(?:injunghiat\w*|impuscat\w*|electrocutat\w*)|sangereaza (?:abundent|puternic|mult|tare|foarte tare|din cap|rau)|(?:mult|foarte mult) sange|sange peste tot|balta de sange|pierde (?:mult|foarte mult) sange|(?:se |s-a )(?:invineteste|invinetit|face vanat|albastreste)|i s-a strambat (?:gura|fata)|gura (?:i s-a )?strambat\w*|i se umfla (?:gatul|gatul|limba|fata)|nu (?:il|o|-l|-o) (?:mai )?pot trezi|nu-l (?:mai )?pot trezi|n-o (?:mai )?pot trezi|striga (?:dupa|dupa) ajutor|striga ajutor`,
    state: String.raw`a lesinat|lesinat\w*|lesina|s-a prabusit|prabusit\w*|a cazut lat|fara cunostinta|nu (?:mai )?(?:poate|pot) (?:sa )?respir\w*|respira (?:greu|cu greu)|convulsi\w*|nu (?:mai )?poate vorbi|vorbeste (?:incalcit|greu)|(?:e|este) pe moarte|nu se (?:mai )?trezeste|blocat\w* (?:in|sub) (?:masina|masini|autoturism|daramaturi|flacari|apa)|prins\w* (?:in|sub) (?:masina|daramaturi|flacari)|incarcerat\w*`,
    weakState: String.raw`nu (?:se )?(?:mai )?misca|nu (?:mai )?reactioneaza(?! la)|nu (?:mai )?(?:imi |-mi )?raspunde(?! la)|zace (?:pe jos|pe strada|pe trotuar|in strada|in apa)|cazut\w* pe (?:jos|trotuar|strada)`,
    fire: String.raw`(?:a luat|au luat|ia|iau) foc|(?:e|este) foc|in flacari|arde (?:casa|blocul|masina|apartamentul|bucataria|ghena|acoperisul|pivnita|magazinul|garajul|\w+ul)|(?:casa|blocul|masina|apartamentul|bucataria|cladirea|ghena|acoperisul|pivnita) (?:\w+ ){0,3}arde|incendiu (?:la|in|pe)|(?:e|este|a izbucnit) (?:un )?incendiu|ies flacari|flacari (?:peste tot|ies|mari)|(?:iese|ies) (?:\w+ ){0,2}fum|fum (?:gros|negru|dens|peste tot|iese|ies)|plin\w* de fum|focul se (?:intinde|extinde)`,
    gas: String.raw`gaz\w*`,
    smell: String.raw`miroase|mirosea|miros\w*|put|pute|scurgere|scapare|scapa|pierdere`,
    violence: String.raw`(?:bate|loveste|ataca|injunghie|strange de gat|agreseaza)\w* (?:\w+ ){0,4}(?:acum|chiar acum|in momentul asta|in clipa asta)|(?:este|e|sunt|suntem) (?:\w+ )?(?:atacat\w*|agresat\w*|batut\w* acum|injunghiat\w*|rapit\w*)`,
    hear: String.raw`aud|se aude|auzim|am auzit|vad|vedem`,
    hit: String.raw`(?:o|il|ii|ne|ma|te|-l|-o) (?:bate|loveste)|(?:bate|loveste) pe|ataca|injunghie|striga dupa ajutor|tipa dupa ajutor|strange de gat`,
    weapon: String.raw`cutit|cutite|cutitul|arma|arme|pistol|pusca|topor|ciocan|bata|maceta|sticla sparta`,
    threat: String.raw`ameninta\w*|ataca|agreseaza|fugareste|urmareste|flutura|in casa|in apartament|in bloc|in magazin`,
    water: String.raw`(?:a cazut|cazut|a sarit|sarit|s-a aruncat|aruncat|luat de ape) (?:\w+ ){0,2}(?:in|de pe) (?:rau|apa|lac|mare|canal|balta|dunare|pod|bloc|acoperis|balcon|fereastra)|(?:vrea|ameninta|sta) sa sara`,
    crash: String.raw`accident\w*|lovit\w* de|calcat\w* de|acrosat\w*|s-a izbit|a intrat (?:cu masina )?in|coliziune|tamponare|rasturnat\w*`,
    injury: String.raw`ranit\w*|blocat\w*|incarcerat\w*|inconstient\w*|sangereaza|sange|nu se (?:mai )?misca|victime`,
    swallow: String.raw`a inghitit|inghitit|a baut|(?:a luat|luat) (?:toata cutia|toate|prea multe|o cutie|un pumn|o folie|o sticla)`,
    substance: String.raw`pastil\w*|medicament\w*|comprimat\w*|somnifer\w*|clor|otrava|baterie|baterii|detergent|pilul\w*|antigel|magnet\w*|soda caustica`,
    cable: String.raw`cablu\w*|fir\w* electric\w*|linie electrica|linia electrica`,
    spark: String.raw`scantei|sub tensiune|electrizat\w*|scanteie`,
    chest: String.raw`dureri? (?:\w+ ){0,2}(?:in|de) piept|durere toracica|(?:strange|apasa|doare|arde|injunghie) (?:\w+ ){0,2}(?:in|la|pe) piept|(?:apasare|presiune|junghi|greutate|strangere) (?:\w+ ){0,2}(?:in|pe) piept|pieptul (?:\w+ ){0,2}(?:strans|apasat|doare)`,
    chestSign: String.raw`brat\w*|mana|maxilar|transpira\w*|transpiratie|sufoca|respira greu|amorti\w*|amorte\w*|palid\w*|alb\w* ca varul|menghina|furnicaturi|greata|ameteal\w*`,
    info: String.raw`prim ajutor|curs de|cursuri|instruire|prevenire|statistic\w*|defibrilator\w*|ce sa fac daca|ce fac daca|ce trebuie sa fac daca|simptom\w*|semnele|salvamar\w*|voluntar\w*|exercitii? de (?:evacuare|incendiu)|simular\w* de (?:evacuare|incendiu)`,
    notFire: String.raw`pericol\w*|risc\w*|becul|bec|lumina|lampa|felinar\w*|stalp\w*|tigar\w*|fumat|fumatori|gratar\w*|semineu|cos de fum|artificii|lumanar\w*|resturi\w*|frunze`,
  },
  hu: {
    person: String.raw`valaki|valakit|ferfi\w*|no|nok|holgy|ember\w*|gyerek\w*|gyermek\w*|baba\w*|csecsemo\w*|kisfiu\w*|kislany\w*|fiu|lany|apa|apam|apu\w*|anya|anyam|anyu\w*|ferj\w*|feleseg\w*|parom|partner\w*|barat\w*|szomszed\w*|nagymam\w*|nagypap\w*|nagyap\w*|nagyany\w*|fiam|lanyom|testver\w*|baty\w*|ocs\w*|nover\w*|hug\w*|kollega\w*|sofor\w*|biciklis\w*|gyalogos\w*|diak\w*|nyugdijas\w*|neni|bacsi|srac\w*|lakotars\w*|idos`,
    pronoun: String.raw`o|ot|neki`,
    critical: String.raw`eszmeletlen\w*|nem lelegzik|alig lelegzik|nincs pulzus\w*|szivmegallas\w*|(?:szivroham\w*|szivinfarktus\w*|agyverzes\w*|szelutes\w*|sztrok\w*|gorcsroham\w*|epilepszias roham\w*|anafilaxias sokk\w*) (?:van|kapott|kap|ert)|anafilaxi\w*|fuldoklik|megfullad\w*|felrenyelt|elkekul\w*|kekul|lila lett|(?:nagyon |erosen |sokat |folyamatosan )verzik|rengeteg ver|sok ver|mindenhol ver|vertocsa|sok vert veszit|megszurtak|megszurta|leszurtak|lelottek|lelotte|megrazta az aram|haldoklik|(?:bedagad|dagad|duzzad)\w* a (?:torka|nyelve)|torka (?:bedagad|dagad|duzzad|zarodik)\w*|lefittyedt|lelogott az arca|nem tudom felebreszteni|nem lehet felebreszteni|segitsegert kiabal`,
    state: String.raw`osszeesett|elajult|osszerogyott|nem kap levegot|nehezen lelegzik|gorcsol\w*|tuladagolta magat|tuladagol\w* (?:van|lett)|nem ebred fel|beszorult|bennragadt|bent rekedt`,
    weakState: String.raw`nem mozdul|nem mozog|nem reagal(?! (?:a|az) )|nem valaszol(?! (?:a|az) )|(?:a foldon|az uton|a jardan|a vizben) fekszik|fekszik (?:a foldon|az uton|a jardan|a vizben)`,
    fire: String.raw`tuz van|tuz ut\w* ki|eg a \w+|eg az \w+|kigyulladt|langra kapott|langokban all|langol|lang\w* csap\w*|(?:suru |fekete |sok )?fust (?:jon|omlik|araszt|van mindenhol|mindenhol|szall)|tele (?:van )?fusttel|(?:at)?terjed a tuz|a tuz (?:at)?terjed`,
    gas: String.raw`gaz\w*`,
    smell: String.raw`szag\w*|szivarog|szivargas\w*|erzek|erezni|bűz|buzlik`,
    violence: String.raw`(?:uti|veri|megtamad\w*|szurkal\w*|fojtogat\w*|bantalmaz\w*|vernek|utnek)\w* (?:\w+ ){0,4}(?:most|eppen|epp|ebben a pillanatban)|(?:most|eppen|epp) (?:\w+ ){0,2}(?:uti|veri|szurkal\w*|fojtogat\w*|tamad\w*|vernek|utnek|megszur\w*)`,
    hear: String.raw`hallom|hallani|hallottam|hallunk|latom|latjuk`,
    hit: String.raw`uti|veri|bantja|tamad\w*|szurkal\w*|fojtogat\w*|segitsegert kiabal`,
    weapon: String.raw`kes\w*|fegyver\w*|pisztoly\w*|puska\w*|balta\w*|kalapacs\w*|baseballuto\w*|torott uveg\w*`,
    threat: String.raw`fenyeget\w*|tamad\w*|hadonasz\w*|kerget\w*|a lakasban|a hazban|az uzletben|az iskolaban`,
    water: String.raw`(?:beleesett|beesett|esett|zuhant|ugrott|leugrott|beleugrott|levetette magat|sodorta) (?:\w+ ){0,2}(?:a |az )?(?:vizbe|folyoba|toba|dunaba|tiszaba|csatornaba|balatonba|kutba|hidrol|tetorol|erkelyrol|ablakbol)|le akar ugrani|ugrani keszul`,
    crash: String.raw`baleset\w*|elutott\w*|elgazolt\w*|belehajtott|nekiment|nekihajtott|osszeutkoz\w*|karambol\w*|felborult`,
    injury: String.raw`serult\w*|beszorult|eszmeletlen\w*|verzik|ver\b|nem mozog|nem mozdul|aldozat\w*`,
    swallow: String.raw`lenyelt|nyelt le|nyelt|megivott|ivott|(?:bevett|beszedett|bevette) (?:egy egesz|az osszes|osszes|tul sok|egy doboz|egy marek|egy level)`,
    substance: String.raw`gyogyszer\w*|tablett\w*|altato\w*|hypo\w*|merg\w*|mereg|elem\w*|mosopor\w*|mosogel\w*|patkanyirto\w*|magnes\w*|fagyallo\w*`,
    cable: String.raw`\w*vezetek\w*|kabel\w*`,
    spark: String.raw`szikraz\w*|szikra\w*|aram alatt`,
    chest: String.raw`mellkasi fajdalm\w*|fajdalm\w* (?:van )?a mellkas\w*|mellkas\w* fajdalm\w*|szoritas a mellkas\w*|(?:szorit|nyom|faj|eget|szoritja|nyomja|szoritana|szoritanak)\w* (?:\w+ ){0,2}(?:a )?mellkas\w*|mellkas\w* (?:\w+ ){0,2}(?:szorit\w*|nyom\w*|faj\w*|szorul)`,
    chestSign: String.raw`kar\w*|allkapocs\w*|izzad\w*|levego\w*|zsibbad\w*|sapadt\w*|verejte\w*|veritek\w*|satu\w*|hanyinger\w*|szedul\w*`,
    info: String.raw`elsosegely\w*|tanfolyam\w*|kepzes\w*|megelozes\w*|statisztik\w*|defibrillator\w*|mit tegyek ha|mit kell tenni ha|tunetei|vizimento\w*|uszomester\w*|onkentes\w*|(?:tuzriado|kiuritesi|menekitesi) gyakorlat\w*|tuzriado\w*`,
    notFire: String.raw`\w*veszely\w*|lampa\w*|villany\w*|izzo\w*|kozvilagitas\w*|gyertya\w*|cigarett\w*|dohany\w*|grill\w*|kemeny\w*|tuzijatek\w*|tabortuz\w*|nap\b|kerti hulladek\w*|avar\w*`,
  },
};

const WINDOW = "[^.!?]{0,80}?";
const word = (alternatives: string) => String.raw`\b(?:${alternatives})\b`;

/** Both concepts in one sentence, in either order, at most about fifteen words apart. */
function near(a: string, b: string, veto: string): ConceptRule {
  return {
    source: String.raw`${word(a)}${WINDOW}${word(b)}|${word(b)}${WINDOW}${word(a)}`,
    requires: [word(a), word(b)],
    veto: word(veto),
  };
}

function alone(a: string, veto: string): ConceptRule {
  return { source: word(a), requires: [], veto: word(veto) };
}

function composeEmergencyRules(x: EmergencyLexicon): ConceptRule[] {
  return [
    alone(x.critical, x.info),
    near(`${x.person}|${x.pronoun}`, x.state, x.info),
    near(x.person, x.weakState, x.info),
    alone(x.fire, `${x.info}|${x.notFire}`),
    near(x.gas, x.smell, `${x.info}|${x.notFire}`),
    alone(x.violence, x.info),
    near(x.hear, x.hit, x.info),
    near(x.weapon, x.threat, x.info),
    // A person must be there: planks and trolleys fall into rivers too.
    near(`${x.person}|${x.pronoun}`, x.water, x.info),
    near(x.crash, x.injury, x.info),
    near(x.swallow, x.substance, x.info),
    near(x.cable, x.spark, x.info),
    near(x.chest, x.chestSign, x.info),
  ];
}

/** Concept rules per language, compiled by guardrail-rules next to the phrase rules. */
export const EMERGENCY_CONCEPT_RULES: Record<string, ConceptRule[]> = Object.fromEntries(
  Object.entries(LEXICONS).map(([lang, lexicon]) => [
    lang,
    [...composeEmergencyRules(lexicon), ...composeKindRules(lang, lexicon)],
  ]),
);

/**
 * Whether a message names a person or any harm at all in its language (a state, a fire, gas, violence, a
 * weapon, an injury, a dangerous substance...), whatever the rules made of it. The learned model's
 * emergency needs this: "il y a des tags sur le mur de l'école" names neither, however its letters score.
 */
export function namesHarm(foldedText: string, lang: string): boolean {
  // A language without lexicons (Italian, Portuguese...) has only the model to go on.
  if (!LEXICONS[lang]) return true;
  harmPatterns[lang] ??= compileHarm(lang);
  return harmPatterns[lang].test(foldedText);
}

const harmPatterns: Record<string, RegExp> = {};

function compileHarm(lang: string): RegExp {
  const x = LEXICONS[lang]!;
  const parts = [
    x.person,
    x.pronoun,
    x.critical,
    x.state,
    x.weakState,
    x.fire,
    x.gas,
    x.violence,
    x.hit,
    x.weapon,
    x.threat,
    x.water,
    x.crash,
    x.injury,
    x.swallow,
    x.substance,
    x.spark,
    x.chest,
    ...kindHarmWords(lang),
  ];
  return new RegExp(parts.map(word).join("|"), "u");
}
