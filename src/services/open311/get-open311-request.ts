import { z } from "zod";
import { DomainError } from "../../domain/errors";
import type { Open311Context } from "./context";
import { type Open311Request, selectOpen311Requests, wherePublicId } from "./request-view";

const GetOpen311RequestInput = z.object({ serviceRequestId: z.string().trim().min(1).max(40) });

/** GET requests/{id}: the specification answers with a list holding the one request. */
export async function getOpen311Request({
  ctx,
  input,
}: {
  ctx: Open311Context;
  input: unknown;
}): Promise<Open311Request[]> {
  const { serviceRequestId } = GetOpen311RequestInput.parse(input);
  const found = await selectOpen311Requests(ctx.database.db, {
    where: wherePublicId(serviceRequestId),
    limit: 1,
    lang: ctx.lang,
  });
  if (found.length === 0)
    throw new DomainError("not_found", `service_request_id ${serviceRequestId} was not found.`);
  return found;
}
