import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseChoice } from "../cases/intake-answers";
import { draftFromReport, type IntakeService } from "../cases/intake-questions";
import { readCatalogueFiles, type ServicesFile } from "./catalogue-files";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../knowledge", import.meta.url));
const INTAKE_LANGUAGES = ["en", "fr", "ro", "de", "es"];

/**
 * The sample city's catalogue speaks to a citizen in each language the intake supports: the service
 * descriptions, the questions (attribute descriptions) and the list options, and a short answer in
 * German or Spanish names the option it means.
 */
describe("the catalogue in the intake's languages", () => {
  let catalogue: ServicesFile;
  beforeAll(async () => {
    catalogue = (await readCatalogueFiles(KNOWLEDGE_DIR)).services;
  });

  it("has every service description, question and list option in en, fr, ro, de and es", () => {
    const missing: string[] = [];
    const check = (where: string, texts: Record<string, string>) => {
      for (const lang of INTAKE_LANGUAGES) if (!texts[lang]?.trim()) missing.push(`${where} ${lang}`);
    };
    for (const service of catalogue.services) {
      check(service.code, service.description);
      for (const attribute of service.attributes) {
        check(`${service.code}.${attribute.code}`, attribute.description);
        for (const value of attribute.values)
          check(`${service.code}.${attribute.code}=${value.key}`, value.name);
      }
    }
    expect(missing).toEqual([]);
  });

  const answers: [service: string, attribute: string, answer: string, key: string][] = [
    ["street-light", "light_state", "sie flackert", "flickering"],
    ["street-light", "light_state", "ganz aus", "off"],
    ["street-light", "light_state", "sie brennt tagsueber", "on_in_day"],
    ["street-light", "light_state", "parpadea", "flickering"],
    ["street-light", "light_state", "está apagada", "off"],
    ["street-light", "light_state", "el farol está dañado", "damaged"],
    ["pothole", "surface", "auf dem Radweg", "cycle_lane"],
    ["pothole", "surface", "en el carril bici", "cycle_lane"],
    ["missed-bin", "bin_type", "die blauen Tonnen", "blue"],
    ["missed-bin", "bin_type", "el contenedor marrón", "garden"],
    ["dead-animal", "animal", "ein Fuchs", "fox"],
    ["dead-animal", "animal", "es un zorro", "fox"],
    ["pest-control", "pest", "eine Ratte", "rats"],
    ["pest-control", "pest", "un ratón", "mice"],
    ["pest-control", "pest", "Maeuse", "mice"],
    ["public-toilet", "problem", "la taza está sucia", "dirty"],
    ["abandoned-vehicle", "how_long", "seit zwei Wochen", "weeks"],
    ["abandoned-vehicle", "how_long", "dos semanas", "weeks"],
    ["pest-control", "place", "auf der Strasse", "public"],
    ["street-hazard", "blocking", "nein", "no"],
    ["street-hazard", "blocking", "sí", "yes"],
  ];

  it.each(answers)("reads the %s %s answer '%s' as %s", (code, attributeCode, answer, key) => {
    const attribute = catalogue.services
      .find((s) => s.code === code)
      ?.attributes.find((a) => a.code === attributeCode);
    expect(attribute).toBeDefined();
    const choices = attribute!.values.map((v) => ({ key: v.key, labels: [v.key, ...Object.values(v.name)] }));
    expect(parseChoice(answer, choices, false)).toEqual([key]);
  });

  /** The service as the intake reads it, built from the file instead of the database. */
  const intakeOf = (code: string) => {
    const service = catalogue.services.find((s) => s.code === code)!;
    const attributes = service.attributes.map((a) => ({
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      variable: a.variable,
      order: a.order,
      descriptions: a.description,
      values: a.values.map((v) => ({ key: v.key, names: v.name })),
    }));
    return { service: { code }, attributes } as unknown as IntakeService;
  };

  it.each([
    ["es", "damaged-pavement", "Hay una baldosa levantada delante de Mill Lane 14", "defect", "raised_slab"],
    ["es", "street-hazard", "Otra farola caída en Mill Lane 14", "hazard", "fallen_column"],
    ["de", "street-hazard", "Ein offener Schacht ohne Deckel vor Mill Lane 14", "hazard", "open_manhole"],
    ["de", "street-light", "Die Laterne vor Mill Lane 14 flackert", "light_state", "flickering"],
    ["de", "street-light", "Die Laterne vor Mill Lane 14 ist ganz kaputt", "light_state", undefined],
  ])(
    "takes from a first message in %s to %s only the option it names: '%s'",
    (lang, code, text, attribute, key) => {
      expect(draftFromReport(text, intakeOf(code), lang).attributes[attribute]).toBe(key);
    },
  );
});
