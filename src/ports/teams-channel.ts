/**
 * Microsoft Teams as a staff channel, in our own terms. The adapter behind it speaks the Bot Framework
 * activity protocol (inbound token checks, connector calls); callers see turns, references and cards.
 */

/** A Bot Framework conversation reference, stored as the connector gave it and handed back unchanged. */
export type TeamsReference = Record<string, unknown>;

/** An Adaptive Card (the JSON object with `"type": "AdaptiveCard"`). */
export type AdaptiveCard = Record<string, unknown>;

export type TeamsOutgoing = { text: string } | { card: AdaptiveCard; text?: string };

export interface TeamsUser {
  /** The user's id in Teams (29:…). */
  id: string;
  name?: string | undefined;
  /** The user's Entra object id. */
  aadObjectId?: string | undefined;
}

export type TeamsConversationKind = "channel" | "personal" | "groupChat";

/** One inbound activity, reduced to what the staff channel acts on. */
export interface TeamsIncoming {
  /** message | invoke | installationUpdate | conversationUpdate | … */
  type: string;
  activityId?: string | undefined;
  /** The message text with the bot's @mention removed, trimmed. */
  text: string;
  from: TeamsUser;
  /** The conversation as addressed: a channel thread carries `;messageid=` in its id. */
  conversationId: string;
  /** The conversation without any thread suffix: the channel, chat or 1:1 chat itself. */
  rootConversationId: string;
  /** In a channel thread: the id of the thread's first post. */
  threadRootId?: string | undefined;
  kind: TeamsConversationKind;
  tenantId?: string | undefined;
  /** For invokes: `adaptiveCard/action` and its value. */
  invokeName?: string | undefined;
  value?: unknown;
  /** installationUpdate: add | remove. */
  action?: string | undefined;
  /** The reference that lets the bot write back to this conversation later. */
  reference: TeamsReference;
}

/** What an invoke answers; for `adaptiveCard/action` the body carries the refreshed card. */
export interface TeamsInvokeResult {
  status: number;
  body?: unknown;
}

/** One inbound turn: the activity, and the ways to answer it while the turn runs. */
export interface TeamsTurn {
  incoming: TeamsIncoming;
  /** Answers in the same conversation (a channel thread stays in its thread). */
  reply(message: TeamsOutgoing): Promise<{ id: string }>;
  /** The sender's e-mail address as Teams knows it (a connector look-up); undefined when not given. */
  senderEmail(): Promise<string | undefined>;
}

export type TeamsTurnHandler = (turn: TeamsTurn) => Promise<TeamsInvokeResult | undefined>;

/** An inbound HTTP request as the route read it: method, headers and the parsed JSON body. */
export interface TeamsHttpRequest {
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface TeamsHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface TeamsChannel {
  /** The bot's app id (its Azure Bot registration). */
  readonly appId: string;
  /** Checks the connector's token, then runs the turn; 401 for a missing or bad token. */
  handle(request: TeamsHttpRequest, handler: TeamsTurnHandler): Promise<TeamsHttpResponse>;
  /**
   * Writes into a stored conversation without being asked (proactive). With `threadRootId`, in a
   * channel, the message goes into that post's thread.
   */
  send(
    reference: TeamsReference,
    message: TeamsOutgoing,
    options?: { threadRootId?: string },
  ): Promise<{ id: string }>;
  /** Replaces an earlier message (a card refresh everyone sees). */
  update(reference: TeamsReference, activityId: string, message: TeamsOutgoing): Promise<void>;
}
