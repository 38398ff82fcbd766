import type { AdaptiveCard } from "../../ports/teams-channel";

/** What an escalation card shows; gathered by the sync verbs, laid out here. */
export interface EscalationFacts {
  conversationId: string;
  lang: string;
  channel: string;
  reason: string | null;
  state: string;
  assigneeName: string | null;
  waitingSeconds: number;
  /** Sentences as the citizen wrote them (no model involved). */
  summary: string[];
  lastMessages: { role: string; text: string }[];
  sla: { caseReference: string; label: string; dueAt: Date } | null;
  now: Date;
}

const REASONS: Record<string, string> = {
  citizen_request: "The citizen asked for a person",
  no_answer: "The assistant could not answer twice in a row",
  sensitive: "A sensitive topic the assistant was unsure about",
  unsure: "The assistant was unsure",
  voice_agent: "The caller asked for an agent",
  staff_flag: "Flagged by staff",
};

const CHANNELS: Record<string, string> = { web: "Web chat", sms: "SMS", voice: "Phone", teams: "Teams" };

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function durationText(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "first response due in 1 h 5 min" or "… overdue by 10 min", from the case's next due time. */
export function slaText(facts: EscalationFacts): string {
  if (!facts.sla) return `Waiting for a person for ${durationText(facts.waitingSeconds)}`;
  const left = (facts.sla.dueAt.getTime() - facts.now.getTime()) / 1000;
  const when = left >= 0 ? `due in ${durationText(left)}` : `overdue by ${durationText(left)}`;
  return `Case ${facts.sla.caseReference}: ${facts.sla.label} ${when}`;
}

function statusText(facts: EscalationFacts): string {
  if (facts.state === "human") return `Taken over by ${facts.assigneeName ?? "a staff member"}`;
  if (facts.state === "bot") return "Handed back to the assistant";
  if (facts.state === "closed") return "Closed";
  return "Waiting for a person";
}

const ROLE_LABEL: Record<string, string> = { citizen: "Citizen", assistant: "Assistant", staff: "Staff" };

/**
 * The card posted to a department channel for one escalation: language, channel, reason, summary,
 * last messages, SLA text, and Take over (Action.Execute) / Open in console (Action.OpenUrl). Once
 * someone holds the conversation the Take over button is gone and the card says who took it.
 */
export function escalationCard(facts: EscalationFacts, consoleBaseUrl?: string): AdaptiveCard {
  const waiting = facts.state === "waiting";
  const body: unknown[] = [
    {
      type: "TextBlock",
      text: waiting ? "A citizen is waiting for a person" : statusText(facts),
      weight: "Bolder",
      size: "Medium",
      wrap: true,
    },
    {
      type: "FactSet",
      facts: [
        { title: "Language", value: languageName(facts.lang) },
        { title: "Channel", value: CHANNELS[facts.channel] ?? facts.channel },
        { title: "Reason", value: REASONS[facts.reason ?? ""] ?? facts.reason ?? "Not given" },
        { title: "SLA", value: slaText(facts) },
        { title: "Status", value: statusText(facts) },
      ],
    },
  ];
  if (facts.summary.length > 0) {
    body.push({ type: "TextBlock", text: "Summary (the citizen's own words)", weight: "Bolder", wrap: true });
    for (const line of facts.summary)
      body.push({ type: "TextBlock", text: line, wrap: true, spacing: "Small" });
  }
  if (facts.lastMessages.length > 0) {
    body.push({ type: "TextBlock", text: "Last messages", weight: "Bolder", wrap: true });
    for (const m of facts.lastMessages) {
      body.push({
        type: "TextBlock",
        text: `${ROLE_LABEL[m.role] ?? m.role}: ${m.text}`,
        wrap: true,
        spacing: "Small",
        isSubtle: m.role !== "citizen",
      });
    }
  }
  const actions: unknown[] = [];
  if (waiting) {
    actions.push({
      type: "Action.Execute",
      title: "Take over",
      verb: "takeOver",
      data: { conversationId: facts.conversationId },
    });
  }
  if (consoleBaseUrl) {
    actions.push({
      type: "Action.OpenUrl",
      title: "Open in console",
      url: `${consoleBaseUrl.replace(/\/+$/, "")}/staff/conversations/${facts.conversationId}`,
    });
  }
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    body,
    actions,
  };
}
