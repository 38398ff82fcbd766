import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import type { Logger } from "../../logger";
import type { JobQueue } from "../../ports/job-queue";
import type { Notifier } from "../../ports/notifier";
import type { LocationRule } from "../catalogue/location-rules";

export const STAFF_ROLES = ["agent", "supervisor", "editor", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Who works cases: agents, their supervisors, and admins. */
export const CASE_WORKER_ROLES: readonly StaffRole[] = ["agent", "supervisor", "admin"];

export interface StaffActor {
  kind: "staff";
  userId: string;
  roles: readonly StaffRole[];
}

/** A citizen known by contact (a conversation turn) or by the bearer token of one of their conversations. */
export type CitizenActor =
  | { kind: "citizen"; contactId: string }
  | { kind: "conversation_token"; token: string };

export type Actor = StaffActor | CitizenActor | { kind: "system"; name: string };

export interface CaseSettings {
  /** A new report of the same service this close to an open case joins it instead. */
  duplicateRadiusMetres: number;
  /** ... if that case was opened within this many hours. */
  duplicateWindowHours: number;
  /**
   * Department overrides by district or area; when absent, the rules synced from services.yaml
   * `location_rules` into the database apply.
   */
  locationRules?: readonly LocationRule[];
  /** Caps on new cases (0 = none); linked duplicate reports never count. Defaults: CASE_CREATION_LIMITS. */
  creationLimits?: CaseCreationLimits;
}

export interface CaseCreationLimits {
  /** New cases one contact may open in an hour. */
  perContactPerHour: number;
  /** New cases the whole service accepts in a minute, whatever their source. */
  perMinute: number;
}

export const CASE_CREATION_LIMITS: CaseCreationLimits = { perContactPerHour: 5, perMinute: 120 };

export const DEFAULT_CASE_SETTINGS: CaseSettings = { duplicateRadiusMetres: 50, duplicateWindowHours: 168 };

export interface CaseContext<A extends Actor = Actor> {
  database: Database;
  actor: A;
  notifier?: Notifier;
  /** Where SLA timers are queued after a change; without it the periodic sweep queues them. */
  jobQueue?: JobQueue;
  logger?: Logger;
  settings?: CaseSettings;
  /** The request's id, copied into audit rows. */
  requestId?: string;
  /** Injected clock; tests and the turn pipeline pass their own. */
  now?: Date;
}

/** Throws unless the actor is staff holding at least one of the roles. */
export function requireStaff(actor: Actor, roles: readonly StaffRole[]): StaffActor {
  if (actor.kind !== "staff") throw new DomainError("unauthorized", "Staff sign-in required.");
  if (!actor.roles.some((r) => roles.includes(r))) {
    throw new DomainError("forbidden", `This needs one of the roles: ${roles.join(", ")}.`);
  }
  return actor;
}

export function actorColumns(actor: Actor): {
  actorType: "staff" | "citizen" | "system";
  actorId: string | null;
} {
  switch (actor.kind) {
    case "staff":
      return { actorType: "staff", actorId: actor.userId };
    case "citizen":
      return { actorType: "citizen", actorId: actor.contactId };
    case "conversation_token":
      return { actorType: "citizen", actorId: null };
    case "system":
      return { actorType: "system", actorId: actor.name };
  }
}
