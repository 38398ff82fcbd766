import { ZodError } from "zod";
import { DomainError } from "../../src/domain/errors";
import type { TeamsInvokeResult, TeamsTurn } from "../../src/ports/teams-channel";
import type { StaffRole } from "../../src/services/cases/context";
import { HANDOFF_ROLES } from "../../src/services/handoff/context";
import { answerStaffQuestion } from "../../src/services/teams/answer-staff-question";
import { ANY_DEPARTMENT, type TeamsContext } from "../../src/services/teams/context";
import {
  forgetTeamsConversation,
  linkTeamsChannel,
  recordTeamsConversation,
} from "../../src/services/teams/record-teams-conversation";
import {
  departmentExists,
  resolveTeamsStaff,
  type TeamsStaffMember,
} from "../../src/services/teams/resolve-teams-staff";
import {
  actInHandoffThread,
  findHandoffForThread,
  takeOverFromTeams,
} from "../../src/services/teams/teams-handoffs";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";

const NOT_LINKED =
  "Your Teams account is not linked to a CivicDesk staff account (no staff account has your e-mail address).";
const CHANNEL_HELP =
  "Escalations for this channel's department appear here. Reply in a card's thread to write to the citizen; " +
  "`handback` returns the conversation to the assistant, `close` ends it. A supervisor links the channel with " +
  "`link <department code>` (or `link *` for every department without its own channel).";
const PERSONAL_HELP =
  "Ask me a question and I will search the knowledge base for you; SLA warnings for your cases arrive here too.";

/**
 * The staff side of Teams: remembers where it can post, links channels to departments, takes over
 * from escalation cards, carries staff replies and commands from card threads to the citizen, and
 * answers knowledge questions in 1:1 chats. Every change goes through the handoff verbs as the staff
 * member mapped from the Teams user.
 */
export function createTeamsBot(ctx: () => TeamsContext) {
  return async (turn: TeamsTurn): Promise<TeamsInvokeResult | undefined> => {
    const context = ctx();
    const incoming = turn.incoming;
    if (incoming.type === "installationUpdate" && incoming.action?.startsWith("remove")) {
      await forgetTeamsConversation({ ctx: context, rootConversationId: incoming.rootConversationId });
      return undefined;
    }
    const staff = await resolveTeamsStaff({ ctx: context, user: incoming.from, email: turn.senderEmail });
    await recordTeamsConversation({ ctx: context, incoming, staffUserId: staff?.userId });

    if (incoming.type === "invoke") return onInvoke(context, turn, staff);
    if (incoming.type === "installationUpdate") {
      await turn.reply({ text: incoming.kind === "channel" ? CHANNEL_HELP : PERSONAL_HELP });
      return undefined;
    }
    if (incoming.type !== "message" || !incoming.text) return undefined;

    if (incoming.kind === "channel") {
      const reply = await onChannelMessage(context, turn, staff);
      if (reply) await turn.reply({ text: reply });
      return undefined;
    }
    if (incoming.kind === "personal") {
      if (!staff) {
        await turn.reply({ text: NOT_LINKED });
        return undefined;
      }
      const text = incoming.text.trim();
      const answer = /^help$/i.test(text)
        ? PERSONAL_HELP
        : await answerStaffQuestion({
            ctx: context,
            question: text,
            lang: languageOf(incoming.reference.locale),
          });
      await turn.reply({ text: answer });
    }
    return undefined;
  };
}

async function onInvoke(
  ctx: TeamsContext,
  turn: TeamsTurn,
  staff: TeamsStaffMember | null,
): Promise<TeamsInvokeResult | undefined> {
  if (turn.incoming.invokeName !== "adaptiveCard/action") return undefined;
  const action = (turn.incoming.value as { action?: { verb?: unknown; data?: { conversationId?: unknown } } })
    ?.action;
  const message = (text: string): TeamsInvokeResult => ({
    status: 200,
    body: { statusCode: 200, type: MESSAGE, value: text },
  });
  if (action?.verb !== "takeOver" || typeof action.data?.conversationId !== "string") {
    return {
      status: 400,
      body: {
        statusCode: 400,
        type: "application/vnd.microsoft.error",
        value: { code: "BadRequest", message: "Unknown card action." },
      },
    };
  }
  if (!staff) return message(NOT_LINKED);
  if (!hasRole(staff, HANDOFF_ROLES)) return message("Your role cannot take over conversations.");
  try {
    const card = await takeOverFromTeams({ ctx, staff, conversationId: action.data.conversationId });
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD, value: card } };
  } catch (error) {
    if (error instanceof DomainError) return message(error.message);
    if (error instanceof ZodError) return message("That request was not valid.");
    throw error;
  }
}

async function onChannelMessage(
  ctx: TeamsContext,
  turn: TeamsTurn,
  staff: TeamsStaffMember | null,
): Promise<string | null> {
  const { incoming } = turn;
  const link = /^link\s+(\S+)$/i.exec(incoming.text.trim());
  if (link) {
    if (!staff || !hasRole(staff, ["supervisor", "admin"]))
      return "Only a supervisor or admin can link a channel.";
    const code = link[1]!;
    if (code !== ANY_DEPARTMENT && !(await departmentExists(ctx, code)))
      return `There is no department "${code}".`;
    await linkTeamsChannel({ ctx, rootConversationId: incoming.rootConversationId, departmentCode: code });
    return code === ANY_DEPARTMENT
      ? "This channel now receives escalations for every department without its own channel."
      : `This channel now receives escalations for ${code}.`;
  }
  const conversationId = incoming.threadRootId
    ? await findHandoffForThread({
        ctx,
        rootConversationId: incoming.rootConversationId,
        threadRootId: incoming.threadRootId,
      })
    : null;
  if (!conversationId) return CHANNEL_HELP;
  if (!staff) return NOT_LINKED;
  try {
    return await actInHandoffThread({ ctx, staff, conversationId, text: incoming.text });
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    if (error instanceof ZodError) return error.issues[0]?.message ?? "That message could not be sent.";
    throw error;
  }
}

function hasRole(staff: TeamsStaffMember, roles: readonly StaffRole[]): boolean {
  return staff.roles.some((role) => roles.includes(role));
}

/** "en-GB" -> "en", for the knowledge search's language preference. */
function languageOf(locale: unknown): string | undefined {
  return typeof locale === "string" && /^[a-z]{2}/i.test(locale)
    ? locale.slice(0, 2).toLowerCase()
    : undefined;
}
