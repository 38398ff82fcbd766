import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { serviceAttributes, services } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { pickLanguage } from "../cases/case-view";
import type { Open311Context } from "./context";

type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
};

type Open311ServiceDefinition = {
  service_code: string;
  attributes: Open311Attribute[];
};

const GetOpen311ServiceDefinitionInput = z.object({ serviceCode: z.string().trim().min(1).max(200) });

const DATATYPE_HINTS: Record<string, string> = {
  number: "A number, for example 3 or 2.5.",
  datetime: "An ISO 8601 date and time with its offset, for example 2026-03-02T09:30:00Z.",
  singlevaluelist: "One of the keys listed in values.",
  multivaluelist: "One or more of the keys listed in values, each sent as attribute[code][]=key.",
};

/** GET services/{code}: the attributes a request for this service carries, in the order to ask them. */
export async function getOpen311ServiceDefinition({
  ctx,
  input,
}: {
  ctx: Open311Context;
  input: unknown;
}): Promise<Open311ServiceDefinition> {
  const { serviceCode } = GetOpen311ServiceDefinitionInput.parse(input);
  const [service] = await ctx.database.db
    .select({ code: services.code })
    .from(services)
    .where(and(eq(services.code, serviceCode), eq(services.active, true)));
  if (!service) throw new DomainError("not_found", `service_code ${serviceCode} was not found.`);
  const rows = await ctx.database.db
    .select()
    .from(serviceAttributes)
    .where(eq(serviceAttributes.serviceCode, service.code))
    .orderBy(asc(serviceAttributes.order), asc(serviceAttributes.code));
  return {
    service_code: service.code,
    attributes: rows.map((a) => {
      const isList = a.datatype === "singlevaluelist" || a.datatype === "multivaluelist";
      return {
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: DATATYPE_HINTS[a.datatype] ?? null,
        order: a.order,
        description: pickLanguage(a.descriptions, ctx.lang),
        ...(isList
          ? { values: a.values.map((v) => ({ key: v.key, name: pickLanguage(v.names, ctx.lang) })) }
          : {}),
      };
    }),
  };
}
