import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, conversations } from "../../src/db/schema";
import {
  callFields,
  findAll,
  parseTwiml,
  pathOf,
  startVoiceTestService,
  type TwimlNode,
  type VoiceTestService,
} from "./twiml.fixture";

const TRANSFER = "+441632960500";
// Tuesday 2 December 2025, 10:00 in London: inside the contact centre's calendar. A day in the past, so
// rows stamped with the database's own now() never fall behind this clock.
const IN_HOURS = new Date("2025-12-02T10:00:00Z");
const STAFF = { authorization: "Bearer test-agent-token" };

interface StaffEvent {
  kind: string;
  actorKind: string;
  actorId: string | null;
  reason: string | null;
  text: string | null;
}
interface StaffView {
  id: string;
  channel: string;
  state: string;
  reason: string | null;
  events: StaffEvent[];
  summary: { kind: string; lines: { role: string; text: string }[] };
  transcript: { role: string; text: string }[];
}

describe("a caller put through to a person inside business hours", () => {
  let voice: VoiceTestService;
  beforeAll(async () => {
    voice = await startVoiceTestService({ VOICE_TRANSFER_NUMBER: TRANSFER }, { clock: () => IN_HOURS });
  }, 60_000);
  afterAll(() => voice?.close());

  const send = async (path: string, fields: Record<string, string>): Promise<TwimlNode> => {
    const response = await voice.post(path, fields);
    expect(response.status).toBe(200);
    return parseTwiml(await response.text());
  };
  /** Follows the holding phrase's redirects to the poll until the answer is spoken. */
  const settle = async (twiml: TwimlNode, fields: Record<string, string>) => {
    let current = twiml;
    for (let i = 0; i < 10 && findAll(current, "Redirect").length > 0; i++) {
      current = await send(pathOf(findAll(current, "Redirect")[0]!.text.trim()), fields);
    }
    return current;
  };
  /** The caller's conversation as the staff API shows it (GET /v1/staff/conversations/{id}). */
  const staffView = async (caller: string): Promise<StaffView> => {
    const [found] = await voice.service.database.db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(contacts.address, caller), eq(conversations.channel, "voice")));
    expect(found).toBeDefined();
    const response = await fetch(`${voice.service.url}/v1/staff/conversations/${found!.id}`, {
      headers: STAFF,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as StaffView;
  };

  it("puts the call through and shows staff the reason, a note with the call's summary, and the transcript", async () => {
    const caller = "+447700900301";
    const asked = callFields("CA-transfer-1", caller, {
      SpeechResult: "When is my household rubbish collected?",
      Confidence: "0.9",
    });
    const answered = await settle(await send("/channels/voice/twilio/turn?lang=en&turn=1", asked), asked);
    const next = findAll(answered, "Gather")[0]!;
    const agent = callFields("CA-transfer-1", caller, { SpeechResult: "agent", Confidence: "0.9" });
    const turnTwo = pathOf(next.attributes.action!).replace(/&offer=link/, "");
    const transferred = await send(turnTwo, agent);
    expect(findAll(transferred, "Dial")[0]!.text).toBe(TRANSFER);

    const view = await staffView(caller);
    // In the queue staff work from, with why it is there.
    const queue = (await (
      await fetch(`${voice.service.url}/v1/staff/conversations`, { headers: STAFF })
    ).json()) as { conversations: { id: string; reason: string | null }[] };
    expect(queue.conversations.find((c) => c.id === view.id)?.reason).toBe("voice_agent");
    expect(view.reason).toBe("voice_agent");
    expect(view.state).toBe("waiting");
    const notes = view.events.filter((e) => e.kind === "note" && e.actorKind === "system");
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(note!.reason).toBe("voice_agent");
    expect(note!.text).toContain(TRANSFER);
    // The call's summary as the console writes it: the caller's words first, then where the call ended.
    expect(note!.text).toMatch(/household rubbish collected/);
    expect(note!.text).toMatch(/the caller asked for a person/);
    // The console's own summary of the transcript beside it.
    expect(view.summary.lines.map((l) => l.text).join(" ")).toMatch(/household rubbish collected/);

    // Twilio retrying the same request puts the call through again but adds no second note.
    const again = await send(turnTwo, agent);
    expect(findAll(again, "Dial")[0]!.text).toBe(TRANSFER);
    const after = await staffView(caller);
    expect(after.events.filter((e) => e.kind === "note" && e.actorKind === "system")).toHaveLength(1);
  }, 60_000);
  it("puts a caller the line cannot hear through after the keypad offer, with that reason on the note", async () => {
    const caller = "+447700900302";
    const silent = callFields("CA-transfer-2", caller);
    let twiml = await send("/channels/voice/twilio/turn?lang=en&turn=1", silent);
    for (let i = 0; i < 2; i++)
      twiml = await send(pathOf(findAll(twiml, "Gather")[0]!.attributes.action!), silent);
    expect(findAll(twiml, "Dial")[0]!.text).toBe(TRANSFER);
    const view = await staffView(caller);
    expect(view.reason).toBe("voice_no_input");
    const [note] = view.events.filter((e) => e.kind === "note" && e.actorKind === "system");
    expect(note!.text).toMatch(/could not hear the caller/);
    expect(note!.text).toMatch(/nothing was said/);
  }, 60_000);
  it("puts the call through on 'agent' said and on 0 pressed, at any turn, in the call's language", async () => {
    for (const [callSid, path, extra] of [
      [
        "CA-transfer-3",
        "/channels/voice/twilio/turn?lang=en&turn=1",
        { SpeechResult: "agent", Confidence: "0.8" },
      ],
      ["CA-transfer-4", "/channels/voice/twilio/turn?lang=ro&turn=2", { SpeechResult: "agent" }],
      ["CA-transfer-5", "/channels/voice/twilio/turn?lang=en&turn=1", { Digits: "0" }],
      ["CA-transfer-6", "/channels/voice/twilio/turn?lang=hu&turn=3", { Digits: "0" }],
    ] as const) {
      const twiml = await send(path, callFields(callSid, `+4477009004${callSid.slice(-1)}0`, extra));
      // The caller is told, in the call's language, before the line rings through.
      const lang = new URLSearchParams(path.split("?")[1]).get("lang");
      const [told, dial] = twiml.children;
      expect(told?.name, callSid).toBe("Say");
      expect(told?.attributes.language?.startsWith(`${lang}-`), callSid).toBe(true);
      expect(dial?.name, callSid).toBe("Dial");
      expect(dial?.text, callSid).toBe(TRANSFER);
    }
  }, 60_000);
});
