import { type Context, Hono } from "hono";
import type { Database } from "../../db/client";
import { DomainError } from "../../domain/errors";
import { getCitizenCase } from "../../services/cases/get-citizen-case";
import type { AppEnv } from "../context";

/** GET /v1/cases/{reference}: the citizen who reported the case, authorised by a conversation's bearer token. */
export function casesRoutes(deps: {
  database: Database;
  /** Throttles lookups per client, so references cannot be tried in bulk. */
  limitLookups?: (c: Context<AppEnv>) => Promise<void>;
}) {
  const app = new Hono<AppEnv>();
  app.get("/v1/cases/:reference", async (c) => {
    await deps.limitLookups?.(c);
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (!token) throw new DomainError("unauthorized", "The conversation's bearer token is required.");
    const view = await getCitizenCase({
      ctx: { database: deps.database, actor: { kind: "conversation_token", token } },
      input: { reference: c.req.param("reference"), lang: c.req.query("lang") },
    });
    return c.json(view);
  });
  return app;
}
