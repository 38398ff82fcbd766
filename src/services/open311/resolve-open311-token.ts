import { eq } from "drizzle-orm";
import { z } from "zod";
import { cases } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { Open311Context } from "./context";
import { publicRequestIdOf } from "./public-request-id";

const ResolveOpen311TokenInput = z.object({ token: z.string().trim().min(1).max(100) });

type Open311TokenReceipt = {
  service_request_id: string;
  token: string;
};

/** GET tokens/{token}: the request a batch submission became (its token is the case's internal id). */
export async function resolveOpen311Token({
  ctx,
  input,
}: {
  ctx: Open311Context;
  input: unknown;
}): Promise<Open311TokenReceipt[]> {
  const { token } = ResolveOpen311TokenInput.parse(input);
  const id = z.uuid().safeParse(token.toLowerCase());
  const [row] = id.success
    ? await ctx.database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, id.data))
    : [];
  if (!row) throw new DomainError("not_found", `token ${token} was not found.`);
  return [{ service_request_id: publicRequestIdOf(row.id), token }];
}
