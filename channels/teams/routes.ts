import { Hono } from "hono";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import { DomainError } from "../../src/domain/errors";
import { readJsonBody } from "../../src/http/body";
import type { TeamsChannel, TeamsTurnHandler } from "../../src/ports/teams-channel";

export const TEAMS_PATH = "/channels/teams/messages";

export interface TeamsRouteOptions {
  teams: TeamsChannel;
  /** The staff channel's turn logic (escalation threads, take over, 1:1 questions). */
  onTurn: TeamsTurnHandler;
}

/**
 * The bot's messaging endpoint, as registered with Azure Bot Service. The connector's bearer token is
 * checked by the Agents SDK before anything in the activity is acted on; a bad one answers 401 as
 * problem+json. Mounted only when the bot registration is configured; otherwise the path is a 404.
 */
export function teamsRoutes(options: TeamsRouteOptions) {
  const app = new Hono();
  app.post(TEAMS_PATH, async (c) => {
    const body = await readJsonBody(c);
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await options.teams.handle({ method: "POST", headers, body }, options.onTurn);
    if (answer.status === 401) {
      throw new DomainError("unauthorized", "The connector's token is missing or not valid for this bot.");
    }
    if (answer.status === 400)
      throw new DomainError("invalid_input", "The body is not a Bot Framework activity.");
    if (answer.body === undefined || answer.body === null) return c.body(null, answer.status as StatusCode);
    return c.json(answer.body as object, answer.status as ContentfulStatusCode);
  });
  return app;
}
