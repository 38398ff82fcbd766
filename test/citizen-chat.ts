import { expect } from "vitest";

/** A reply as the web chat's client receives it. */
export interface CitizenReply {
  text: string;
  status: string;
  lang: string;
  citations: { articleId: string; title: string; url: string }[];
  intake?: { service: string; name: string; awaiting: string };
  options?: { service: string; name: string }[];
  case?: { reference: string; status: string };
}

let lastAddress = 0;

/**
 * Opens a web conversation on a running test service and returns a `say` that posts the citizen's
 * text and gives back the reply, plus the conversation's transcript as the client reads it. Each
 * conversation comes from its own address, so the per-address limits of a real client stay out of
 * the way of a test that opens many.
 */
export async function openCitizenChat(baseUrl: string, lang = "en") {
  const from = { "cf-connecting-ip": `198.51.100.${(++lastAddress % 250) + 1}` };
  const created = await fetch(`${baseUrl}/v1/conversations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...from },
    body: JSON.stringify({ channel: "web", lang }),
  });
  expect(created.status).toBe(201);
  const conv = (await created.json()) as { id: string; token: string };
  const headers = { authorization: `Bearer ${conv.token}`, ...from };
  const say = async (text: string): Promise<CitizenReply> => {
    const res = await fetch(`${baseUrl}/v1/conversations/${conv.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { message: CitizenReply }).message;
  };
  const transcript = async () => {
    const res = await fetch(`${baseUrl}/v1/conversations/${conv.id}`, { headers });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: { role: string; text: string }[] }).messages;
  };
  return { id: conv.id, say, transcript };
}
