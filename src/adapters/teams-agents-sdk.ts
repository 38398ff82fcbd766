import { Activity, ActivityTypes, type ConversationReference } from "@microsoft/agents-activity";
import {
  type AuthConfiguration,
  AuthType,
  CloudAdapter,
  type ConnectorClient,
  type Request as SdkRequest,
  type TurnContext,
  type WebResponse,
} from "@microsoft/agents-hosting";
import type { TeamsSettings } from "../config";
import type { Logger } from "../logger";
import type {
  TeamsChannel,
  TeamsConversationKind,
  TeamsHttpRequest,
  TeamsHttpResponse,
  TeamsIncoming,
  TeamsOutgoing,
  TeamsReference,
  TeamsTurnHandler,
} from "../ports/teams-channel";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/**
 * The Teams channel on the Microsoft 365 Agents SDK: its CloudAdapter checks the connector's token
 * (authorizeJWT: RS256, audience = our app id, keys from the Entra authority's key set, issuer and
 * tenant checked) and runs each turn; replies, proactive messages and card refreshes go through the
 * SDK's connector client with a token it obtains for our app (MSAL, or the Entra SDK sidecar).
 */
export function createAgentsSdkTeamsChannel(settings: TeamsSettings, logger: Logger): TeamsChannel {
  const auth: AuthConfiguration = {
    clientId: settings.appId,
    tenantId: settings.tenantId,
    validateIssuer: true,
    ...(settings.authority ? { authority: settings.authority } : {}),
    ...(settings.credential.kind === "secret" ? { clientSecret: settings.credential.password } : {}),
    ...(settings.credential.kind === "certificate"
      ? { certPemFile: settings.credential.pemFile, certKeyFile: settings.credential.keyFile }
      : {}),
    ...(settings.credential.kind === "sidecar"
      ? { authType: AuthType.EntraAuthSideCar, sidecarBaseUrl: settings.credential.baseUrl }
      : {}),
  };
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error("teams turn failed", {
      type: context.activity.type,
      error: error instanceof Error ? error.message : String(error),
    });
    // An invoke answers with its status; a message gets a short apology in the conversation.
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity("Sorry, that did not work. Please try again.").catch(() => {});
    }
  };

  return {
    appId: settings.appId,

    async handle(request: TeamsHttpRequest, handler: TeamsTurnHandler): Promise<TeamsHttpResponse> {
      const req: SdkRequest = {
        method: request.method,
        headers: request.headers,
        body: request.body as Record<string, unknown>,
      };
      const res = new ShimResponse();
      let authorized = false;
      await adapter.authorizeRequest(req, res, () => {
        authorized = true;
      });
      if (!authorized) return res.toResponse(401);
      if (!isActivityBody(request.body)) {
        return { status: 400, headers: {}, body: { error: "the body is not an activity" } };
      }
      try {
        await adapter.process(req, res, async (context) => {
          const result = await handler({
            incoming: toIncoming(context.activity),
            reply: async (message) => {
              const sent = await context.sendActivity(toActivity(message));
              return { id: sent?.id ?? "" };
            },
            senderEmail: async () => {
              const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
              // In a team, members are looked up in the team; elsewhere in the chat (never in a thread id).
              const team = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
              const where = team ?? context.activity.conversation!.id.split(";messageid=")[0]!;
              const member = await client
                ?.getConversationMember(context.activity.from?.id ?? "", where)
                .catch(() => undefined);
              const info = member as { email?: string; userPrincipalName?: string } | undefined;
              return info?.email ?? info?.userPrincipalName ?? undefined;
            },
          });
          if (result && context.activity.type === ActivityTypes.Invoke) {
            const response = new Activity(ActivityTypes.InvokeResponse);
            response.value = { status: result.status, body: result.body };
            await context.sendActivity(response);
          }
        });
      } catch (error) {
        logger.warn("teams activity refused", {
          error: error instanceof Error ? error.message : String(error),
        });
        if (!res.headersSent) return { status: 400, headers: {}, body: { error: "bad activity" } };
      }
      return res.toResponse(200);
    },

    async send(reference, message, options = {}) {
      const target = options.threadRootId ? inThread(reference, options.threadRootId) : reference;
      let id = "";
      await adapter.continueConversation(
        settings.appId,
        target as unknown as ConversationReference,
        async (ctx) => {
          const sent = await ctx.sendActivity(toActivity(message));
          id = sent?.id ?? "";
        },
      );
      return { id };
    },

    async update(reference, activityId, message) {
      await adapter.continueConversation(
        settings.appId,
        reference as unknown as ConversationReference,
        async (ctx: TurnContext) => {
          const activity = toActivity(message);
          activity.id = activityId;
          activity.conversation = ctx.activity.conversation;
          activity.serviceUrl = ctx.activity.serviceUrl;
          await ctx.updateActivity(activity);
        },
      );
    },
  };
}

/** Just enough of Express's response for CloudAdapter.process and authorizeJWT. */
class ShimResponse implements WebResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown;
  headersSent = false;
  writableEnded = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    this.headersSent = true;
    return this;
  }
  end(): this {
    this.headersSent = true;
    this.writableEnded = true;
    return this;
  }
  toResponse(fallback: number): TeamsHttpResponse {
    return {
      status: this.headersSent ? this.statusCode : fallback,
      headers: this.headers,
      ...(this.body !== undefined ? { body: this.body } : {}),
    };
  }
}

function isActivityBody(body: unknown): boolean {
  if (!body || typeof body !== "object" || Array.isArray(body)) return false;
  const activity = body as { type?: unknown; conversation?: { id?: unknown }; serviceUrl?: unknown };
  return (
    typeof activity.type === "string" &&
    typeof activity.conversation?.id === "string" &&
    typeof activity.serviceUrl === "string"
  );
}

function toActivity(message: TeamsOutgoing): Activity {
  const activity = new Activity(ActivityTypes.Message);
  if ("card" in message) {
    activity.attachments = [{ contentType: ADAPTIVE_CARD, content: message.card }];
    if (message.text) activity.text = message.text;
  } else {
    activity.text = message.text;
    activity.textFormat = "plain";
  }
  return activity;
}

function inThread(reference: TeamsReference, threadRootId: string): TeamsReference {
  const conversation = { ...(reference.conversation as Record<string, unknown>) };
  const root = String(conversation.id ?? "").split(";messageid=")[0];
  conversation.id = `${root};messageid=${threadRootId}`;
  return { ...reference, conversation };
}

function toIncoming(activity: Activity): TeamsIncoming {
  const conversationId = activity.conversation?.id ?? "";
  const [rootConversationId, threadRootId] = conversationId.split(";messageid=");
  const type = activity.conversation?.conversationType;
  const kind: TeamsConversationKind =
    type === "channel" ? "channel" : type === "personal" ? "personal" : "groupChat";
  let text = "";
  if (activity.type === ActivityTypes.Message) {
    const recipientId = activity.recipient?.id;
    text = (recipientId ? activity.removeMentionText(recipientId) : activity.text) ?? activity.text ?? "";
    text = text.replace(/<at>[^<]*<\/at>/g, "").trim();
  }
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const reference = JSON.parse(JSON.stringify(activity.getConversationReference())) as TeamsReference;
  // A reference kept for later posts addresses the channel itself, not the thread it arrived in.
  if (reference.conversation && typeof reference.conversation === "object") {
    (reference.conversation as Record<string, unknown>).id = rootConversationId;
  }
  return {
    type: activity.type,
    activityId: activity.id,
    text,
    from: {
      id: activity.from?.id ?? "",
      name: activity.from?.name,
      aadObjectId: activity.from?.aadObjectId,
    },
    conversationId,
    rootConversationId: rootConversationId ?? conversationId,
    threadRootId: kind === "channel" ? threadRootId : undefined,
    kind,
    tenantId: activity.conversation?.tenantId ?? channelData?.tenant?.id,
    invokeName: activity.name,
    value: activity.value,
    action: activity.action,
    reference,
  };
}
