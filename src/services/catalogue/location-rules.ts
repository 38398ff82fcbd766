import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { locationRules } from "../../db/schema";
import { normalizeAddress } from "../cases/location";

const LatLong = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

/**
 * A city's override of the service's department by place: reports inside a district (named in the
 * address) or an area polygon go to another department, for all services or only the listed ones.
 */
export const LocationRule = z
  .object({
    department: z.string().min(1),
    services: z.array(z.string().min(1)).optional(),
    district: z.string().min(1).optional(),
    /** Corners as [lat, long]; the ring closes itself. */
    polygon: z.array(LatLong).min(3).optional(),
  })
  .refine((rule) => rule.district !== undefined || rule.polygon !== undefined, {
    message: "a location rule needs a district or a polygon",
  });
export type LocationRule = z.infer<typeof LocationRule>;

/** The city's rules as last synced from services.yaml, in file order. */
export async function loadLocationRules(db: Pick<Db, "select">): Promise<LocationRule[]> {
  const rows = await db.select().from(locationRules).orderBy(asc(locationRules.position));
  return rows.map((row) => ({
    department: row.departmentCode,
    ...(row.services ? { services: row.services } : {}),
    ...(row.district ? { district: row.district } : {}),
    ...(row.polygon ? { polygon: row.polygon } : {}),
  }));
}

export interface RuleLocation {
  address?: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
}

/** The first matching rule's department (rules are read in file order), else the service's own. */
export function resolveDepartment({
  rules,
  serviceCode,
  serviceDepartment,
  location,
}: {
  rules: readonly LocationRule[];
  serviceCode: string;
  serviceDepartment: string;
  location: RuleLocation;
}): string {
  const address = location.address ? ` ${normalizeWords(location.address)} ` : undefined;
  for (const rule of rules) {
    if (rule.services && !rule.services.includes(serviceCode)) continue;
    if (rule.polygon && location.lat !== undefined && location.long !== undefined) {
      if (containsPoint(rule.polygon, location.lat, location.long)) return rule.department;
    }
    if (rule.district && address?.includes(` ${normalizeWords(rule.district)} `)) return rule.department;
  }
  return serviceDepartment;
}

// normalizeAddress sorts words for comparing addresses; a district name must keep its word order.
function normalizeWords(text: string): string {
  return text
    .split(/\s+/u)
    .map((word) => normalizeAddress(word))
    .filter(Boolean)
    .join(" ");
}

/** Even-odd ray casting; fine at city scale, where the earth's curvature does not matter. */
function containsPoint(polygon: readonly (readonly [number, number])[], lat: number, long: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [latI, longI] = polygon[i]!;
    const [latJ, longJ] = polygon[j]!;
    if (latI > lat !== latJ > lat && long < ((longJ - longI) * (lat - latI)) / (latJ - latI) + longI) {
      inside = !inside;
    }
  }
  return inside;
}
