import type { messages } from "../../db/schema";

export interface Citation {
  articleId: string;
  title: string;
  url: string;
}

/** What the citizen sees of one message; the same shape over JSON, SSE and GET. */
export interface MessageView {
  id: string;
  role: string;
  text: string;
  lang: string | null;
  status: string | null;
  citations: Citation[];
  case?: { reference: string; status: string };
  /** A case intake in progress: the service and what the assistant waits for. */
  intake?: { service: string; name: string; awaiting: string };
  /** Services offered for the citizen to choose from, in the order shown. */
  options?: { service: string; name: string }[];
  handoff: boolean;
  /** For a staff reply: the first name of the person who wrote it, when their account has a name. */
  author?: string;
  feedback: number | null;
  /** The id the citizen's client gave its message, so a client can match its own copy. */
  clientMessageId?: string;
  createdAt: string;
}

/** Fields of `messages.meta` the view reads; the rest (model, fallback, timings) stays internal. */
interface ReplyMeta {
  case?: { reference: string; status: string };
  intake?: { service: string; name: string; awaiting: string };
  options?: { service: string; name: string }[];
  handoff?: boolean;
  staffFirstName?: string;
}

export function toMessageView(row: typeof messages.$inferSelect): MessageView {
  const meta = row.meta as ReplyMeta;
  return {
    id: row.id,
    role: row.role,
    text: row.text,
    lang: row.lang,
    status: row.status,
    citations: row.citations,
    ...(meta.case ? { case: meta.case } : {}),
    ...(meta.intake ? { intake: meta.intake } : {}),
    ...(meta.options ? { options: meta.options } : {}),
    handoff: meta.handoff === true,
    ...(row.role === "staff" && meta.staffFirstName ? { author: meta.staffFirstName } : {}),
    feedback: row.feedback,
    ...(row.role === "citizen" && row.idempotencyKey ? { clientMessageId: row.idempotencyKey } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
