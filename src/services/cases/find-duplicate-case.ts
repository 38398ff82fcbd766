import { and, asc, between, eq, gte, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import { ACTIVE_STATUSES } from "./case-status";
import type { CaseSettings } from "./context";
import { distanceMetres } from "./location";

const METRES_PER_DEGREE_LAT = 111_320;

export interface DuplicateQuery {
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressNormalized: string | null;
  now: Date;
  settings: CaseSettings;
}

/**
 * The oldest active case of the same service opened within the window and either within the radius
 * (haversine on lat/long) or at the same normalised address. A bounding box keeps the scan small.
 */
export async function findDuplicateCase(tx: Db, query: DuplicateQuery) {
  const near: ReturnType<typeof and>[] = [];
  const { lat, long } = query;
  const radius = query.settings.duplicateRadiusMetres;
  if (lat !== null && long !== null) {
    const dLat = radius / METRES_PER_DEGREE_LAT;
    const dLong = radius / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    near.push(
      and(between(cases.lat, lat - dLat, lat + dLat), between(cases.long, long - dLong, long + dLong)),
    );
  }
  if (query.addressNormalized) near.push(eq(cases.addressNormalized, query.addressNormalized));
  if (near.length === 0) return undefined;

  const since = new Date(query.now.getTime() - query.settings.duplicateWindowHours * 3_600_000);
  const candidates = await tx
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.serviceCode, query.serviceCode),
        inArray(cases.status, [...ACTIVE_STATUSES]),
        gte(cases.createdAt, since),
        or(...near),
      ),
    )
    .orderBy(asc(cases.createdAt))
    .limit(50);
  return candidates.find((c) => {
    if (query.addressNormalized && c.addressNormalized === query.addressNormalized) return true;
    if (lat === null || long === null || c.lat === null || c.long === null) return false;
    return distanceMetres({ lat, long }, { lat: c.lat, long: c.long }) <= radius;
  });
}
