import { describe, expect, it, vi } from "vitest";
import type { KnowledgePassage } from "./assistant-deps";
import { chooseAnswerSection } from "./choose-answer-section";

/** A search hit with all its sections, as the passage search returns the first articles. */
function article(
  articleId: string,
  title: string,
  score: number,
  sections: [heading: string | null, text: string][],
  lang = "en",
): KnowledgePassage {
  const all = sections.map(([heading, text], i) => ({
    headingPath: heading ? [heading] : [],
    url: `https://city.example/${articleId}${heading ? `#s${i}` : ""}`,
    text,
    best: i === 0,
  }));
  return {
    articleId,
    title,
    url: all[0]!.url,
    headingPath: all[0]!.headingPath,
    text: all[0]!.text,
    score,
    lang,
    sections: all,
  };
}

const BULKY = article("bulky-item-collection", "Bulky item collection", 0.9, [
  [null, "We collect large household items such as sofas, beds and fridges from your home."],
  ["How to book", "Book a bulky collection online or by phone at least five working days ahead."],
  ["On the collection day", "Put the items out by 6:30 am on the collection day, next to the pavement."],
  ["Prices", "- Up to three items: £35.\n- Each extra item: £10.\n- Fridges and freezers: £25 each."],
]);
const GLASS = article("glass-recycling", "Glass recycling", 0.8, [
  [null, "Glass is collected separately from the rest of your recycling."],
  ["What goes in the glass box", "- glass bottles of any colour\n- glass jars"],
  ["What cannot go in the glass box", "Drinking glasses, window glass and mirrors spoil the recycled glass."],
]);
const PAY_TAX = article("pay-council-tax", "Pay your council tax", 0.74, [
  [null, "Council tax is paid in ten monthly instalments."],
  ["Ways to pay", "- Direct Debit: call 01632 960 000.\n- By phone on the automated line 01632 960 010."],
]);
const CONTACT = article("contact-us", "Contact the council", 0.64, [
  [null, "You can find most information online."],
  ["Phone", "- Contact centre: 01632 960 000, Monday to Thursday 8:30 am to 5 pm."],
  ["Email", "Email enquiries@city.example; we reply within 5 working days."],
]);
const LIBRARY = article("library-opening-hours", "Library opening hours", 0.5, [
  [null, "All libraries are closed on bank holidays."],
  ["Central Library", "Monday to Friday 9 am to 7 pm; Saturday 9 am to 5 pm."],
]);
const GLASS_FR = article(
  "glass-recycling",
  "Recyclage du verre",
  0.7,
  [["Quand le verre est collecté", "La caisse violette est collectée toutes les deux semaines, le lundi."]],
  "fr",
);

const choose = (
  question: string,
  found: KnowledgePassage[],
  lang = "en",
  history: { role: "citizen"; text: string }[] = [],
) => chooseAnswerSection(question, lang, history, found, "en");
const chosen = (question: string, found: KnowledgePassage[], lang = "en") =>
  choose(question, found, lang)?.passages.map((p) => `${p.articleId}#${p.headingPath.at(-1) ?? ""}`);

describe("chooseAnswerSection", () => {
  it("picks the section stating the kind of fact asked for, not the first one sharing its words", () => {
    expect(chosen("how much is a bulky collection?", [BULKY, GLASS])).toEqual([
      "bulky-item-collection#Prices",
    ]);
    expect(choose("how much is a bulky collection?", [BULKY])?.kind).toBe("amount");
    expect(chosen("how do I book a bulky collection?", [BULKY])).toEqual([
      "bulky-item-collection#How to book",
    ]);
  });

  it("does not answer a plain question from a heading that says what not to do", () => {
    expect(chosen("what can I put in the glass box?", [GLASS])).toEqual([
      "glass-recycling#What goes in the glass box",
    ]);
    expect(chosen("what cannot go in the glass box?", [GLASS])).toEqual([
      "glass-recycling#What cannot go in the glass box",
    ]);
  });

  it("answers from a heading that says what not to do when it alone names what was asked", () => {
    const bins = article("what-goes-in-which-bin", "What goes in which bin", 0.9, [
      ["Blue bin: mixed recycling", "Put paper, cans and plastic bottles in your blue recycling bin."],
      [
        "What not to put in any bin",
        "- Batteries: put them in a clear bag on top of your blue bin lid.\n- Paint: take it to the recycling centre.",
      ],
    ]);
    expect(chosen("where do old AA batteries go? can they go in the recycling bin?", [bins])).toEqual([
      "what-goes-in-which-bin#What not to put in any bin",
    ]);
    expect(chosen("what can I put in the recycling bin?", [bins])).toEqual([
      "what-goes-in-which-bin#Blue bin: mixed recycling",
    ]);
  });

  it("chooses the article whose sections answer, even when search ranked another first", () => {
    expect(chosen("what's the phone number for the council?", [PAY_TAX, CONTACT])).toEqual([
      "contact-us#Phone",
    ]);
  });

  it("answers from a section whose heading names the fact asked when the page's other sections hold the subject", () => {
    const bulky = article("bulky-item-collection", "Bulky item collection", 0.9, [
      [null, "We remove large household items such as sofas, wardrobes and mattresses."],
      [
        "Prices",
        "- Up to three items: £35.\n- Each extra item: £10.\n\nA bed and its mattress count as two items.",
      ],
      ["On the collection day", "Put the items outside your home by 6:30 am."],
    ]);
    const choice = choose("how much to remove a sofa and a mattress from outside my home?", [bulky]);
    expect(choice?.passages[0]?.headingPath).toEqual(["Prices"]);
    expect(choose("how much is a dog licence?", [bulky])).toBeNull();
  });

  it("declines when no section holds enough of the question", () => {
    expect(choose("How do I apply for a dog licence?", [LIBRARY, GLASS])).toBeNull();
    expect(choose("anything", [])).toBeNull();
  });

  it("declines a question about a place none of the pages mentions, and answers one they do", () => {
    const days = article("bin-collection-days", "Bin collection days", 0.9, [
      ["Find your collection day", "- Monday: Northgate and Hillcrest\n- Tuesday: Eastfield"],
    ]);
    expect(choose("when are bins collected in Manchester?", [days])).toBeNull();
    expect(choose("when are bins collected in Hillcrest?", [days])?.passages[0]?.articleId).toBe(
      "bin-collection-days",
    );
  });

  it("needs the new subject of a follow-up, not just the old one", () => {
    const history = [{ role: "citizen" as const, text: "When is the glass box collected?" }];
    expect(choose("When is the glass box collected? fridges", [GLASS], "en", history)).toBeNull();
    expect(
      choose("When is the glass box collected? fridges", [GLASS, BULKY], "en", history)?.passages[0]
        ?.articleId,
    ).toBe("bulky-item-collection");
  });

  it("uses the citizen's language when search found it, else falls back to the default language", () => {
    expect(chosen("Quand le verre est-il collecté ?", [GLASS, GLASS_FR], "fr")).toEqual([
      "glass-recycling#Quand le verre est collecté",
    ]);
    // No German article: the English one search found, never the French one.
    expect(choose("Wann wird Glas abgeholt?", [GLASS_FR, GLASS], "de")?.passages[0]?.lang).toBe("en");
    // An English article search ranked first beats a French one that covers too little.
    expect(
      choose("la bibliothèque centrale ouvre à quelle heure ?", [LIBRARY, GLASS_FR], "fr")?.passages[0]
        ?.articleId,
    ).toBe("library-opening-hours");
  });

  it("compares an article without a translation through the editors' terms in the citizen's language", () => {
    const hours = {
      ...LIBRARY,
      aliases: { fr: "Horaires des bibliothèques, bibliothèque centrale, ouverture, dimanche" },
    };
    const join = article(
      "join-the-library",
      "S'inscrire à la bibliothèque",
      0.9,
      [[null, "L'inscription à la bibliothèque est gratuite pour tous les habitants."]],
      "fr",
    );
    expect(
      choose("à quelle heure ouvre la bibliothèque centrale le dimanche ?", [join, hours], "fr")?.passages[0]
        ?.articleId,
    ).toBe("library-opening-hours");
    expect(
      choose("à quelle heure ouvre la bibliothèque centrale le dimanche ?", [join, LIBRARY], "fr")
        ?.passages[0]?.articleId,
      "without them the English page cannot be compared",
    ).not.toBe("library-opening-hours");
  });

  it("adds a second article's section only when the question joins two things", () => {
    const both = choose("how much is a bulky collection and what goes in the glass box?", [BULKY, GLASS]);
    expect(both?.passages.map((p) => p.articleId).sort()).toEqual([
      "bulky-item-collection",
      "glass-recycling",
    ]);
    expect(choose("how much is a bulky collection?", [BULKY, GLASS])?.passages).toHaveLength(1);
  });
});

describe("chooseAnswerSection: days, seasons and the sentence that states the fact", () => {
  const TIP = article("household-waste-recycling-centre", "Household Waste Recycling Centre", 0.9, [
    [null, "Riverton has one recycling centre for household waste."],
    [
      "Address and opening hours",
      "- 1 April to 30 September: every day, 8 am to 6 pm.\n- 1 October to 31 March: every day, 8 am to 4 pm.",
    ],
    [
      "Reuse shop",
      "The reuse shop by the entrance sells furniture and is open on Saturday from 10 am to 3:30 pm.",
    ],
  ]);
  const DEATH = article("register-a-death", "Register a death", 0.9, [
    [
      "Before you can register",
      "A doctor completes a certificate. We phone you within 3 working days to book.",
    ],
    [null, "A death should be registered within 5 days, in the district where it happened."],
  ]);

  it("reads 'every day' as covering the day asked and a month range as covering the season asked", () => {
    const winter = chooseAnswerSection(
      "what time does the recycling centre close in winter?",
      "en",
      [],
      [TIP],
    );
    expect(winter?.passages[0]?.headingPath).toEqual(["Address and opening hours"]);
  });

  it("prefers the section whose one sentence states the fact asked about the question's subject", () => {
    const choice = chooseAnswerSection("how long have we got to register the death?", "en", [], [DEATH]);
    expect(choice?.passages[0]?.text).toMatch(/registered within 5 days/);
  });
});

describe("chooseAnswerSection across languages", () => {
  it("answers a German question from the English page's section that states what was asked", () => {
    const bulky = { ...BULKY, aliases: { de: "Sperrmüll, Sofa, Kühlschrank" } };
    const choice = chooseAnswerSection("Was kostet die Sperrmüllabholung für drei Teile?", "de", [], [bulky]);
    expect(choice?.passages[0]?.headingPath).toEqual(["Prices"]);
  });

  it("does not take a German noun after 'im' for another city's name", () => {
    const tip = article("household-waste-recycling-centre", "Household Waste Recycling Centre", 0.9, [
      [null, "Riverton has one recycling centre."],
      ["Opening hours", "- 1 April to 30 September: every day, 8 am to 6 pm."],
    ]);
    const withTerms = { ...tip, aliases: { de: "Wertstoffhof, Recyclinghof" } };
    const choice = chooseAnswerSection("Wann macht der Wertstoffhof im Sommer zu?", "de", [], [withTerms]);
    expect(choice?.passages[0]?.headingPath).toEqual(["Opening hours"]);
    // "in Manchester" still names a place none of the pages mentions.
    expect(chooseAnswerSection("when is the tip open in Manchester?", "en", [], [tip])).toBeNull();
  });
});

describe("chooseAnswerSection with days named in another language", () => {
  const LIB = article("library-opening-hours", "Library opening hours", 0.9, [
    [null, "Riverton has one central library and three branch libraries."],
    ["Holidays", "On 24 and 31 December the Central Library closes at 1 pm."],
    ["Central Library", "Monday to Saturday 9 am to 5 pm; Sunday 11 am to 3 pm."],
  ]);
  const lib = { ...LIB, aliases: { de: "Zentralbibliothek, Bücherei, Öffnungszeiten" } };

  it("meets 'Samstag' in the English 'Monday to Saturday'", () => {
    const choice = chooseAnswerSection(
      "Wann hat die Zentralbibliothek am Samstag geöffnet?",
      "de",
      [],
      [lib],
    );
    expect(choice?.passages[0]?.headingPath).toEqual(["Central Library"]);
  });

  it("never counts a day alone as what the question is about", () => {
    expect(chooseAnswerSection("what time is the football on saturday", "en", [], [LIB])).toBeNull();
  });
});

describe("chooseAnswerSection: the article that states the fact asked", () => {
  it("prefers, among pages holding the question's words, the one whose sentence states what was asked", () => {
    const missed = article("report-a-missed-bin", "Report a missed collection", 0.9, [
      ["Before you report", "Check it was the right week for your brown bin and that the lid was closed."],
      ["How to report", "Tell us which bin was missed: black, blue or brown."],
    ]);
    const garden = article("garden-waste-collection", "Garden waste collection", 0.7, [
      [null, "Garden waste is collected from subscribers every two weeks."],
      ["Subscribe", "The brown bin costs £48 a year; subscribe online."],
    ]);
    const choice = chooseAnswerSection("how much is the brown bin?", "en", [], [missed, garden]);
    expect(choice?.passages[0]?.articleId).toBe("garden-waste-collection");
  });
});

describe("chooseAnswerSection with everyday words", () => {
  it("reads 'fix' as the page's 'repair'", () => {
    const pothole = article("report-a-pothole", "Report a pothole", 0.9, [
      ["How to report", "Report a pothole online or by phone; tell us the street and a landmark."],
      ["How quickly we repair", "Potholes 40 mm deep or more are repaired within 10 working days."],
      ["Damage to your vehicle", "Claims for damage go to the insurance team."],
    ]);
    const choice = chooseAnswerSection("how long will it take you to fix it? pothole", "en", [], [pothole]);
    expect(choice?.passages[0]?.headingPath).toEqual(["How quickly we repair"]);
  });

  it("reads everyday phrases in the pages' words: 'the tip' is the recycling centre, 'packs up' is broken", () => {
    const flyTipping = article("fly-tipping", "Fly-tipping", 0.9, [
      ["How to report fly-tipping", "Tell us what was dumped and where, and when you saw it."],
    ]);
    const centre = article("household-waste-recycling-centre", "Household Waste Recycling Centre", 0.45, [
      ["Address and opening hours", "Every day, 8 am to 4 pm. The site is closed on Christmas Day."],
    ]);
    const tip = chooseAnswerSection("what time does the tip shut?", "en", [], [flyTipping, centre]);
    expect(tip?.passages[0]?.articleId).toBe("household-waste-recycling-centre");
    const repairs = article("council-home-repairs", "Repairs for council tenants", 0.7, [
      [
        "How quickly we repair",
        "Emergency: we attend within 4 hours, for example when the heating is broken.",
      ],
    ]);
    expect(
      chooseAnswerSection("if my heating packs up how quickly will you attend?", "en", [], [repairs]),
    ).not.toBeNull();
    const bins = article(
      "bin-collection-days",
      "Zilele de colectare",
      0.8,
      [["Aflați ziua de colectare", "Ziua de colectare a gunoiului depinde de cartier."]],
      "ro",
    );
    expect(chooseAnswerSection("in ce zi vine masina de gunoi?", "ro", [], [bins])).not.toBeNull();
    const tipping = article(
      "fly-tipping",
      "Dépôts sauvages",
      0.9,
      [["Si vous voyez un dépôt", "Si vous voyez un dépôt en cours, notez la plaque sans intervenir."]],
      "fr",
    );
    expect(
      chooseAnswerSection("je vois un dépôt près de l'école, je fais quoi ?", "fr", [], [tipping]),
    ).not.toBeNull();
    const roBulky = article(
      "bulky-item-collection",
      "Colectarea obiectelor voluminoase",
      0.8,
      [[null, "Ridicăm obiectele mari, cum ar fi mobila și saltelele."]],
      "ro",
    );
    const roFlyTipping = article(
      "fly-tipping",
      "Depozitarea ilegală de deșeuri",
      0.85,
      [[null, "Ridicăm gunoiul aruncat ilegal; curățenia costă primăria peste 400.000 £ pe an."]],
      "ro",
    );
    expect(
      chooseAnswerSection("cât costă să-mi ridicați o canapea?", "ro", [], [roFlyTipping, roBulky])
        ?.passages[0]?.articleId,
    ).toBe("bulky-item-collection");
  });
});

describe("chooseAnswerSection: report pages", () => {
  const days = article("bin-collection-days", "Bin collection days", 0.6, [
    [null, "Every home is collected on the same day each week."],
    [
      "Which bins go out each week",
      "- Black bin: every two weeks.\n- Blue bin: every two weeks, on the other week.",
    ],
  ]);
  const missed = article("report-a-missed-bin", "Report a missed bin", 0.9, [
    [
      "Before you report",
      "Blue bins are collected every two weeks: check it was the right week for the blue bin.",
    ],
    ["How to report", "Tell us your address and which bin was missed, within two working days."],
  ]);

  it("answers a question about collections from the collection page, not from reporting a missed bin", () => {
    expect(choose("When is the blue bin collected?", [missed, days])?.passages[0]?.articleId).toBe(
      "bin-collection-days",
    );
  });

  it("keeps the report page for a problem or a question about reporting", () => {
    expect(
      choose("my blue bin was missed, how do I report it?", [missed, days])?.passages[0]?.articleId,
    ).toBe("report-a-missed-bin");
  });

  it("keeps a report page that no other page shares its subject with", () => {
    const light = article("report-street-light-fault", "Report a broken street light", 0.7, [
      [null, "Street lights are checked at night every few weeks."],
      ["How to report", "Give us the number on the lamp post: a label at eye level, for example RV-2214."],
    ]);
    const contact = article("contact-us", "Contact the council", 0.95, [
      ["Phone numbers", "Find the number you need: the contact centre is on 01632 960 000."],
      ["Post", "Write to the Town Hall, 1 Market Square."],
    ]);
    expect(
      choose("where do I find the number on a lamp post?", [contact, light])?.passages[0]?.articleId,
    ).toBe("report-street-light-fault");
  });
});

describe("chooseAnswerSection: a follow-up's new subject", () => {
  const days = article("bin-collection-days", "Bin collection days", 0.9, [
    ["Find your collection day", "- Monday: Northgate and Hillcrest\n- Tuesday: Eastfield"],
    [
      "Which bins go out each week",
      "- Blue bin and purple glass box: every two weeks.\n- Black bin: every two weeks.",
    ],
  ]);
  const glass = article("glass-recycling", "Glass recycling", 0.7, [
    [null, "Glass is kept apart from the rest of the recycling."],
    ["When glass is collected", "Your purple box is collected every two weeks, on your blue bin day."],
  ]);
  const history = [{ role: "citizen" as const, text: "what day are bins collected in Northgate?" }];

  it("answers from the page named after what the follow-up newly brings up", () => {
    const choice = choose("what day are bins collected in Northgate? glass", [days, glass], "en", history);
    expect(choice?.passages.map((p) => `${p.articleId}#${p.headingPath.at(-1)}`)).toEqual([
      "glass-recycling#When glass is collected",
    ]);
  });

  it("does not count the same words as a new subject when they open the conversation", () => {
    const choice = choose("what day are bins collected in Northgate? glass", [days, glass], "en", []);
    expect(choice?.passages[0]?.articleId).toBe("bin-collection-days");
  });

  it("answers a follow-up from its new subject's page though that page never names the earlier details", () => {
    const daysFr = article(
      "bin-collection-days",
      "Jours de collecte des poubelles",
      0.9,
      [
        [
          "Trouver votre jour",
          "- Lundi: Northgate et Hillcrest\n- Mardi: Eastfield. La caisse pour le verre passe aussi.",
        ],
      ],
      "fr",
    );
    const earlier = [
      { role: "citizen" as const, text: "je suis à Hillcrest, quel jour passent les poubelles ?" },
    ];
    const choice = choose(
      "je suis à Hillcrest, quel jour passent les poubelles ? verre",
      [daysFr, GLASS_FR],
      "fr",
      earlier,
    );
    expect(choice?.passages[0]?.articleId).toBe("glass-recycling");
  });
});

describe("chooseAnswerSection: what the city's pages do not cover", () => {
  const days = article("bin-collection-days", "Bin collection days", 0.9, [
    ["Find your collection day", "- Monday: Northgate and Hillcrest\n- Wednesday: City Centre and Old Town"],
  ]);
  const glass = article("glass-recycling", "Glass recycling", 0.8, [
    ["Glass banks", "Glass banks are at Market Square, Oakley Sports Centre and the recycling centre."],
  ]);
  const pothole = article(
    "report-a-pothole",
    "Semnalați o groapă",
    0.9,
    [
      [
        "Cât de repede reparăm",
        "Gropile sunt reparate în 20 de zile sau incluse în programul de reasfaltare.",
      ],
    ],
    "ro",
  );

  it("declines a place typed in lower case that the pages never mention", () => {
    expect(choose("bin days in manchester", [days])).toBeNull();
    expect(choose("when are the bins collected in manchester city centre", [days])).toBeNull();
    expect(choose("bin days in hillcrest", [days])?.passages[0]?.articleId).toBe("bin-collection-days");
    expect(choose("are bins collected in january", [days])?.passages[0]?.articleId).toBe(
      "bin-collection-days",
    );
    expect(
      choose("cat dureaza sa reparati o groapa in asfalt", [pothole], "ro")?.passages[0]?.articleId,
    ).toBe("report-a-pothole");
  });

  it("declines a facility none of the pages names, though they share its other words", () => {
    expect(choose("does oakley sports centre have a sauna", [glass])).toBeNull();
    expect(choose("what are the swimming times at Oakley Sports Centre pool?", [glass])).toBeNull();
    expect(
      choose("where are the glass banks at Oakley Sports Centre?", [glass])?.passages[0]?.articleId,
    ).toBe("glass-recycling");
  });
});

describe("chooseAnswerSection with the citizen's details and fillers", () => {
  const pothole = article("report-a-pothole", "Report a pothole", 0.9, [
    ["How to report", "Report a pothole online or by phone; tell us the street and a landmark."],
    ["How quickly we repair", "Potholes 40 mm deep or more are repaired within 10 working days."],
  ]);

  it("does not count a measurement or a filler against the page that answers", () => {
    const choice = chooseAnswerSection(
      "it's 11am now, how long to repair a pothole 5 cm deep that has been there for 3 weeks already?",
      "en",
      [],
      [pothole],
    );
    expect(choice?.passages[0]?.headingPath).toEqual(["How quickly we repair"]);
  });

  it("still declines when the question's topic is missing, details or not", () => {
    expect(
      chooseAnswerSection("how long to renew a passport 5 cm photo now?", "en", [], [pothole]),
    ).toBeNull();
  });
});

describe("chooseAnswerSection with a question after the citizen's story", () => {
  const discounts = article("council-tax-discounts", "Council tax discounts", 0.8, [
    ["Single person discount", "If you are the only adult living in your home, you get 25% off your bill."],
    ["Students", "If everyone who lives in the home is a full-time student, you pay no council tax."],
  ]);

  it("weighs the story's words that no page uses less than the question's own", () => {
    const choice = chooseAnswerSection(
      "my husband passed away in the summer after a long illness and I live on my own now, do I get anything off my council tax?",
      "en",
      [],
      [discounts, PAY_TAX, GLASS],
    );
    expect(choice?.passages[0]?.articleId).toBe("council-tax-discounts");
  });

  it("still declines when the question itself asks about something the pages do not hold", () => {
    expect(
      chooseAnswerSection(
        "my husband passed away in the summer, can you arrange the cremation and the funeral flowers?",
        "en",
        [],
        [discounts],
      ),
    ).toBeNull();
  });
});

describe("chooseAnswerSection: sections analysed on an earlier turn", () => {
  const withGerman = { ...BULKY, aliases: { de: "Sperrmüll, Sofa, Kühlschrank" } };
  // The same English sections, with and without the editors' French terms: only the terms make them comparable.
  const hours = {
    ...LIBRARY,
    aliases: { fr: "Horaires des bibliothèques, bibliothèque centrale, dimanche" },
  };
  const join = article(
    "join-the-library",
    "S'inscrire à la bibliothèque",
    0.9,
    [[null, "L'inscription à la bibliothèque est gratuite pour tous les habitants."]],
    "fr",
  );
  const sunday = "à quelle heure ouvre la bibliothèque centrale le dimanche ?";
  const asks: [string, string, KnowledgePassage[]][] = [
    ["how much is a bulky collection?", "en", [BULKY, GLASS]],
    [sunday, "fr", [join, hours]],
    [sunday, "fr", [join, LIBRARY]],
    ["when is the central library open on sunday?", "en", [hours, LIBRARY]],
    ["Was kostet die Sperrmüllabholung für drei Teile?", "de", [withGerman]],
    ["Was kostet die Sperrmüllabholung für drei Teile?", "de", [BULKY]],
    ["how do I book a bulky collection?", "en", [withGerman, GLASS]],
    ["what cannot go in the glass box?", "en", [GLASS, BULKY]],
    ["quand est collecté le verre ?", "fr", [GLASS_FR, GLASS]],
    ["when is the central library open on saturday", "en", [LIBRARY, CONTACT]],
    ["what is the phone number of the contact centre", "en", [CONTACT, LIBRARY]],
    ["how long until you reply to an email?", "en", [CONTACT, PAY_TAX]],
  ];
  const view = (choice: ReturnType<typeof chooseAnswerSection>) =>
    choice && {
      ...choice,
      passages: choice.passages.map((p) => `${p.articleId}#${p.headingPath.join("/")}`),
    };

  it("chooses as a fresh process would, whatever was asked before and in whichever language", async () => {
    const expected = [];
    for (const [question, lang, found] of asks) {
      vi.resetModules();
      const fresh = (await import("./choose-answer-section")).chooseAnswerSection;
      expected.push(view(fresh(question, lang, [], found, "en")));
    }
    expect(expected.filter(Boolean).length).toBeGreaterThan(5);
    for (const order of [asks, [...asks].reverse(), asks]) {
      const seen = order.map(([question, lang, found]) =>
        view(chooseAnswerSection(question, lang, [], found, "en")),
      );
      expect(order === asks ? seen : seen.reverse()).toEqual(expected);
    }
  });
});
