import type { MiddlewareHandler } from "hono";
import { DomainError } from "../domain/errors";
import { STAFF_ROLES, type StaffActor, type StaffRole } from "../services/cases/context";
import type { AppEnv } from "./context";

export interface StaffEnv {
  Variables: AppEnv["Variables"] & { staff: StaffActor };
}

export interface StaffTokenEntry {
  token: string;
  userId: string;
  roles: StaffRole[];
}

/**
 * Parses STAFF_TOKENS: comma-separated `token:user-id:role+role` (roles agent, editor, admin).
 * A stand-in until the staff console brings real sign-in.
 */
export function parseStaffTokens(value: string | undefined): StaffTokenEntry[] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [token, userId, roleList, ...rest] = entry.split(":");
      const roles = (roleList ?? "").split("+").filter(Boolean);
      const bad = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
      if (!token || token.length < 16 || !userId || roles.length === 0 || bad.length > 0 || rest.length > 0) {
        throw new Error(
          `STAFF_TOKENS entry ${i + 1}: expected token:user-id:role+role with a token of 16+ characters and roles among ${STAFF_ROLES.join(", ")}`,
        );
      }
      return { token, userId, roles: roles as StaffRole[] };
    });
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Bearer-token staff authentication. Tokens are compared by their SHA-256 digests in a map, so the
 * lookup time does not depend on how much of a guessed token is right.
 */
export function staffAuth(entries: StaffTokenEntry[]): MiddlewareHandler<StaffEnv> {
  const byDigest = Promise.all(entries.map(async (e) => [await sha256Hex(e.token), e] as const)).then(
    (pairs) => new Map(pairs),
  );
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError("unauthorized", "A staff bearer token is required.");
    const entry = (await byDigest).get(await sha256Hex(match[1]));
    if (!entry) throw new DomainError("unauthorized", "The staff token is not valid.");
    c.set("staff", { kind: "staff", userId: entry.userId, roles: entry.roles });
    await next();
  };
}

/** Route guard: the signed-in staff user must hold one of these roles. */
export function allowRoles(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!c.var.staff.roles.some((r) => roles.includes(r))) {
      throw new DomainError("forbidden", `This needs one of the roles: ${roles.join(", ")}.`);
    }
    await next();
  };
}
