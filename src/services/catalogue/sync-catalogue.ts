import { and, eq, notInArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import {
  departments,
  locationRules,
  serviceAttributes,
  services,
  slaCalendars,
  slaPolicies,
} from "../../db/schema";
import type { ServicesFile, SlaFile } from "./catalogue-files";

export interface CatalogueSyncResult {
  departments: number;
  calendars: number;
  policies: number;
  services: number;
  locationRules: number;
  /** Rows an admin edited in the app, which the files no longer overwrite. */
  keptAppEdits: number;
}

const fromFile = (origin: AnyPgColumn) => sql`${origin} = 'file'`;

/**
 * Loads the YAML catalogue into the database. Running it twice changes nothing; rows edited in the app
 * (origin "app") are left alone; services and policies that left the files are deactivated, not deleted,
 * because cases still point at them.
 */
export async function syncCatalogue({
  ctx,
  input,
}: {
  ctx: { database: Database };
  input: { services: ServicesFile; sla: SlaFile };
}): Promise<CatalogueSyncResult> {
  const { services: servicesFile, sla } = input;
  checkReferences(servicesFile, sla);
  return ctx.database.db.transaction(async (tx) => {
    let keptAppEdits = 0;
    const now = sql`now()`;

    for (const d of servicesFile.departments) {
      await tx
        .insert(departments)
        .values({ code: d.code, names: d.name, email: d.email ?? null })
        .onConflictDoUpdate({
          target: departments.code,
          set: { names: d.name, email: d.email ?? null, updatedAt: now },
          setWhere: fromFile(departments.origin),
        });
    }

    for (const c of sla.calendars) {
      const values = { timeZone: c.time_zone, hours: c.hours, holidays: c.holidays };
      await tx
        .insert(slaCalendars)
        .values({ code: c.code, ...values })
        .onConflictDoUpdate({
          target: slaCalendars.code,
          set: { ...values, updatedAt: now },
          setWhere: fromFile(slaCalendars.origin),
        });
    }

    for (const p of sla.policies) {
      const values = {
        calendarCode: p.calendar,
        firstResponseMinutes: p.first_response_minutes,
        nextResponseMinutes: p.next_response_minutes,
        resolutionMinutes: p.resolution_minutes,
        warnBeforeMinutes: p.warn_before_minutes,
        pauseWhenWaitingForCitizen: p.pause_when_waiting_for_citizen,
        priorityFactors: p.priority_factors,
        escalation: p.escalation.map((s) => ({ afterMinutes: s.after_minutes, notify: s.notify })),
        active: true,
      };
      await tx
        .insert(slaPolicies)
        .values({ code: p.code, ...values })
        .onConflictDoUpdate({
          target: slaPolicies.code,
          set: { ...values, updatedAt: now },
          setWhere: fromFile(slaPolicies.origin),
        });
    }
    const policyCodes = sla.policies.map((p) => p.code);
    await tx
      .update(slaPolicies)
      .set({ active: false, updatedAt: now })
      .where(
        and(
          fromFile(slaPolicies.origin),
          policyCodes.length ? notInArray(slaPolicies.code, policyCodes) : undefined,
        ),
      );

    for (const s of servicesFile.services) {
      const values = {
        names: s.name,
        descriptions: s.description,
        departmentCode: s.department,
        group: s.group,
        keywords: s.keywords,
        examples: s.examples,
        locationRequired: s.location_required,
        slaPolicyCode: s.sla ?? null,
        defaultPriority: s.priority,
        type: s.type,
        active: true,
      };
      const written = await tx
        .insert(services)
        .values({ code: s.code, ...values })
        .onConflictDoUpdate({
          target: services.code,
          set: { ...values, updatedAt: now },
          setWhere: fromFile(services.origin),
        })
        .returning({ code: services.code });
      if (written.length === 0) {
        keptAppEdits++;
        continue;
      }
      await tx.delete(serviceAttributes).where(eq(serviceAttributes.serviceCode, s.code));
      if (s.attributes.length > 0) {
        await tx.insert(serviceAttributes).values(
          s.attributes.map((a) => ({
            serviceCode: s.code,
            code: a.code,
            order: a.order,
            datatype: a.datatype,
            required: a.required,
            variable: a.variable,
            descriptions: a.description,
            values: a.values.map((v) => ({ key: v.key, names: v.name })),
          })),
        );
      }
    }
    const serviceCodes = servicesFile.services.map((s) => s.code);
    await tx
      .update(services)
      .set({ active: false, updatedAt: now })
      .where(
        and(
          fromFile(services.origin),
          serviceCodes.length ? notInArray(services.code, serviceCodes) : undefined,
        ),
      );

    // The rules are an ordered list read as a whole, so the file's list replaces the stored one.
    await tx.delete(locationRules);
    if (servicesFile.location_rules.length > 0) {
      await tx.insert(locationRules).values(
        servicesFile.location_rules.map((rule, position) => ({
          position,
          departmentCode: rule.department,
          services: rule.services ?? null,
          district: rule.district ?? null,
          polygon: rule.polygon ?? null,
        })),
      );
    }

    return {
      departments: servicesFile.departments.length,
      calendars: sla.calendars.length,
      policies: sla.policies.length,
      services: servicesFile.services.length,
      locationRules: servicesFile.location_rules.length,
      keptAppEdits,
    };
  });
}

/** A typo in a code should fail the sync with a clear message, not a foreign-key error. */
function checkReferences(servicesFile: ServicesFile, sla: SlaFile) {
  const problems: string[] = [];
  const departmentCodes = new Set(servicesFile.departments.map((d) => d.code));
  const policyCodes = new Set(sla.policies.map((p) => p.code));
  const calendarCodes = new Set(sla.calendars.map((c) => c.code));
  for (const s of servicesFile.services) {
    if (!departmentCodes.has(s.department))
      problems.push(`service ${s.code}: unknown department ${s.department}`);
    if (s.sla && !policyCodes.has(s.sla)) problems.push(`service ${s.code}: unknown SLA policy ${s.sla}`);
  }
  const serviceCodes = new Set(servicesFile.services.map((s) => s.code));
  servicesFile.location_rules.forEach((rule, i) => {
    if (!departmentCodes.has(rule.department))
      problems.push(`location rule ${i + 1}: unknown department ${rule.department}`);
    for (const code of rule.services ?? []) {
      if (!serviceCodes.has(code)) problems.push(`location rule ${i + 1}: unknown service ${code}`);
    }
  });
  for (const p of sla.policies) {
    if (!calendarCodes.has(p.calendar)) problems.push(`policy ${p.code}: unknown calendar ${p.calendar}`);
  }
  if (problems.length > 0) throw new Error(`catalogue files are inconsistent:\n${problems.join("\n")}`);
}
