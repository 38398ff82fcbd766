import type { Database } from "../../db/client";
import type { Actor } from "../cases/context";

export interface StaffAuthSettings {
  /** How long a browser session lasts after sign-in. */
  sessionHours: number;
  /** Failed password attempts in a row that lock an account... */
  maxFailedSignIns: number;
  /** ... for this long. */
  lockoutMinutes: number;
}

export const DEFAULT_STAFF_AUTH_SETTINGS: StaffAuthSettings = {
  sessionHours: 12,
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
};

export interface StaffAuthContext {
  database: Database;
  settings?: StaffAuthSettings;
  /** Who acts (admins creating tokens); sign-in itself runs as the system. */
  actor?: Actor;
  requestId?: string;
  now?: Date;
}
