import { describe, expect, it } from "vitest";
import { redactPii } from "./redact-pii";

function types(text: string): string[] {
  return redactPii(text).found.map((f) => (f.scheme ? `${f.type}:${f.scheme}` : f.type));
}

describe("redactPii", () => {
  it("replaces e-mail addresses and reports offsets in the original text", () => {
    const text = "Contact me at jane.doe+bins@example.co.uk please";
    const { text: out, found } = redactPii(text);
    expect(out).toBe("Contact me at [email] please");
    expect(found).toEqual([{ type: "email", start: 14, end: 41 }]);
    expect(text.slice(14, 41)).toBe("jane.doe+bins@example.co.uk");
    expect(redactPii("écrivez à jean.dupont (at) mairie-exemple.fr").text).toBe("écrivez à [email]");
  });

  it.each([
    ["Call me on +44 7700 900123 after 5", "Call me on [phone] after 5"],
    ["mon numéro : 06 12 34 56 78", "mon numéro : [phone]"],
    ["ou 06.12.34.56.78 le soir", "ou [phone] le soir"],
    ["+33 (0)6 12 34 56 78", "[phone]"],
    ["Numărul meu este 0721 234 567", "Numărul meu este [phone]"],
    ["sunați la 0721-234-567 vă rog", "sunați la [phone] vă rog"],
    ["Meine Nummer: 0151 12345678", "Meine Nummer: [phone]"],
    ["Festnetz (030) 123 456 78 oder 0171/1234567", "Festnetz [phone] oder [phone]"],
    ["+49 30 901820", "[phone]"],
    ["landline 020 7946 0958", "landline [phone]"],
    ["0040 721 234 567", "[phone]"],
    ["mi teléfono es 612 345 678", "mi teléfono es [phone]"],
    ["a telefonszámom 06 30 123 4567", "a telefonszámom [phone]"],
  ])("redacts the phone number in %j", (input, expected) => {
    expect(redactPii(input).text).toBe(expected);
  });

  it.each([
    "The bin was missed on 12.05.2026 and again on 01/06/2026",
    "My case reference is CD-2026-000123",
    "Ticket 2026-04-17 at 10:30",
    "It cost 1 250,00 € and then 0.99 per kg",
    "I live at 221B Baker Street, London NW1 6XE",
    "Je vis au 12 rue de la Paix, 75002 Paris",
    "Strada Victoriei 45, bloc 3, ap. 12, 010061 București",
    "Hauptstraße 5, 10115 Berlin",
    "Order number 123456789 for the green bin",
    "there are 1500 houses and 20000 people",
  ])("keeps dates, prices, references, addresses and counts: %j", (input) => {
    expect(redactPii(input)).toEqual({ text: input, found: [] });
  });

  // Forms the chat redaction used to miss (issue 14 finding 5).
  it.each([
    ["jane dot doe at example dot com", "[email]"],
    ["Jane DOT Doe AT example DOT co DOT uk", "[email]"],
    ["write to jane.doe @ example . com today", "write to [email] today"],
    ["jane.doe @example.com", "[email]"],
    ["jane (at) example (dot) com", "[email]"],
    ["jane[at]example[dot]com", "[email]"],
    ["jane {at} example {dot} org", "[email]"],
    ["jane.doe at example.com", "[email]"],
    ["j a n e . d o e @ e x a m p l e . c o m", "[email]"],
    ["mail: j a n e d o e @ g m a i l . c o m please", "mail: [email] please"],
    ["jane.doe＠example．com", "[email]"],
    ["ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"],
    ["jane_doe@example.com", "[email]"],
    ["jean.dupont arobase mairie point fr", "[email]"],
    ["juan arroba correo punto es", "[email]"],
    ["kovacs.anna kukac freemail pont hu", "[email]"],
    ["０７７００ ９００１２３", "[phone]"],
    ["call ０７７００９００１２３ tonight", "call [phone] tonight"],
    ["٠٧٧٠٠٩٠٠١٢٣", "[phone]"],
    ["07700 - 900 - 123", "[phone]"],
    ["0770_0900_123", "[phone]"],
    ["07700|900|123", "[phone]"],
    ["07700~900~123", "[phone]"],
    ["07700–900–123", "[phone]"],
    ["07700·900·123", "[phone]"],
    ["+44-7700-900-123", "[phone]"],
    ["0 7 7 0 0 9 0 0 1 2 3", "[phone]"],
    ["ring 07700 900 123.", "ring [phone]."],
  ])("redacts the obfuscated form %j", (input, expected) => {
    expect(redactPii(input).text).toBe(expected);
  });

  it.each([
    "Lamp post SL-1042 is out, and SL-1042-B too",
    "CD-2026-000123 and CD-2026-000124",
    "Crew at 10:30 on 14/05/2026, between 08:00 and 18:00",
    "It cost £12.50 or 12,50 €, open 9-17, Mon-Fri",
    "opening hours 08.00 - 20.00",
    "12 - 14 May 2026 for 10 000 - 20 000 people",
    "the page at riverton.gov.uk, see www.riverton.gov.uk/bins",
    "It's at the point where it is dangerous to walk",
    "cannot safely pass at this point without crossing",
    "At the intersection of O st @ E. Fifth St.",
    "meet at the park dot com?",
    "1 2 3 4 5 6 7 and a b c d e f g",
    "Unit 4, 15-17 High St, flat 3/12, version 1.2.3.4",
    "score 3 - 2 - 1, call 101 or 999, PO Box 1234",
  ])("leaves ordinary text alone: %j", (input) => {
    expect(redactPii(input)).toEqual({ text: input, found: [] });
  });

  it("redacts IBANs only when the mod-97 check passes", () => {
    expect(redactPii("IBAN: DE89 3704 0044 0532 0130 00 danke").text).toBe("IBAN: [iban] danke");
    expect(redactPii("GB82WEST12345698765432").text).toBe("[iban]");
    expect(redactPii("RO49 AAAA 1B31 0075 9384 0000").text).toBe("[iban]");
    expect(redactPii("mon IBAN FR14 2004 1010 0505 0001 3M02 606.").text).toBe("mon IBAN [iban].");
    expect(redactPii("HU42 1177 3016 1111 1018 0000 0000").text).toBe("[iban]");
    expect(redactPii("ES91 2100 0418 4502 0005 1332").text).toBe("[iban]");
    // One digit changed: the check fails and nothing is claimed as an IBAN.
    expect(types("DE89 3704 0044 0532 0130 01")).not.toContain("iban");
  });

  it("redacts payment cards that pass Luhn, with or without separators", () => {
    expect(redactPii("card 4111 1111 1111 1111 exp 12/27").text).toBe("card [card] exp 12/27");
    expect(redactPii("5500-0055-5555-5559").text).toBe("[card]");
    expect(redactPii("amex 378282246310005").text).toBe("amex [card]");
    expect(types("card 4111 1111 1111 1112")).not.toContain("card");
    expect(types("numéro de dossier 9111111111111111")).toEqual([]);
  });

  it("recognises UK National Insurance numbers by their allocation rules", () => {
    expect(types("my NI number is AB 12 34 56 C")).toEqual(["national_id:uk_nino"]);
    expect(redactPii("NINO: ab123456d").text).toBe("NINO: [national_id]");
    // Q is never used as a first letter, GB is a barred prefix, E is not a valid suffix.
    expect(types("QQ123456C GB123456A AB123456E")).toEqual([]);
  });

  it("recognises a French NIR only with its key", () => {
    expect(types("mon numéro de sécu 1 84 12 76 451 089 46")).toEqual(["national_id:fr_nir"]);
    expect(types("NIR 269059935012384")).toEqual(["national_id:fr_nir"]);
    expect(types("né en Corse : 1 75 03 2A 123 456 06")).toEqual(["national_id:fr_nir"]);
    expect(types("mon numéro de sécu 1 84 12 76 451 089 47")).toEqual([]);
  });

  it("recognises a Romanian CNP only when the control digit matches", () => {
    expect(types("CNP 1960512034568")).toEqual(["national_id:ro_cnp"]);
    expect(types("codul meu numeric personal este 2850721401232")).toEqual(["national_id:ro_cnp"]);
    expect(types("CNP 1960512034567")).toEqual([]);
  });

  it("recognises a German Steuer-ID by its check digit and digit pattern", () => {
    expect(types("Steuer-ID 86 095 742 719")).toEqual(["national_id:de_steuer_id"]);
    expect(redactPii("meine IdNr ist 65929970489.").text).toBe("meine IdNr ist [national_id].");
    expect(types("Steuer-ID 86095742718")).toEqual([]);
    // Valid check digit but ten different leading digits is not an issued number.
    expect(types("12345678903")).toEqual([]);
  });

  it("needs a check digit or a context word for German ID card numbers", () => {
    expect(types("T220001293")).toEqual(["national_id:de_id_card"]);
    expect(types("Meine Ausweisnummer ist L01X00T47")).toEqual(["national_id:de_id_card"]);
    expect(types("Bestellnummer L01X00T47")).toEqual([]);
    expect(types("T220001294")).toEqual([]);
    expect(types("Vorgang WX12345678 erledigt")).toEqual([]);
  });

  it("keeps zero-padded references after words like invoice or dossier", () => {
    for (const text of [
      "mon dossier 00123456789",
      "Facture n° 0012345678",
      "Rechnung 0171234567",
      "case 2026-000123",
    ]) {
      expect(types(text), text).toEqual([]);
    }
    expect(redactPii("appelez le 0612345678").text).toBe("appelez le [phone]");
    expect(redactPii("tel: +1 (555) 123-4567").text).toBe("tel: [phone]");
  });

  it("does not take a product code for an IBAN from a country that has none", () => {
    expect(types("Aufschrift UN3264 RATIONAL-Kesselsteinloeser")).toEqual([]);
  });

  it("accepts a mistyped NI number when the text says it is one", () => {
    expect(types("NI no. QH 12 34 56 A")).toEqual(["national_id:uk_nino"]);
    expect(types("code QH 12 34 56 A")).toEqual([]);
  });

  it("redacts several kinds at once and leaves the rest of the text intact", () => {
    const { text, found } = redactPii(
      "Hello, I'm Ana (ana@example.ro, +40 721 234 567), CNP 2850721401232, IBAN RO49AAAA1B31007593840000.",
    );
    expect(text).toBe("Hello, I'm Ana ([email], [phone]), CNP [national_id], IBAN [iban].");
    expect(found.map((f) => f.type)).toEqual(["email", "phone", "national_id", "iban"]);
  });
});
