export interface Citation {
  articleId: string;
  title: string;
  url: string;
}

export interface ChatMessage {
  id: string;
  role: string;
  text: string;
  lang?: string | null;
  status?: string | null;
  citations?: Citation[];
  feedback?: string | number | null;
  case?: { reference: string; status: string } | null;
  handoff?: boolean;
  /** A staff reply's author (first name). */
  author?: string;
  clientMessageId?: string;
  /** While a case intake is in progress: the service and the detail asked for next. */
  intake?: { service: string; name: string; awaiting: string } | null;
  /** A choice of services offered; the citizen answers with the option's number. */
  options?: { service: string; name: string }[] | null;
}

export interface Session {
  id: string;
  token: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Thin client over the documented chat API (DESIGN.md section 5). */
export class ChatApi {
  constructor(private readonly base: string) {}

  async createConversation(lang: string): Promise<Session> {
    return this.json<Session>("POST", "/v1/conversations", undefined, { channel: "web", lang });
  }

  async getConversation(
    session: Session,
  ): Promise<{ lang: string; messages: ChatMessage[]; handoff: boolean }> {
    return this.json("GET", `/v1/conversations/${encodeURIComponent(session.id)}`, session.token);
  }

  async requestHandoff(session: Session): Promise<unknown> {
    return this.json(
      "POST",
      `/v1/conversations/${encodeURIComponent(session.id)}/handoff`,
      session.token,
      {},
    );
  }

  async sendFeedback(session: Session, messageId: string, value: "up" | "down"): Promise<unknown> {
    const path = `/v1/conversations/${encodeURIComponent(session.id)}/messages/${encodeURIComponent(messageId)}/feedback`;
    return this.json("POST", path, session.token, { value });
  }

  /** Sends a message and streams the reply; resolves with the final message from the `done` event. */
  async sendMessage(
    session: Session,
    text: string,
    clientMessageId: string,
    onToken: (text: string) => void,
  ): Promise<ChatMessage> {
    const res = await fetch(`${this.base}/v1/conversations/${encodeURIComponent(session.id)}/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${session.token}`,
      },
      body: JSON.stringify({ text, clientMessageId }),
    });
    if (!res.ok) throw new HttpError(res.status, await problemDetail(res));
    if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
      const body = (await res.json()) as { message: ChatMessage };
      return body.message;
    }
    if (!res.body) throw new HttpError(0, "empty stream");
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary !== -1) {
        const event = parseEvent(buffer.slice(0, boundary));
        buffer = buffer.slice(boundary + 2);
        if (event.name === "token") onToken((JSON.parse(event.data) as { text: string }).text);
        else if (event.name === "done") return (JSON.parse(event.data) as { message: ChatMessage }).message;
        else if (event.name === "error")
          throw new HttpError(500, (JSON.parse(event.data) as { detail: string }).detail);
        boundary = buffer.indexOf("\n\n");
      }
    }
    throw new HttpError(0, "the stream ended before the reply was complete");
  }

  private async json<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new HttpError(res.status, await problemDetail(res));
    return (await res.json()) as T;
  }
}

function parseEvent(block: string): { name: string; data: string } {
  let name = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return { name, data: data.join("\n") };
}

async function problemDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: string };
    return body.detail ?? res.statusText;
  } catch {
    return res.statusText;
  }
}
