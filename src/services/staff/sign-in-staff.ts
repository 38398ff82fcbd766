import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../cases/record-audit";
import { DEFAULT_STAFF_AUTH_SETTINGS, type StaffAuthContext } from "./context";
import { openStaffSession } from "./open-staff-session";
import { parseInput } from "./parse-staff-input";
import { dummyPasswordHash, verifyPassword } from "./secrets";

const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "is required").max(320),
  password: z.string().min(1, "is required").max(1024),
});

const REFUSED = "The email or password is not right.";

/**
 * Checks a local account's password and opens a session. Repeated failures lock the account for a
 * while; the lock is stored on the user, so it holds across processes and client addresses.
 */
export async function signInStaff({ ctx, input }: { ctx: StaffAuthContext; input: unknown }) {
  const { email, password } = parseInput(SignInInput, input, "sign-in");
  const settings = ctx.settings ?? DEFAULT_STAFF_AUTH_SETTINGS;
  const now = ctx.now ?? new Date();
  const { db } = ctx.database;
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  if (!user?.passwordHash || !user.active) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new DomainError("unauthorized", REFUSED);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError("rate_limited", "Too many failed sign-ins; this account is locked for a while.", {
      retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + settings.lockoutMinutes * 60_000);
    // Counted in one statement so parallel guesses cannot slip past the limit.
    await db
      .update(staffUsers)
      .set({
        failedSignIns: sql`CASE WHEN ${staffUsers.failedSignIns} + 1 >= ${settings.maxFailedSignIns} THEN 0 ELSE ${staffUsers.failedSignIns} + 1 END`,
        lockedUntil: sql`CASE WHEN ${staffUsers.failedSignIns} + 1 >= ${settings.maxFailedSignIns} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${staffUsers.lockedUntil} END`,
      })
      .where(eq(staffUsers.id, user.id));
    await recordAudit(db, { kind: "system", name: "sign-in" }, ctx.requestId, {
      action: "staff.sign_in_failed",
      subjectType: "staff_user",
      subjectId: user.id,
    });
    throw new DomainError("unauthorized", REFUSED);
  }
  await db.update(staffUsers).set({ failedSignIns: 0, lockedUntil: null }).where(eq(staffUsers.id, user.id));
  return openStaffSession({ ctx, userId: user.id, method: "local" });
}
