import { describe, expect, it } from "vitest";
import { calendarMarks, coveredSeasons, coveredWeekdays } from "./calendar-ranges";

describe("coveredWeekdays", () => {
  it("expands ranges in each language, including ranges that wrap round the weekend", () => {
    expect(coveredWeekdays("Open Monday to Friday, 9 am to 5 pm", "en")).toEqual([
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
    ]);
    expect(coveredWeekdays("ouvert du lundi au mercredi", "fr")).toEqual(["lundi", "mardi", "mercredi"]);
    expect(coveredWeekdays("deschis luni-vineri", "ro")).toContain("miercuri");
    expect(coveredWeekdays("Freitag bis Montag", "de")).toEqual(["freitag", "samstag", "sonntag", "montag"]);
    expect(coveredWeekdays("de miércoles a viernes", "es")).toEqual(["miercoles", "jueves", "viernes"]);
  });

  it("reads 'every day' as all seven days and leaves single days alone", () => {
    expect(coveredWeekdays("every day, 8 am to 6 pm", "en")).toHaveLength(7);
    expect(coveredWeekdays("tous les jours de 8 h à 18 h", "fr")).toContain("dimanche");
    expect(coveredWeekdays("closed on Sunday", "en")).toEqual([]);
    expect(coveredWeekdays("every day", "xx")).toEqual([]);
  });
});

describe("coveredSeasons", () => {
  it("names the seasons a month range spans, in the text's language", () => {
    expect(coveredSeasons("1 April to 30 September: every day", "en")).toEqual(["summer"]);
    expect(coveredSeasons("1 October to 31 March: every day", "en")).toEqual(["winter"]);
    expect(coveredSeasons("du 1er octobre au 31 mars", "fr")).toEqual(["hiver"]);
    expect(coveredSeasons("1 aprilie - 30 septembrie", "ro")).toEqual(["vara"]);
    expect(coveredSeasons("vom 1. April bis 30. September", "de")).toEqual(["sommer"]);
  });

  it("names nothing for a single month or a range that leaves a season's month out", () => {
    expect(coveredSeasons("closed in August", "en")).toEqual([]);
    expect(coveredSeasons("1 July to 31 August", "en")).toEqual([]);
  });
});

describe("calendarMarks", () => {
  it("gives the same marks to a day or season in any language, named or covered by a range", () => {
    expect(calendarMarks("Wann hat die Bibliothek am Samstag geöffnet?", "de")).toEqual(["@day6"]);
    expect(calendarMarks("Monday to Saturday 9 am to 5 pm", "en")).toContain("@day6");
    expect(calendarMarks("la déchetterie ferme à quelle heure l'été ?", "fr")).toEqual(["@summer"]);
    expect(calendarMarks("1 April to 30 September: every day", "en")).toEqual(
      expect.arrayContaining(["@day7", "@summer"]),
    );
    expect(calendarMarks("no days here", "en")).toEqual([]);
  });
});

describe("holiday marks", () => {
  it("marks a public holiday named in any language the same way, and nothing else", () => {
    expect(calendarMarks("Are bins collected on Boxing Day?", "en")).toContain("@holiday");
    expect(calendarMarks("les poubelles sont ramassées le jour de l'An ?", "fr")).toContain("@holiday");
    expect(calendarMarks("Bank holidays and Christmas", "en")).toContain("@holiday");
    expect(calendarMarks("Jours fériés et Noël", "fr")).toContain("@holiday");
    expect(calendarMarks("se colectează de Crăciun?", "ro")).toContain("@holiday");
    expect(calendarMarks("Wird an Feiertagen abgeholt?", "de")).toContain("@holiday");
    expect(calendarMarks("when are bins collected in the new estate?", "en")).not.toContain("@holiday");
    expect(calendarMarks("quel jour passent les poubelles ?", "fr")).not.toContain("@holiday");
  });
});

describe("calendarMarks for months", () => {
  it("marks a month named in a question and every month a range covers, in any language", () => {
    expect(calendarMarks("what time does the tip shut in january?", "en")).toEqual(["@month1"]);
    expect(calendarMarks("le centre ferme à quelle heure en janvier ?", "fr")).toEqual(["@month1"]);
    expect(calendarMarks("1 October to 31 March: every day, 8 am to 4 pm", "en")).toEqual(
      expect.arrayContaining(["@month10", "@month1", "@month3", "@winter"]),
    );
    expect(calendarMarks("1 October to 31 March", "en")).not.toContain("@month5");
  });

  it("does not read 'may I' or Romanian 'mai' (more) as May", () => {
    expect(calendarMarks("may I bring paint?", "en")).toEqual([]);
    expect(calendarMarks("nu mai vine nimeni", "ro")).toEqual([]);
  });
});
