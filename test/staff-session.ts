import type { Database } from "../src/db/client";
import type { StaffRole } from "../src/services/cases/context";
import { addStaffUser } from "../src/services/staff/add-staff-user";
import { createStaffApiToken } from "../src/services/staff/create-staff-api-token";

export const TEST_STAFF_PASSWORD = "correct horse battery staple";

interface RequestingApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A staff user with a local password (TEST_STAFF_PASSWORD unless given) and, on request, an API token. */
export async function createStaffUser(
  database: Database,
  options: {
    email: string;
    name?: string;
    roles: StaffRole[];
    departments?: string[];
    languages?: string[];
    password?: string;
  },
) {
  const user = await addStaffUser({
    ctx: { database },
    input: { password: TEST_STAFF_PASSWORD, ...options },
  });
  return {
    ...user,
    createToken: async (roles: StaffRole[] = options.roles) =>
      (await createStaffApiToken({ ctx: { database }, input: { email: options.email, roles } })).token,
  };
}

/**
 * Signs in through POST /staff/sign-in and returns what a browser would send next: the Cookie header
 * and the CSRF token that cookie-authenticated writes carry in X-CSRF-Token.
 */
export async function signInAs(app: RequestingApp, email: string, password = TEST_STAFF_PASSWORD) {
  const response = await app.request("/staff/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string; userId: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrfToken: body.csrfToken, userId: body.userId };
}
