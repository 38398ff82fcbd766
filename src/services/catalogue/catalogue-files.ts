import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { LocationRule } from "./location-rules";

const Localized = z.record(z.string(), z.string());
const PerLanguageList = z.record(z.string(), z.array(z.string()));
const Minutes = z.number().int().nonnegative();
// YAML turns unquoted yes/no/numbers into other types; attribute keys are always strings on the wire.
const Key = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const ATTRIBUTE_DATATYPES = [
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist",
] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

const AttributeFile = z.object({
  code: z.string().min(1),
  datatype: z.enum(ATTRIBUTE_DATATYPES),
  required: z.boolean().default(false),
  variable: z.boolean().default(true),
  order: z.number().int(),
  description: Localized,
  values: z.array(z.object({ key: Key, name: Localized })).default([]),
});

const ServiceFile = z.object({
  code: z.string().min(1),
  name: Localized,
  description: Localized.default({}),
  department: z.string().min(1),
  group: z.string().nullable().default(null),
  type: z.enum(["realtime", "batch", "blackbox"]).default("realtime"),
  keywords: PerLanguageList.default({}),
  examples: PerLanguageList.default({}),
  location_required: z.boolean().default(true),
  sla: z.string().min(1).optional(),
  priority: Priority.default("normal"),
  attributes: z.array(AttributeFile).default([]),
});

export const ServicesFile = z.object({
  departments: z.array(z.object({ code: z.string().min(1), name: Localized, email: z.string().optional() })),
  services: z.array(ServiceFile),
  location_rules: z.array(LocationRule).default([]),
});
export type ServicesFile = z.infer<typeof ServicesFile>;

const Slot = z.tuple([z.string().regex(/^\d\d:\d\d$/), z.string().regex(/^\d\d:\d\d$/)]);

export const SlaFile = z.object({
  calendars: z.array(
    z.object({
      code: z.string().min(1),
      time_zone: z.string().min(1),
      hours: z.union([z.literal("all"), z.record(z.string(), z.array(Slot))]),
      holidays: z.array(z.string().regex(/^\d{4}-\d\d-\d\d$/)).default([]),
    }),
  ),
  policies: z.array(
    z.object({
      code: z.string().min(1),
      calendar: z.string().min(1),
      first_response_minutes: Minutes,
      next_response_minutes: Minutes,
      resolution_minutes: Minutes,
      warn_before_minutes: Minutes,
      pause_when_waiting_for_citizen: z.boolean().default(true),
      priority_factors: z.record(z.string(), z.number().positive()).default({}),
      escalation: z.array(z.object({ after_minutes: Minutes, notify: z.string().min(1) })).default([]),
    }),
  ),
});
export type SlaFile = z.infer<typeof SlaFile>;

/** Reads and validates knowledge/services.yaml and knowledge/sla.yaml. */
export async function readCatalogueFiles(dir: string): Promise<{ services: ServicesFile; sla: SlaFile }> {
  const [servicesText, slaText] = await Promise.all([
    readFile(join(dir, "services.yaml"), "utf8"),
    readFile(join(dir, "sla.yaml"), "utf8"),
  ]);
  return { services: ServicesFile.parse(parse(servicesText)), sla: SlaFile.parse(parse(slaText)) };
}
