import type { StaffActor } from "../services/cases/context";

/** Resolves staff credentials kept in the database: browser sessions and integrations' API tokens. */
export interface StaffAuthenticator {
  fromApiToken(token: string): Promise<StaffActor | undefined>;
  fromSession(sessionToken: string): Promise<{ actor: StaffActor; csrfToken: string } | undefined>;
}

/** Variables every request carries through the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The client's address, from the socket or a trusted proxy's X-Forwarded-For. */
    clientIp: string;
    /** Set by the app for every request, so any route's staffAuth accepts sessions and API tokens. */
    staffAuthenticator?: StaffAuthenticator;
  };
}
