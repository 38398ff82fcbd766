import { asc, eq } from "drizzle-orm";
import { serviceAttributes, services } from "../../db/schema";
import { pickLanguage } from "../cases/case-view";
import type { Open311Context } from "./context";

type Open311Service = {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: "realtime" | "batch" | "blackbox";
  keywords: string | null;
  group: string | null;
};

/** GET services: the active catalogue; `metadata` tells clients a service definition has attributes to ask. */
export async function listOpen311Services({ ctx }: { ctx: Open311Context }): Promise<Open311Service[]> {
  const rows = await ctx.database.db
    .select()
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.code));
  const withAttributes = new Set(
    (
      await ctx.database.db.selectDistinct({ code: serviceAttributes.serviceCode }).from(serviceAttributes)
    ).map((r) => r.code),
  );
  return rows.map((s) => {
    const keywords = s.keywords[ctx.lang] ?? s.keywords.en ?? [];
    return {
      service_code: s.code,
      service_name: pickLanguage(s.names, ctx.lang),
      description: pickLanguage(s.descriptions, ctx.lang) || null,
      metadata: withAttributes.has(s.code),
      type: toServiceType(s.type),
      keywords: keywords.length > 0 ? keywords.join(", ") : null,
      group: s.group,
    };
  });
}

export function toServiceType(type: string): Open311Service["type"] {
  return type === "batch" || type === "blackbox" ? type : "realtime";
}
