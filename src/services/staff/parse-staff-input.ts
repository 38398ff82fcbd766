import { z } from "zod";
import { DomainError } from "../../domain/errors";
import { STAFF_ROLES } from "../cases/context";

export const StaffRoleList = z.array(z.enum(STAFF_ROLES)).min(1, "at least one role is needed");
export const StaffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address");

/** zod parse that reports every bad field as one invalid_input error. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.join(".") || "(body)",
    message: issue.message,
  }));
  throw new DomainError(
    "invalid_input",
    `${what}: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}`,
    { errors },
  );
}
