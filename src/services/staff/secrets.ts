import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** A random secret for a cookie or an API token: 32 bytes, base64url. */
export function createSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Secrets are high-entropy, so a plain SHA-256 digest is enough to store them without the secret itself. */
export function digestSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

// argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Checked against when the email is unknown, so a wrong address costs as much time as a wrong password. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("civicdesk-no-such-user");
  return dummyHash;
}
